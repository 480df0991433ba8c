package org.milkbottle.sdk.internal.template;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The templates where the SDK's classes were loaded from, outside a framework (the Maven plugin, the archetype): the
 * SDK's jar, or its classes folder in a build. A class loader cannot list a folder, so this reads the jar or folder
 * itself.
 */
final class CodeSourceTemplateSource implements TemplateSource {

    private static final String ROOT = "templates/";

    private final Path location;

    CodeSourceTemplateSource(Path location) {
        this.location = location;
    }

    /** The templates beside this class: in the jar or classes folder it was loaded from. */
    static CodeSourceTemplateSource ofSdk() throws IOException {
        try {
            return new CodeSourceTemplateSource(Path.of(CodeSourceTemplateSource.class.getProtectionDomain()
                    .getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            throw new IOException("cannot tell where the SDK's classes come from (" + e + ")", e);
        }
    }

    @Override
    public List<String> files(String folder) throws IOException {
        String prefix = ROOT + folder + "/";
        List<String> files = new ArrayList<>();
        if (Files.isDirectory(location)) {
            Path root = location.resolve(prefix);
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(Files::isRegularFile)
                            .forEach(file -> files.add(root.relativize(file).toString().replace('\\', '/')));
                }
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements();) {
                    JarEntry entry = entries.nextElement();
                    if (!entry.isDirectory() && entry.getName().startsWith(prefix)) {
                        files.add(entry.getName().substring(prefix.length()));
                    }
                }
            }
        }
        files.sort(null);
        return files;
    }

    @Override
    public byte[] read(String path) throws IOException {
        if (Files.isDirectory(location)) {
            return Files.readAllBytes(location.resolve(ROOT + path));
        }
        try (JarFile jar = new JarFile(location.toFile())) {
            JarEntry entry = jar.getJarEntry(ROOT + path);
            if (entry == null) {
                throw new IOException(location + " has no " + ROOT + path);
            }
            return jar.getInputStream(entry).readAllBytes();
        }
    }
}
