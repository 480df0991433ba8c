package org.milkbottle.core.internal.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** JSON state files written so that a crash at any moment leaves either the old or the new content. */
public final class JsonFiles {

    /** The mapper for MilkBottle's state files. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private JsonFiles() {
    }

    /**
     * Reads {@code file} as {@code type}, or throws a {@link StateFileException} saying that it is empty or what
     * {@code expected} it is not, and the {@code remedy}.
     */
    public static <T> T read(Path file, TypeReference<T> type, String expected, String remedy) {
        try {
            if (Files.size(file) == 0) {
                throw new StateFileException(file, "it is empty; expected " + expected, remedy);
            }
            return MAPPER.readValue(file.toFile(), type);
        } catch (JsonProcessingException e) {
            throw new StateFileException(file, "expected " + expected + ", found " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")"), remedy);
        } catch (IOException e) {
            throw new StateFileException(file, "it cannot be read (" + e + ")", remedy);
        }
    }

    /** Writes {@code value} to {@code file} atomically and durably. */
    public static void write(Path file, Object value) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(temp, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(value));
        force(temp);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Appends one JSON line and forces it to disk. */
    public static void appendLine(Path file, Object value) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] line = (MAPPER.writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8);
        Files.write(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        force(file);
    }

    private static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }
}
