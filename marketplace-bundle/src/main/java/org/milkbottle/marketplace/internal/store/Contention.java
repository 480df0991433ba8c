package org.milkbottle.marketplace.internal.store;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Which database errors mean "another request changed the same rows at the same moment" (worth one more
 * try), in H2 and PostgreSQL alike, and how long to wait before that try.
 */
final class Contention {

    /** SQLState of a unique or primary key violation (H2 and PostgreSQL). */
    static final String UNIQUE_VIOLATION = "23505";

    /** Tries per write; the contenders are served in turn, so a few are enough even for dozens of them. */
    static final int ATTEMPTS = 8;

    private Contention() {
    }

    static boolean isContention(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            return false;
        }
        return state.equals(UNIQUE_VIOLATION)
                || state.startsWith("40") // serialization failure, deadlock (both databases)
                || state.equals("HYT00") // H2: lock wait timed out
                || state.equals("90131"); // H2: concurrent update of the same row
    }

    /** A short random wait, longer on each attempt, so that contenders do not collide again in step. */
    static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
