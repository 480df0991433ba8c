package org.milkbottle.validation.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;

class ConfigMigrationsTest {

    private static List<ConfigMigration> read(String json) {
        return ConfigMigrations.read(json.getBytes(StandardCharsets.UTF_8));
    }

    private static final String EXAMPLE = """
            {"migrations": [
              {"pid": "org.acme.notes", "from": "[0.0.0,0.2.0)",
               "rename": {"salutation": "greeting", "exclamations": "excitement"},
               "defaults": {"style": "plain"}, "types": {"excitement": "Integer"}, "remove": ["legacyMode"]}
            ]}""";

    @Test
    void aStepRenamesGivesDefaultsConvertsAndRemovesOnlyForTheVersionsItNames() {
        ConfigMigration step = read(EXAMPLE).get(0);
        Map<String, Object> old = new LinkedHashMap<>(Map.of("salutation", "Hi", "exclamations", "3", "legacyMode",
                "on", "kept", true));

        assertThat(step.appliesTo(new Version("0.1.5"))).isTrue();
        assertThat(step.appliesTo(new Version("0.2.0"))).isFalse();
        assertThat(step.apply(old)).isEqualTo(Map.of("greeting", "Hi", "excitement", 3, "style", "plain", "kept",
                true));
        assertThat(old).containsKey("salutation").as("the input is left as it was");
        assertThat(step.apply(Map.of("greeting", "Yo", "salutation", "Hi", "style", "shout")))
                .as("a rename does not overwrite, a default does not replace").isEqualTo(Map.of("greeting", "Yo",
                        "style", "shout"));
    }

    @Test
    void aValueThatDoesNotConvertIsAnErrorNamingIt() {
        ConfigMigration step = read(EXAMPLE).get(0);
        assertThatThrownBy(() -> step.apply(Map.of("exclamations", "lots")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("org.acme.notes: 'excitement' = 'lots' is not an Integer");
        ConfigMigration toBoolean = read("""
                {"migrations": [{"pid": "p", "from": "[0,1)", "types": {"a": "Boolean", "b": "Double", "c": "Long"}}]}
                """).get(0);
        assertThat(toBoolean.apply(Map.of("a", "TRUE", "b", "2.5", "c", 7))).isEqualTo(Map.of("a", true, "b", 2.5,
                "c", 7L));
        assertThatThrownBy(() -> toBoolean.apply(Map.of("a", "yes"))).hasMessageContaining("'a' = 'yes' is not a Boolean");
        assertThatThrownBy(() -> toBoolean.apply(Map.of("c", new String[] {"1"}))).hasMessageContaining("is not a Long");
    }

    @Test
    void aMalformedFileIsRefusedSayingWhatAndWhere() {
        assertThatThrownBy(() -> read("not json")).hasMessageStartingWith("it is not JSON");
        assertThatThrownBy(() -> read("{\"steps\": []}")).hasMessageContaining("one field, \"migrations\"");
        assertThatThrownBy(() -> read("{\"migrations\": [{\"from\": \"[0,1)\"}]}"))
                .hasMessage("migration 1 needs \"pid\", a text");
        assertThatThrownBy(() -> read("{\"migrations\": [{\"pid\": \"p\", \"from\": \"one\"}]}"))
                .hasMessageStartingWith("migration 1: \"from\" is not a version range");
        assertThatThrownBy(() -> read("{\"migrations\": [{\"pid\": \"p\", \"from\": \"[0,1)\", \"renames\": {}}]}"))
                .hasMessageContaining("unknown field \"renames\"");
        assertThatThrownBy(() -> read("{\"migrations\": [{\"pid\": \"p\", \"from\": \"[0,1)\", \"types\": {\"a\": \"int\"}}]}"))
                .hasMessageContaining("the type of 'a' is 'int'; use one of String, Integer, Long, Double, Boolean");
        assertThatThrownBy(() -> read("{\"migrations\": [{\"pid\": \"p\", \"from\": \"[0,1)\", \"remove\": \"a\"}]}"))
                .hasMessageContaining("\"remove\" must be a list");
        assertThat(read("{\"migrations\": []}")).isEmpty();
    }
}
