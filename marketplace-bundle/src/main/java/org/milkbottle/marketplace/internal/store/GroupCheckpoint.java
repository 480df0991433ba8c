package org.milkbottle.marketplace.internal.store;

/**
 * Writes committed transactions to the database file before they are acknowledged, one write for all the commits
 * that wait for it (a group commit). A caller that committed asks {@link #await}: if no write is under way it
 * writes, else it waits, and the first write that begins after its commit covers it. So concurrent publishers queue
 * on one write instead of each running its own behind the other's (H2 writes a chunk of the store per checkpoint,
 * one at a time), and no caller returns before a write that began after its commit has ended.
 */
final class GroupCheckpoint {

    /** Writes everything committed so far to the file; called by one thread at a time. */
    @FunctionalInterface
    interface Write {
        void writeCommitted() throws Exception;
    }

    private final Object lock = new Object();
    /** Commits handed to {@link #await}, counted. */
    private long committed;
    /** The number of commits the last finished write covers: those counted before it began. */
    private long written;
    private boolean writing;

    /**
     * Returns once a write that began after the caller's commit has ended; {@code write} is called with the
     * caller's own resources when it is the caller's turn to write for the group. A write that fails does not
     * stop the others: its failure is the caller's, and the next commit's write covers what it missed.
     */
    void await(Write write) throws Exception {
        long ticket;
        synchronized (lock) {
            ticket = ++committed;
            while (writing && written < ticket) {
                lock.wait();
            }
            if (written >= ticket) {
                return;
            }
            writing = true;
        }
        // the write begins now, after every commit counted so far (the caller's among them)
        long covers;
        synchronized (lock) {
            covers = committed;
        }
        boolean done = false;
        try {
            write.writeCommitted();
            done = true;
        } finally {
            synchronized (lock) {
                if (done) {
                    written = Math.max(written, covers);
                }
                writing = false;
                lock.notifyAll();
            }
        }
    }
}
