package org.milkbottle.sdk.internal.template;

import java.io.IOException;
import java.util.List;

/**
 * Where the template files are: the SDK bundle's {@code templates/} folder (BundleTemplateSource), or, in tests, the
 * source folder itself.
 */
public interface TemplateSource {

    /** The files under {@code templates/FOLDER}, as paths relative to it ('/'-separated), sorted; empty if none. */
    List<String> files(String folder) throws IOException;

    /** One file's bytes; {@code path} is relative to {@code templates/}. */
    byte[] read(String path) throws IOException;
}
