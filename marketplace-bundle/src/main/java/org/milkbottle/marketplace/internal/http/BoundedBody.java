package org.milkbottle.marketplace.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.milkbottle.marketplace.api.MarketplaceException.Reason;
import org.milkbottle.marketplace.api.MarketplaceException;

/** Copies a request body, refusing it as soon as it passes a limit (whatever Content-Length claims). */
final class BoundedBody {

    private BoundedBody() {
    }

    static void copy(InputStream in, OutputStream out, long limit) throws IOException, MarketplaceException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > limit) {
                throw new MarketplaceException(Reason.TOO_LARGE, "The request body is larger than " + limit
                        + " bytes.");
            }
            out.write(buffer, 0, n);
        }
    }

    static byte[] read(InputStream in, long limit) throws IOException, MarketplaceException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        copy(in, out, limit);
        return out.toByteArray();
    }
}
