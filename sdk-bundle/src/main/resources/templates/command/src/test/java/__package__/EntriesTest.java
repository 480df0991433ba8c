package {{package}};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The commands' logic, tested as plain Java: no framework needed. */
class EntriesTest {

    @Test
    void entriesAreNumberedInOrder() {
        Entries entries = new Entries();
        assertEquals("No entries yet; add one with {{scope}}:add TEXT.", entries.format());
        assertEquals(1, entries.add("buy milk"));
        assertEquals(2, entries.add("  call Ada "));
        assertEquals("1. buy milk\n2. call Ada", entries.format());
    }

    @Test
    void aBlankEntryIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Entries().add(" "));
    }
}
