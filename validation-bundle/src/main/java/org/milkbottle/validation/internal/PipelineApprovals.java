package org.milkbottle.validation.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Approvals handed from the install pipeline to the veto guard. The pipeline validates a jar as a file just
 * before it installs it; the guard, in a synchronous bundle listener, must tell that bundle from one installed
 * behind the pipeline's back. An approval is keyed by the approved content ({@link ContentDigest}), so the guard
 * approves a bundle exactly when it holds that content: a bundle under the approved name and version with other
 * content is judged as a raw install, and the approved content is recognised whatever it is called.
 *
 * <p>There is no time window: an approval waits as long as the install takes. Only the number kept is bounded,
 * oldest out first, for approvals whose install never comes (a plan that failed after validation).
 */
@Component(service = PipelineApprovals.class)
public class PipelineApprovals {

    private static final System.Logger LOG = System.getLogger(PipelineApprovals.class.getName());

    /** Far more than one transaction installs, so that a large plan's first approvals are still there at its end. */
    static final int CAPACITY = 1024;

    private final Map<String, Path> approvals;

    @Activate
    public PipelineApprovals() {
        this(CAPACITY);
    }

    PipelineApprovals(int capacity) {
        this.approvals = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Path> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * Remembers that the pipeline approved the jar at {@code jar}, which it is about to install. A jar whose content
     * cannot be read is not remembered: its install is then judged as a raw one, which is the safe side.
     */
    public void approved(Path jar) {
        try {
            String digest = ContentDigest.of(jar);
            synchronized (approvals) {
                approvals.put(digest, jar);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot remember the approval of " + jar + ": " + e.getMessage());
        }
    }

    /**
     * The approved jar whose content {@code bundle} holds, or {@code null}; consumes the approval.
     *
     * @return the approved jar, so that the guard can keep an exact copy of it
     */
    public Path take(Bundle bundle) {
        String digest;
        try {
            digest = ContentDigest.of(bundle);
        } catch (IOException | RuntimeException e) {
            // an entry that cannot be read (the bundle went away meanwhile) proves nothing
            return null;
        }
        synchronized (approvals) {
            return approvals.remove(digest);
        }
    }

    /** How many approvals wait for their install. */
    int size() {
        synchronized (approvals) {
            return approvals.size();
        }
    }
}
