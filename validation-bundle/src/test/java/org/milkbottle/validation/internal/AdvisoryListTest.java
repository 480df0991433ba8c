package org.milkbottle.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkbottle.validation.api.Advisory;

class AdvisoryListTest {

    @TempDir
    Path dir;

    @Test
    void matchesByNameAndVersionRangeAndKeepsTheLastGoodListWhenTheFileBreaks() throws Exception {
        Path file = dir.resolve("advisories.json");
        AdvisoryList list = new AdvisoryList(file);
        assertThat(list.matching("a", "1.0.0")).isEmpty();

        Files.writeString(file, "[{\"id\":\"X-1\",\"plugin\":\"a\",\"versions\":\"[1.0,2.0)\",\"severity\":\"high\","
                + "\"message\":\"bad\"},{\"id\":\"X-2\",\"plugin\":\"b\",\"versions\":\"1.0\",\"severity\":\"low\","
                + "\"message\":\"meh\"}]");
        assertThat(list.matching("a", "1.5.0")).extracting(Advisory::id).containsExactly("X-1");
        assertThat(list.matching("a", "2.0.0")).isEmpty();
        assertThat(list.matching("b", "7.0")).extracting(Advisory::blocking).containsExactly(false);

        Files.writeString(file, "[{ broken");
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        assertThat(list.matching("a", "1.5.0")).extracting(Advisory::id).containsExactly("X-1");
    }

    @Test
    void pushedAdvisoriesJoinTheFileReplaceTheirSourcesEarlierOnesAndGoWhenWithdrawn() throws Exception {
        Path file = dir.resolve("advisories.json");
        Files.writeString(file, "[{\"id\":\"F-1\",\"plugin\":\"a\",\"versions\":\"[1.0,2.0)\",\"severity\":\"low\","
                + "\"message\":\"file\"}]");
        AdvisoryList list = new AdvisoryList(file);
        list.publish("repository:acme", List.of(new Advisory("R-1", "a", "[1.0,1.5)", "high", "first")));
        list.publish("marketplace:local", List.of(new Advisory("L-1", "a", "1.0", "medium", "local")));
        assertThat(list.matching("a", "1.2.0")).extracting(Advisory::id).containsExactlyInAnyOrder("F-1", "R-1", "L-1");

        list.publish("repository:acme", List.of(new Advisory("R-2", "a", "[1.2,1.3)", "critical", "second")));
        assertThat(list.matching("a", "1.2.0")).extracting(Advisory::id).containsExactlyInAnyOrder("F-1", "R-2", "L-1");
        assertThat(list.sources()).containsExactlyInAnyOrder("repository:acme", "marketplace:local");

        list.withdraw("repository:acme");
        list.withdraw("never-published");
        assertThat(list.matching("a", "1.2.0")).extracting(Advisory::id).containsExactlyInAnyOrder("F-1", "L-1");
        assertThat(list.sources()).containsExactly("marketplace:local");
    }
}
