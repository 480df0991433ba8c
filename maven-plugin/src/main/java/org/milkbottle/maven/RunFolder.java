package org.milkbottle.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The throwaway runtime's folder: emptied before each run, and only if it is one that run made. */
final class RunFolder {

    /** What a run leaves in its folder, so that a folder given by mistake (the project itself) is never emptied. */
    static final String MARKER = ".milkbottle-run";

    private RunFolder() {
    }

    static void empty(Path folder) throws IOException {
        if (Files.exists(folder)) {
            if (!Files.isRegularFile(folder.resolve(MARKER))) {
                throw new IOException(folder + " exists and was not made by milkbottle:run; name another folder "
                        + "with -Dmilkbottle.runHome=DIR, or remove it yourself");
            }
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(MARKER), "made by mvn milkbottle:run; emptied by the next run\n");
    }
}
