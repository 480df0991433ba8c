package org.milkbottle.core.internal.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.milkbottle.perf.api.Batch;
import org.milkbottle.perf.api.TaskExecutor;
import org.milkbottle.validation.api.Validator;

/**
 * Validates the jars of a burst (several files ready at once) in parallel on the perf bundle's task executor before
 * they are installed one after the other. Installs stay one transaction per file, in order, under the plugin
 * manager's lock; what runs in parallel is the expensive part of each install's validation — the archive checks
 * and the bytecode scan, which the validator keeps by SHA-256 — so that each install then finds it done. The
 * reports made here decide nothing: every install is judged again in full.
 */
final class BurstValidation {

    /** Longest wait for a burst's validation; the installs go on regardless. */
    private static final long WAIT_SECONDS = 120;
    private static final System.Logger LOG = System.getLogger(BurstValidation.class.getName());

    private BurstValidation() {
    }

    /** Validates {@code jars} in parallel when there are several and the executor and validator are there. */
    static void prevalidate(List<Path> jars, TaskExecutor tasks, Validator validator) {
        if (jars.size() < 2 || tasks == null || validator == null) {
            return;
        }
        Batch<?> batch = null;
        try {
            batch = tasks.batch("validate " + jars.size() + " jars dropped into the deploy folder", jars,
                    (jar, context) -> validator.validate(jar, jar.getFileName().toString()));
            batch.result().timeout(TimeUnit.SECONDS.toMillis(WAIT_SECONDS)).getFailure();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // the executor went away meanwhile: the installs validate on their own
            LOG.log(System.Logger.Level.DEBUG, "Parallel validation of a deploy burst stopped: " + e);
        } finally {
            if (batch != null) {
                batch.cancel(); // after a time-out, what is left is not worth the pool's threads: the installs validate
            }
        }
    }
}
