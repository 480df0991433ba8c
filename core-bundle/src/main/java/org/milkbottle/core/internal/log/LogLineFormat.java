package org.milkbottle.core.internal.log;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/** How a {@link LogLine} is written to the file: a readable line, or a JSON object on one line. */
final class LogLineFormat extends Formatter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT.withZone(ZoneOffset.UTC);
    /** Made at the first JSON line: a runtime that writes text never loads Jackson for its log. */
    private static final class Json {
        static final JsonFactory FACTORY = new JsonFactory();
    }

    private final boolean json;

    LogLineFormat(boolean json) {
        this.json = json;
    }

    /** The records the log file receives carry their entry. */
    static final class Record extends LogRecord {

        private static final long serialVersionUID = 1L;

        private final transient LogLine line;

        Record(LogLine line) {
            super(line.level().jul(), line.message());
            this.line = line;
        }

        LogLine line() {
            return line;
        }
    }

    @Override
    public String format(LogRecord record) {
        LogLine line = ((Record) record).line();
        return json ? json(line) : text(line);
    }

    /** {@code 2026-12-01T10:00:00.123Z INFO  [org.acme.foo] message}, then the stack trace if there is one. */
    static String text(LogLine line) {
        StringBuilder out = new StringBuilder();
        out.append(TIME.format(line.time())).append(' ').append(String.format("%-5s", line.level())).append(" [")
                .append(line.bundle() == null ? "-" : line.bundle()).append("] ").append(line.message())
                .append(System.lineSeparator());
        if (line.exception() != null) {
            out.append(line.exception());
            if (!line.exception().endsWith("\n")) {
                out.append(System.lineSeparator());
            }
        }
        return out.toString();
    }

    /** {@code {"time":…,"level":…,"bundle":…,"logger":…,"thread":…,"message":…,"exception":…}} and a newline. */
    static String json(LogLine line) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = Json.FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("time", TIME.format(line.time()));
            json.writeStringField("level", line.level().name());
            json.writeStringField("bundle", line.bundle());
            json.writeStringField("logger", line.logger());
            json.writeStringField("thread", line.thread());
            json.writeStringField("message", line.message());
            if (line.exception() != null) {
                json.writeStringField("exception", line.exception());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.append('\n').toString();
    }
}
