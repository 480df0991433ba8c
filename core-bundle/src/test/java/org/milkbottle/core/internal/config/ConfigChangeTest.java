package org.milkbottle.core.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.milkbottle.core.internal.store.JsonFiles;

import com.fasterxml.jackson.core.type.TypeReference;

class ConfigChangeTest {

    @Test
    void valuesKeepTheirTypesThroughTheJournal() throws Exception {
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("text", "Hi");
        before.put("count", 3);
        before.put("big", 5L);
        before.put("ratio", 0.5);
        before.put("on", true);
        before.put("names", new String[] {"a", "b"});
        before.put("numbers", new int[] {1, 2});
        before.put("list", List.of("x", "y"));
        ConfigChange change = ConfigChange.of("pid", before, Map.of("count", 4));

        String json = JsonFiles.MAPPER.writeValueAsString(List.of(change));
        ConfigChange read = JsonFiles.MAPPER.readValue(json, new TypeReference<List<ConfigChange>>() {
        }).get(0);
        Map<String, Object> values = read.beforeValues();

        assertThat(values.get("text")).isEqualTo("Hi");
        assertThat(values.get("count")).isEqualTo(3);
        assertThat(values.get("big")).isEqualTo(5L);
        assertThat(values.get("ratio")).isEqualTo(0.5);
        assertThat(values.get("on")).isEqualTo(true);
        assertThat((String[]) values.get("names")).containsExactly("a", "b");
        assertThat((Integer[]) values.get("numbers")).containsExactly(1, 2);
        assertThat(values.get("list")).isEqualTo(List.of("x", "y"));
        assertThat(read.reversed().afterValues().keySet()).isEqualTo(before.keySet());
        assertThat(read.reversed().beforeValues()).isEqualTo(Map.of("count", 4));
    }
}
