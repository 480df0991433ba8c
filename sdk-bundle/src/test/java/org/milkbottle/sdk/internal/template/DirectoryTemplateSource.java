package org.milkbottle.sdk.internal.template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The templates straight from a folder (the source tree's {@code src/main/resources/templates}), for tests. */
final class DirectoryTemplateSource implements TemplateSource {

    static final Path SOURCE_TREE = Path.of("src/main/resources/templates");

    private final Path root;

    DirectoryTemplateSource(Path root) {
        this.root = root;
    }

    @Override
    public List<String> files(String folder) throws IOException {
        Path base = root.resolve(folder);
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(base)) {
            return paths.filter(Files::isRegularFile).map(p -> base.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    @Override
    public byte[] read(String path) throws IOException {
        return Files.readAllBytes(root.resolve(path));
    }
}
