package org.milkbottle.example.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** What a batch of extractions has done so far, counted as each job ends (from the executor's threads). */
final class TextProgress {

    private final ConcurrentLinkedQueue<TextJob.Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final AtomicInteger failed = new AtomicInteger();

    TextJob.Outcome record(TextJob.Outcome outcome) {
        if (!outcome.succeeded() && !"cancelled".equals(outcome.error())) {
            failed.incrementAndGet();
        }
        outcomes.add(outcome);
        return outcome;
    }

    int finished() {
        return outcomes.size();
    }

    int failed() {
        return failed.get();
    }

    List<TextJob.Outcome> outcomes() {
        return new ArrayList<>(outcomes);
    }
}
