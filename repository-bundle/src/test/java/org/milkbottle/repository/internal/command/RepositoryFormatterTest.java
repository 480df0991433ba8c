package org.milkbottle.repository.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.milkbottle.repository.api.SearchHit;
import org.milkbottle.repository.api.SearchResult;

class RepositoryFormatterTest {

    @Test
    void searchColumnsAreAsWideAsTheirWidestCellAndDescriptionsStayOnOneShortLine() {
        String text = RepositoryFormatter.search(new SearchResult(List.of(
                new SearchHit("org.milkbottle.example.hello", "1.0.0.202612011052", 0, 0, 0,
                        "Greets people. The example MilkBottle plugin: a shell command, a configuration.", "local"),
                new SearchHit("pdf", "2.1.0", 4.5, 2, 1234, "Reads\nand writes PDF files with a description far longer "
                        + "than sixty characters and no sentence end", "local")), List.of()), "x");
        List<String> lines = text.lines().toList();
        int ratingColumn = lines.get(0).indexOf("RATING");
        assertThat(lines.get(1).indexOf(" -  ")).isEqualTo(ratingColumn - 1);
        assertThat(lines.get(2).indexOf("4.5 (2)")).isEqualTo(ratingColumn);
        assertThat(lines.get(2).indexOf("1234")).isEqualTo(lines.get(0).indexOf("DOWNLOADS"));
        assertThat(lines.get(1)).endsWith("Greets people. …");
        assertThat(lines.get(2)).contains("Reads and writes PDF").endsWith("…");
        assertThat(RepositoryFormatter.shortened("Reads and writes PDF files with a description far longer than sixty "
                + "characters")).hasSize(60);
    }
}
