package org.milkbottle.core.internal.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class RuntimeLogTest {

    @TempDir
    Path folder;

    private final List<RuntimeLog> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(RuntimeLog::deactivate);
    }

    /** A configuration with the defaults of {@link LogConfig}, apart from {@code values}. */
    private static LogConfig config(Map<String, Object> values) {
        return (LogConfig) Proxy.newProxyInstance(LogConfig.class.getClassLoader(), new Class<?>[] {LogConfig.class},
                (proxy, method, args) -> values.containsKey(method.getName()) ? values.get(method.getName())
                        : method.getDefaultValue());
    }

    private RuntimeLog open(Map<String, Object> values) {
        RuntimeLog log = new RuntimeLog(folder, config(values));
        opened.add(log);
        return log;
    }

    private static LogLine line(String bundle, LogLevels.Level level, String message) {
        return new LogLine(Instant.now(), level, bundle, "test", message, "main", null);
    }

    private List<String> files() throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.contains(".log") && !n.endsWith(".lck"))
                    .sorted().toList();
        }
    }

    @Test
    void rotationAtTheSizeLimitKeepsTheConfiguredNumberOfFiles() throws Exception {
        RuntimeLog log = open(Map.of("maxFileKilobytes", 16, "maxFiles", 3));
        String kilobyte = "x".repeat(1000);
        for (int i = 0; i < 200; i++) {
            log.accept(line("org.acme.a", LogLevels.Level.INFO, i + " " + kilobyte));
        }
        assertThat(files()).containsExactly("milkbottle.0.log", "milkbottle.1.log", "milkbottle.2.log");
        for (String file : files()) {
            assertThat(Files.size(folder.resolve(file))).isLessThanOrEqualTo(16 * 1024 + 1100);
        }
        // the newest entry is in the current file, the oldest ones are gone
        assertThat(Files.readString(folder.resolve("milkbottle.0.log"))).contains("199 xxx");
        String all = Files.readString(folder.resolve("milkbottle.2.log")) + Files.readString(folder.resolve(
                "milkbottle.1.log")) + Files.readString(folder.resolve("milkbottle.0.log"));
        assertThat(all).doesNotContain("] 0 xxx");
    }

    @Test
    void jsonLinesParseOneEntryPerLine() throws Exception {
        RuntimeLog log = open(Map.of("format", "json"));
        log.accept(line("org.acme.a", LogLevels.Level.WARN, "disk \"almost\" full\nsecond line"));
        log.accept(new LogLine(Instant.parse("2026-12-01T10:00:00Z"), LogLevels.Level.ERROR, null, "x",
                "failed", "worker-1", "java.lang.IllegalStateException: boom\n\tat x.y(Z.java:1)\n"));
        List<String> lines = Files.readAllLines(folder.resolve("milkbottle.0.log"));
        assertThat(lines).hasSize(2);
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines.get(0));
        assertThat(first.get("level").asText()).isEqualTo("WARN");
        assertThat(first.get("bundle").asText()).isEqualTo("org.acme.a");
        assertThat(first.get("message").asText()).isEqualTo("disk \"almost\" full\nsecond line");
        JsonNode second = json.readTree(lines.get(1));
        assertThat(second.get("time").asText()).isEqualTo("2026-12-01T10:00:00Z");
        assertThat(second.get("bundle").isNull()).isTrue();
        assertThat(second.get("thread").asText()).isEqualTo("worker-1");
        assertThat(second.get("exception").asText()).startsWith("java.lang.IllegalStateException: boom");
    }

    @Test
    void levelsApplyPerBundleAndMbLogFiltersByBundleAndLevel() throws Exception {
        RuntimeLog log = open(Map.of("level", "WARN", "bundleLevels", new String[] {"org.acme.chatty=DEBUG"}));
        log.accept(line("org.acme.chatty", LogLevels.Level.DEBUG, "chatty debug"));
        log.accept(line("org.acme.chatty", LogLevels.Level.TRACE, "chatty trace"));
        log.accept(line("org.acme.quiet", LogLevels.Level.INFO, "quiet info"));
        log.accept(line("org.acme.quiet", LogLevels.Level.ERROR, "quiet error"));
        String file = Files.readString(folder.resolve("milkbottle.0.log"));
        assertThat(file).contains("chatty debug", "quiet error").doesNotContain("chatty trace", "quiet info");
        assertThat(log.recent("org.acme.quiet", LogLevels.Level.TRACE, 10)).extracting(LogLine::message)
                .containsExactly("quiet error");
        assertThat(log.recent(null, LogLevels.Level.WARN, 10)).extracting(LogLine::message)
                .containsExactly("quiet error");
        assertThat(log.recent(null, LogLevels.Level.TRACE, 1)).extracting(LogLine::message)
                .containsExactly("quiet error");
        assertThat(file).contains(" DEBUG [org.acme.chatty] chatty debug");
    }

    @Test
    void aConfigurationChangeKeepsWritingToTheSameFile() throws Exception {
        RuntimeLog log = open(Map.of());
        log.accept(line("org.acme.a", LogLevels.Level.INFO, "before"));
        log.modified(config(Map.of("level", "DEBUG")), Map.of("level", "DEBUG"));
        log.accept(line("org.acme.a", LogLevels.Level.DEBUG, "after a level change"));
        log.modified(config(Map.of("level", "DEBUG", "format", "json")), Map.of("level", "DEBUG", "format", "json"));
        log.accept(line("org.acme.a", LogLevels.Level.INFO, "after a format change"));
        assertThat(files()).containsExactly("milkbottle.0.log");
        assertThat(Files.readString(folder.resolve("milkbottle.0.log"))).contains("before", "after a level change",
                "\"message\":\"after a format change\"");
    }

    @Test
    void frameworkPropertiesSetWhatTheConfigurationDoesNot() {
        Map<String, String> framework = Map.of("milkbottle.log.level", "WARN", "milkbottle.log.maxFiles", "3",
                "milkbottle.log.bundleLevels", "org.acme.a=DEBUG, org.acme.b=ERROR");
        LogConfig settings = LogSettings.of(config(Map.of("maxFiles", 9)), Map.of("maxFiles", 9), framework::get);
        assertThat(settings.level()).isEqualTo("WARN");
        assertThat(settings.maxFiles()).as("configured wins").isEqualTo(9);
        assertThat(settings.bundleLevels()).containsExactly("org.acme.a=DEBUG", "org.acme.b=ERROR");
        assertThat(settings.format()).as("neither: the default").isEqualTo("text");
        LogConfig bad = LogSettings.of(config(Map.of()), Map.of(), Map.of("milkbottle.log.maxFiles", "many")::get);
        assertThatThrownBy(bad::maxFiles).hasMessageContaining("milkbottle.log.maxFiles=many is not a whole number");
    }

    @Test
    void followersGetNewEntriesUntilTheyStop() throws Exception {
        RuntimeLog log = open(Map.of());
        List<String> seen = new ArrayList<>();
        try (AutoCloseable following = log.follow(l -> seen.add(l.message()))) {
            log.accept(line(null, LogLevels.Level.INFO, "one"));
        }
        log.accept(line(null, LogLevels.Level.INFO, "two"));
        assertThat(seen).containsExactly("one");
    }

    @Test
    void aBadLevelIsAnErrorThatNamesTheLevels() {
        assertThatThrownBy(() -> LogLevels.of("LOUD", new String[0])).hasMessageContaining("no log level 'LOUD'")
                .hasMessageContaining("ERROR, WARN, INFO, DEBUG and TRACE");
        assertThatThrownBy(() -> LogLevels.of("INFO", new String[] {"org.acme"}))
                .hasMessageContaining("'org.acme' is not SYMBOLIC-NAME=LEVEL");
        assertThat(LogLevels.of("info", new String[] {" org.acme = debug "}).threshold("org.acme"))
                .isEqualTo(LogLevels.Level.DEBUG);
    }

    @Test
    void systemLoggerMessagesOfCodeOutsideABundleReachTheLogWithoutOne() throws Exception {
        RuntimeLog log = open(Map.of());
        System.getLogger("org.acme.test").log(System.Logger.Level.WARNING, "from {0}", "System.Logger");
        assertThat(log.recent(null, LogLevels.Level.WARN, 10)).anySatisfy(l -> {
            assertThat(l.message()).isEqualTo("from System.Logger");
            assertThat(l.bundle()).isNull();
            assertThat(l.logger()).isEqualTo("org.acme.test");
        });
    }
}
