package org.milkbottle.validation.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import org.milkbottle.validation.api.ManagedLocation;
import org.milkbottle.validation.api.Provenance;
import org.milkbottle.validation.api.ValidationReport;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.hooks.resolver.ResolverHook;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The veto, race-free for every way a bundle can arrive. A synchronous bundle listener sees each
 * install and update before the installing call returns; until the bundle is approved, this resolver
 * hook keeps it from resolving — so it can never start — and keeps other bundles from wiring to it. A
 * bundle the validator refuses is uninstalled; a refused update is undone from a copy of the content
 * approved before. Bundles from MilkBottle's own pipeline were validated as files just before they were
 * installed; the rest are validated here through the Bundle API.
 */
@Component(service = ResolverHookFactory.class, immediate = true)
public class VetoGuard implements ResolverHookFactory, SynchronousBundleListener {

    private static final System.Logger LOG = System.getLogger(VetoGuard.class.getName());

    /**
     * Framework property: {@code true} approves, without validation, bundles installed through the framework
     * API by the program that embeds it (a test harness installing its probe) — like the start-up bundles.
     * Off by default: then every raw install is untrusted.
     */
    static final String EMBEDDER_INSTALLS = "milkbottle.validation.trustEmbedderInstalls";

    private final BundleContext context;
    private final BundleValidator validator;
    private final PipelineApprovals pipelineApprovals;
    private final boolean trustEmbedder;
    private final ApprovedContent approvedContent;
    /** Approved bundle ids, with the last-modified time of the content that was approved. */
    private final Map<Long, Long> approved = new ConcurrentHashMap<>();
    /** Bundles being put back to their approved content by this guard, with that content's digest. */
    private final Map<Long, String> restoring = new ConcurrentHashMap<>();
    private final ExecutorService vetoes = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "milkbottle-veto");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public VetoGuard(BundleContext context, @Reference BundleValidator validator,
            @Reference PipelineApprovals pipelineApprovals) {
        this.context = context;
        this.validator = validator;
        this.pipelineApprovals = pipelineApprovals;
        this.approvedContent = new ApprovedContent(context.getDataFile("approved"));
        this.trustEmbedder = Boolean.parseBoolean(context.getProperty(EMBEDDER_INSTALLS));
        // what is installed already was installed by the launcher or approved in an earlier run
        for (Bundle bundle : context.getBundles()) {
            approved.put(bundle.getBundleId(), bundle.getLastModified());
        }
        context.addBundleListener(this);
        // copies of the plugins' approved content, so that a vetoed raw update of any of them can be
        // undone; made off the start-up path, and only where missing or older than the bundle
        vetoes.execute(() -> {
            for (Bundle bundle : context.getBundles()) {
                if (ManagedLocation.isManaged(bundle) && isApproved(bundle)
                        && context.getBundle(0).getState() == Bundle.ACTIVE) {
                    approvedContent.keepIfStale(bundle);
                }
            }
        });
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(this);
        vetoes.shutdown();
    }

    boolean isApproved(Bundle bundle) {
        Long when = approved.get(bundle.getBundleId());
        return when != null && when == bundle.getLastModified();
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        Bundle bundle = event.getBundle();
        switch (event.getType()) {
            case BundleEvent.INSTALLED -> decide(bundle, false);
            case BundleEvent.UPDATED -> decide(bundle, true);
            case BundleEvent.UNINSTALLED -> {
                approved.remove(bundle.getBundleId());
                approvedContent.forget(bundle.getBundleId());
            }
            default -> { }
        }
    }

    private void decide(Bundle bundle, boolean update) {
        approved.remove(bundle.getBundleId());
        String version = bundle.getVersion().toString();
        String restored = restoring.remove(bundle.getBundleId());
        if (restored != null && restored.equals(digestOf(bundle))) {
            // the copy of content approved before: validating it again as a raw bundle would count a
            // signed plugin as unsigned and could veto the restore itself. Checked by content, so that another
            // update slipping in while the restore waits for the bundle's lock is not taken for it
            approved.put(bundle.getBundleId(), bundle.getLastModified());
            return;
        }
        // the pipeline installs only at milkbottle: locations; its approval is for content, so a bundle holding
        // other content under the approved name and version finds none, and is judged as a raw install below
        Path approvedJar = ManagedLocation.isManaged(bundle) ? pipelineApprovals.take(bundle) : null;
        if (approvedJar != null) {
            approved.put(bundle.getBundleId(), bundle.getLastModified());
            // an exact copy of the approved jar, made before the install call returns: a raw update that
            // follows at once must find it (rebuilding it from the bundle's entries raced with such updates)
            approvedContent.keepCopyOf(bundle, approvedJar);
            return;
        }
        if (trustEmbedder && Callers.fromEmbedder()) {
            approved.put(bundle.getBundleId(), bundle.getLastModified());
            validator.recordEmbedderInstall(bundle);
            return;
        }
        byte[] previous = update ? approvedContent.previous(bundle) : null;
        // a raw install proves nothing about where the content came from: it is held to the plugin rules
        ValidationReport report = validator.approveInstalled(bundle, new Provenance(Provenance.Kind.RAW_INSTALL,
                bundle.getLocation(), "installed through the framework API, behind MilkBottle's install pipeline",
                List.of()), "framework");
        if (report.approved()) {
            approved.put(bundle.getBundleId(), bundle.getLastModified());
            approvedContent.keep(bundle);
            return;
        }
        String reasons = report.errors().stream().map(f -> f.message() + " [" + f.rule() + "]")
                .collect(Collectors.joining("; "));
        // say where it came from: the log line is all a user watching the console sees of it
        LOG.log(System.Logger.Level.WARNING, "Vetoed " + bundle.getSymbolicName() + " " + version + ", "
                + (update ? "updated" : "installed") + " through the framework API by " + caller()
                + " from " + bundle.getLocation() + ", behind MilkBottle's install pipeline: " + reasons
                + (previous != null ? " (its approved content is put back)" : " (it is uninstalled)")
                + "; mb:audit shows the decision");
        // changing the bundle from inside the install or update call is not safe; until the veto is carried
        // out the hook keeps it unresolved
        vetoes.execute(() -> {
            try {
                if (bundle.getState() == Bundle.UNINSTALLED) {
                    return;
                }
                if (previous != null) {
                    restore(bundle, previous);
                } else {
                    bundle.uninstall();
                }
            } catch (BundleException | IllegalStateException e) {
                LOG.log(System.Logger.Level.ERROR, "Could not carry out the veto of " + bundle.getSymbolicName(), e);
            }
        });
    }

    /**
     * Whose code made the install or update call, as users can find it ({@code mb:list -a}): the listener runs
     * on the caller's thread. The event's origin would name the bundle whose context was used, and for an
     * update the updated bundle itself.
     */
    private static String caller() {
        Bundle caller = Callers.current();
        return caller == null ? "the program that embeds the framework" : "bundle " + caller.getSymbolicName() + " "
                + caller.getVersion() + " (id " + caller.getBundleId() + ")";
    }

    /** Puts the approved content back (it is validated again on the way in) and restarts the bundle if it ran. */
    private void restore(Bundle bundle, byte[] previous) throws BundleException {
        try {
            restoring.put(bundle.getBundleId(), ContentDigest.of(previous));
        } catch (IOException e) {
            // a copy that cannot be read is restored all the same, and judged as any raw update
            LOG.log(System.Logger.Level.WARNING, "The copy of " + bundle.getSymbolicName() + " to restore is "
                    + "unreadable (" + e.getMessage() + "); it is validated again as it goes back");
        }
        try {
            bundle.update(new ByteArrayInputStream(previous));
        } finally {
            restoring.remove(bundle.getBundleId());
        }
        if (bundle.adapt(BundleStartLevel.class).isPersistentlyStarted()
                && bundle.getState() != Bundle.ACTIVE) {
            bundle.start();
        }
        LOG.log(System.Logger.Level.WARNING, "Restored the previous version of " + bundle.getSymbolicName());
    }

    private static String digestOf(Bundle bundle) {
        try {
            return ContentDigest.of(bundle);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public ResolverHook begin(Collection<BundleRevision> triggers) {
        Set<BundleRevision> triggerSet = Set.copyOf(triggers);
        return new ResolverHook() {
            @Override
            public void filterResolvable(Collection<BundleRevision> candidates) {
                // only triggers are removed: Felix 7.0.5 loses resolved bundles' capabilities for the
                // whole resolve when a non-trigger is removed here (filterMatches covers the rest)
                candidates.removeIf(r -> triggerSet.contains(r) && !isApproved(r.getBundle()));
            }

            @Override
            public void filterSingletonCollisions(BundleCapability singleton,
                    Collection<BundleCapability> collisionCandidates) {
            }

            @Override
            public void filterMatches(BundleRequirement requirement, Collection<BundleCapability> candidates) {
                candidates.removeIf(c -> !isApproved(c.getRevision().getBundle())
                        || WiringPolicy.refusesProvider(requirement, c));
                if (WiringPolicy.refuses(requirement)) {
                    candidates.clear();
                }
            }

            @Override
            public void end() {
            }
        };
    }

}
