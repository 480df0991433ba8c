package org.milkbottle.validation.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.milkbottle.validation.api.ValidationReport;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Every install decision, appended as one JSON line to {@code audit.jsonl} in MilkBottle's data folder and
 * forced to disk; it survives restarts.
 */
@Component(service = AuditLog.class)
public class AuditLog {

    /** One decision. */
    public record Entry(Instant time, String origin, boolean approved, ValidationReport report) {
    }

    /** Made on first use: Jackson's object mapper is ~600 classes, not worth loading at every start for nothing. */
    private static final class Mapper {
        static final ObjectMapper INSTANCE = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /** The mapper of the validation bundle's JSON files and reports. */
    public static ObjectMapper mapper() {
        return Mapper.INSTANCE;
    }

    private final Path file;

    @Activate
    public AuditLog(BundleContext context) {
        this(DataFolder.file(context, "audit.jsonl"));
    }

    AuditLog(Path file) {
        this.file = file;
    }

    public synchronized void record(String origin, ValidationReport report) {
        try {
            Files.createDirectories(file.getParent());
            byte[] line = (mapper().writeValueAsString(new Entry(Instant.now(), origin, report.approved(), report)) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(line));
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit log " + file, e);
        }
    }

    /** The last {@code count} entries, oldest first; lines cut short by a crash are skipped. */
    public synchronized List<Entry> tail(int count) {
        List<Entry> entries = new ArrayList<>();
        if (!Files.exists(file)) {
            return entries;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String line : lines.subList(Math.max(0, lines.size() - count), lines.size())) {
                try {
                    entries.add(mapper().readValue(line, Entry.class));
                } catch (IOException e) {
                    // a partial last line after a crash
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit log " + file, e);
        }
        return entries;
    }
}
