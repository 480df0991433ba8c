package org.milkbottle.core.internal.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.milkbottle.api.PluginException;

class MavenCoordinatesTest {

    @Test
    void parsesCoordinatesIntoARepositoryPath() {
        assertThat(MavenResolver.Coordinates.parse("mvn:org.apache.commons/commons-lang3/3.14.0").relativePath())
                .isEqualTo("org/apache/commons/commons-lang3/3.14.0/commons-lang3-3.14.0.jar");
        assertThat(MavenResolver.Coordinates.parse("mvn:g.h/a/1.0/zip/dist").relativePath())
                .isEqualTo("g/h/a/1.0/a-1.0-dist.zip");
    }

    @Test
    void refusesMalformedOrHostileCoordinates() {
        assertThatThrownBy(() -> MavenResolver.Coordinates.parse("mvn:a/b")).isInstanceOf(PluginException.class)
                .hasMessageContaining("not valid Maven coordinates");
        assertThatThrownBy(() -> MavenResolver.Coordinates.parse("mvn:a/../1.0")).hasMessageContaining("invalid character");
        assertThatThrownBy(() -> MavenResolver.Coordinates.parse("mvn:a/b/LATEST")).hasMessageContaining("exact version");
    }
}
