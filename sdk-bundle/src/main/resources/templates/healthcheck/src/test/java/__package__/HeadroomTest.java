package {{package}};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The check's logic, tested as plain Java: no framework needed. */
class HeadroomTest {

    @Test
    void enoughWhileTheFreeShareIsAtLeastTheMinimum() {
        Headroom quarterUsed = new Headroom(25, 100);
        assertEquals(75, quarterUsed.freePercent());
        assertTrue(quarterUsed.enough(75));
        assertFalse(quarterUsed.enough(76));
        assertEquals(100, new Headroom(0, -1).freePercent());
    }
}
