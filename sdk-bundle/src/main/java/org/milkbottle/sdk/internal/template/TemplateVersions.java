package org.milkbottle.sdk.internal.template;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The versions a generated project pins: versions.properties, filled in by this bundle's build. */
final class TemplateVersions {

    private TemplateVersions() {
    }

    static Properties read() throws IOException {
        Properties versions = new Properties();
        try (InputStream in = TemplateVersions.class.getResourceAsStream("versions.properties")) {
            if (in == null) {
                throw new IOException("versions.properties is missing from the SDK");
            }
            versions.load(in);
        }
        return versions;
    }
}
