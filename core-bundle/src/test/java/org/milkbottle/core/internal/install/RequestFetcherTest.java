package org.milkbottle.core.internal.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkbottle.api.PluginException;

class RequestFetcherTest {

    @TempDir
    Path dir;

    @Test
    void namesAreToldApartFromFilesUrlsAndMavenCoordinates() throws Exception {
        assertThat(RequestFetcher.isPluginName("hello", dir)).isTrue();
        assertThat(RequestFetcher.isPluginName("org.acme.pdf@[2.0,3.0)", dir)).isTrue();
        assertThat(RequestFetcher.isPluginName("hello.jar", dir)).isFalse();
        assertThat(RequestFetcher.isPluginName("plugins/hello", dir)).isFalse();
        assertThat(RequestFetcher.isPluginName("https://x/hello", dir)).isFalse();
        assertThat(RequestFetcher.isPluginName("mvn:org.acme/pdf/1.0", dir)).isFalse();
        Files.writeString(dir.resolve("tool"), "a file of that name wins");
        assertThat(RequestFetcher.isPluginName("tool", dir)).isFalse();
    }

    @Test
    void aNameWithoutAnyRepositorySaysWhatToDo() {
        assertThat(new RequestFetcher(() -> null).fetchAll(List.of("hello"), dir, null).names()).containsExactly("hello");
        assertThatThrownBy(() -> new PluginRepositories().session().pick("hello")).isInstanceOf(PluginException.class)
                .hasMessageContaining("no plugin repository is available").hasMessageContaining("mb:repo-add");
    }
}
