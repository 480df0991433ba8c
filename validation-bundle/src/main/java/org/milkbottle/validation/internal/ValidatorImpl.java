package org.milkbottle.validation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.milkbottle.validation.api.Advisory;
import org.milkbottle.validation.api.Finding;
import org.milkbottle.validation.api.ManagedLocation;
import org.milkbottle.validation.api.PluginArchive;
import org.milkbottle.validation.api.Provenance;
import org.milkbottle.validation.api.Severity;
import org.milkbottle.validation.api.TrustLevel;
import org.milkbottle.validation.api.ValidationReport;
import org.milkbottle.validation.api.ValidationRule;
import org.milkbottle.validation.api.Validator;
import org.milkbottle.validation.internal.rules.AdvisoryRule;
import org.milkbottle.validation.internal.rules.ArchiveSafetyRule;
import org.milkbottle.validation.internal.rules.BytecodeScanRule;
import org.milkbottle.validation.internal.rules.MetadataRule;
import org.milkbottle.validation.internal.rules.MigrationRule;
import org.milkbottle.validation.internal.rules.RuntimeProtectionRule;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.milkbottle.perf.api.CacheManager;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Runs the built-in rules — archive safety, metadata, bytecode scan — then any rule registered as a
 * service, then compares the permissions the code uses with those declared.
 */
@Component(service = {Validator.class, BundleValidator.class}, configurationPid = ValidationLimits.PID)
@Designate(ocd = ValidationLimits.class)
public class ValidatorImpl implements Validator, BundleValidator {

    private final List<ValidationRule> extraRules = new CopyOnWriteArrayList<>();
    /** The built-in rules and the limits they apply, replaced in one write when the limits change. */
    private volatile ContentFindings.Rules builtIn;
    private final ContentFindings contentFindings = new ContentFindings();

    /** This bundle's caches (the perf bundle); without them every jar is scanned every time. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindCaches(CacheManager caches) {
        contentFindings.use(caches);
    }

    void unbindCaches(CacheManager caches) {
        contentFindings.release();
    }
    private volatile ValidationLimits limits;
    @Reference
    private AuditLog audit;

    @Reference
    private AdvisoryList advisoryList;

    @Reference
    private TrustStore trustStore;

    @Reference
    private OperatorAllowList allowList;

    @Reference
    private ApprovalRecord approvals;

    /** Where approvals go for the veto guard; null outside a framework. */
    @Reference
    private PipelineApprovals pipelineApprovals;

    private volatile PermissionPolicy policy;

    /** The runtime's bundles: their names and exports are off limits to plugins. Null outside a framework. */
    private volatile BundleContext context;

    @Reference
    private IntegritySeal seal;

    /** The sealed trust policy; null outside a framework. */
    private volatile PolicyRecord policyRecord;
    private volatile PolicyRecord.Policy trustPolicy = PolicyRecord.DEFAULTS;

    /**
     * The sealed policy being read and checked at start, off the activating thread: checking its seal is the
     * runtime's first use of the JDK's cryptography (~90 ms to set up on the C1-only JVM of bin/milkbottle), which
     * the other core can do while the rest of the runtime starts. Null once applied, and outside a framework. Every
     * decision waits for it ({@link #awaitPolicy()}): nothing is validated under a policy not yet checked.
     */
    private volatile FutureTask<PolicyRecord.Policy> policyAtStart;
    private final Object policyLock = new Object();

    @Activate
    void activate(BundleContext context, ValidationLimits limits) {
        this.context = context;
        this.limits = limits;
        PolicyRecord record = new PolicyRecord(DataFolder.file(context, "policy.json"), seal);
        this.policyRecord = record;
        FutureTask<PolicyRecord.Policy> reading = new FutureTask<>(() -> record.atStart(PolicyRecord.Policy.of(limits)));
        policyAtStart = reading;
        Thread thread = new Thread(reading, "milkbottle-policy-at-start");
        thread.setDaemon(true);
        thread.start();
    }

    /** Applies the policy read at start, waiting for it while it is being read. */
    private void awaitPolicy() {
        if (policyAtStart == null) {
            return;
        }
        synchronized (policyLock) {
            FutureTask<PolicyRecord.Policy> reading = policyAtStart;
            if (reading == null) {
                return;
            }
            try {
                configure(limits, reading.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the trust policy was being read", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException("the trust policy could not be read", e.getCause());
            }
            policyAtStart = null;
        }
    }

    @Override
    public String policyProblem() {
        awaitPolicy();
        PolicyRecord record = policyRecord;
        return record == null ? null : record.problem();
    }

    /** For use outside a framework (tools, tests): no runtime to protect, no allow list, no memory of approvals. */
    void configureStandalone(ValidationLimits limits) {
        configure(limits, PolicyRecord.Policy.of(limits));
    }

    /** For tests: the trust state a framework would inject. */
    void configureTrust(TrustStore trustStore, OperatorAllowList allowList, ApprovalRecord approvals,
            AuditLog audit) {
        this.trustStore = trustStore;
        this.allowList = allowList;
        this.approvals = approvals;
        this.audit = audit;
    }

    /** For tests: where a framework would have approvals go. */
    void configurePipeline(PipelineApprovals pipelineApprovals) {
        this.pipelineApprovals = pipelineApprovals;
    }

    /** Which runtime bundles (id and last change) the last computed {@link #runtime} was made of. */
    private record RuntimeKey(long excluded, List<Long> bundles) {
    }

    private volatile Map.Entry<RuntimeKey, RuntimeProtectionRule.Runtime> lastRuntime;

    /**
     * The runtime's bundles, apart from {@code excluded} (the bundle under validation, if installed). Listing the
     * framework's exported packages costs far more than the rest of a small jar's validation, so the answer is
     * kept until a runtime bundle is installed, updated or uninstalled.
     */
    private RuntimeProtectionRule.Runtime runtime(long excluded) {
        BundleContext current = context;
        if (current == null) {
            return new RuntimeProtectionRule.Runtime(Set.of(), Set.of(), Set.of());
        }
        Bundle[] bundles = current.getBundles();
        List<Long> stamps = new ArrayList<>();
        for (Bundle bundle : bundles) {
            if (!ManagedLocation.isManaged(bundle) && bundle.getBundleId() != excluded) {
                stamps.add(bundle.getBundleId());
                stamps.add(bundle.getLastModified());
            }
        }
        RuntimeKey key = new RuntimeKey(excluded, stamps);
        Map.Entry<RuntimeKey, RuntimeProtectionRule.Runtime> last = lastRuntime;
        if (last != null && last.getKey().equals(key)) {
            return last.getValue();
        }
        RuntimeProtectionRule.Runtime made = runtime(bundles, excluded);
        lastRuntime = Map.entry(key, made);
        return made;
    }

    private static RuntimeProtectionRule.Runtime runtime(Bundle[] bundles, long excluded) {
        Set<String> names = new HashSet<>();
        Set<String> hosts = new HashSet<>();
        Set<String> packages = new HashSet<>();
        for (Bundle bundle : bundles) {
            if (ManagedLocation.isManaged(bundle) || bundle.getBundleId() == excluded
                    || bundle.getSymbolicName() == null) {
                continue; // plugins
            }
            // a fragment of any runtime bundle would run inside it with all its rights
            hosts.add(bundle.getSymbolicName());
            // only the runtime's own bundles' names are reserved: OSGi runs several versions of a library side
            // by side, so a plugin may bring its own Jackson or SLF4J even though the runtime ships one
            boolean own = bundle.getSymbolicName().startsWith("org.milkbottle.");
            if (own) {
                names.add(bundle.getSymbolicName());
            }
            if (own || bundle.getBundleId() == 0) {
                BundleRevision revision =
                        bundle.adapt(BundleRevision.class);
                if (revision != null) {
                    revision.getDeclaredCapabilities("osgi.wiring.package").forEach(c ->
                            packages.add(String.valueOf(c.getAttributes().get("osgi.wiring.package"))));
                }
            }
        }
        return new RuntimeProtectionRule.Runtime(names, packages, hosts);
    }

    /** A change made through ConfigurationAdmin while the runtime runs: accepted and sealed. */
    @Modified
    void modified(ValidationLimits limits) {
        awaitPolicy(); // the start's reading first, so that it cannot land after this change
        PolicyRecord.Policy delivered = PolicyRecord.Policy.of(limits);
        if (policyRecord != null) {
            policyRecord.accepted(delivered);
        }
        configure(limits, delivered);
    }

    private void configure(ValidationLimits limits, PolicyRecord.Policy trust) {
        this.limits = limits;
        this.trustPolicy = trust;
        this.policy = new PermissionPolicy(trust.untrustedPermissions());
        ArchiveSafetyRule.Limits archiveLimits = new ArchiveSafetyRule.Limits(limits.maxEntries(),
                limits.maxUncompressedBytes(), limits.maxManifestBytes(), limits.maxCompressionRatio());
        // the limits are part of the key of the cached findings: findings made under other limits are not reused
        this.builtIn = new ContentFindings.Rules("migration-rule;web-rule;" + archiveLimits, List.of(
                new ArchiveSafetyRule(archiveLimits), new MetadataRule(), new MigrationRule(), new WhiteboardRule(),
                new BytecodeScanRule(Math.min(limits.maxUncompressedBytes(), 64L * 1024 * 1024))));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addRule(ValidationRule rule) {
        extraRules.add(rule);
    }

    void removeRule(ValidationRule rule) {
        extraRules.remove(rule);
    }

    @Override
    public ValidationReport approve(Path jar, String subject, String origin) {
        return approve(jar, Provenance.file(subject), origin, false);
    }

    @Override
    public ValidationReport approve(Path jar, String subject, String origin, boolean acceptAdvisories) {
        return approve(jar, Provenance.file(subject), origin, acceptAdvisories);
    }

    @Override
    public ValidationReport approve(Path jar, Provenance provenance, String origin, boolean acceptAdvisories) {
        ValidationReport report = validate(jar, provenance);
        if (acceptAdvisories) {
            report = overrideAdvisories(report);
        }
        return decided(jar, report, provenance, acceptAdvisories ? origin + " --force" : origin);
    }

    /**
     * Records the decision; an approval is remembered with its provenance and handed, by content, to the veto guard,
     * which approves the bundle holding exactly this content when it is installed.
     */
    private ValidationReport decided(Path jar, ValidationReport report, Provenance provenance, String origin) {
        audit.record(origin, report);
        if (report.approved() && report.symbolicName() != null) {
            if (approvals != null) {
                approvals.remember(report.sha256(), provenance);
            }
            if (pipelineApprovals != null) {
                pipelineApprovals.approved(jar);
            }
        }
        return report;
    }

    @Override
    public ValidationReport reapprove(Path jar, String source, String origin) {
        Provenance earlier = approvals == null ? null : approvals.provenanceOf(sha256(jar));
        Provenance provenance = earlier != null ? earlier : Provenance.file(source);
        return decided(jar, overrideAdvisories(validate(jar, provenance)), provenance, origin);
    }

    /** Matching advisories become warnings, saying they were overridden; other findings stay as they are. */
    private static ValidationReport overrideAdvisories(ValidationReport report) {
        return report.withFindings(report.findings().stream().map(f -> f.severity() == Severity.ERROR
                && f.rule().equals("advisory.matched") ? new Finding(f.rule(), Severity.WARNING, f.message()
                        + " (installed anyway: --force)", f.location()) : f).toList());
    }

    @Override
    public List<Advisory> advisories(String symbolicName, String version) {
        return advisoryList == null ? List.of() : advisoryList.matching(symbolicName, version);
    }

    @Override
    public ValidationReport approveInstalled(Bundle bundle, Provenance provenance, String origin) {
        String subject = bundle.getSymbolicName() + " " + bundle.getVersion() + " from " + bundle.getLocation();
        ValidationReport report;
        try {
            // a bundle installed behind the pipeline's back has no jar file to verify: it counts as unsigned
            report = check(new BundlePluginArchive(bundle, entryCap()), subject, null, bundle.getBundleId(),
                    new SignatureCheck.Result(SignatureCheck.Trust.UNSIGNED, null), provenance,
                    new CollectedFindings(), () -> false);
        } catch (RuntimeException e) {
            report = unreadable(subject, null, provenance, new CollectedFindings(), e);
        }
        audit.record(origin, report);
        return report;
    }

    @Override
    public void recordEmbedderInstall(Bundle bundle) {
        String subject = bundle.getSymbolicName() + " " + bundle.getVersion() + " from " + bundle.getLocation();
        audit.record("embedder", new ValidationReport(subject, bundle.getSymbolicName(),
                bundle.getVersion().toString(), null, false, List.of(), List.of(), List.of(new Finding(
                        "trust.embedder", Severity.INFO, "installed by the program that embeds the framework (no "
                        + "bundle's code on the call stack); approved like the start-up bundles", null)),
                "unsigned", null, TrustLevel.SOURCE.label(), new Provenance(Provenance.Kind.EMBEDDER,
                        bundle.getLocation(), "the embedding program installed it", List.of())));
    }

    @Override
    public ValidationReport validate(Path jar, String subject) {
        return validate(jar, Provenance.file(subject));
    }

    @Override
    public ValidationReport validate(Path jar, Provenance provenance) {
        awaitPolicy();
        String subject = provenance.source();
        String sha = sha256(jar);
        ValidationLimits current = limits;
        try (ZipPluginArchive archive = new ZipPluginArchive(jar, entryCap(), current.maxManifestBytes())) {
            CollectedFindings signatureFindings = new CollectedFindings();
            SignatureCheck.Result signature = SignatureCheck.check(jar, trustStore, signatureFindings, entryCap());
            if (signature.trust() != SignatureCheck.Trust.TRUSTED && trustPolicy.networkRequiresTrust()
                    && provenance.kind() == Provenance.Kind.URL && !allowedByOperator(sha)) {
                signatureFindings.add(new Finding("trust.required", Severity.ERROR, subject + " was downloaded but is "
                        + "not signed by a publisher in MilkBottle's trust store. Install it from a file you trust, "
                        + "add its publisher's certificate with mb:trust-add CERTFILE, or allow this exact content "
                        + "with mb:trust-allow " + sha + " --reason '...'.", null));
            }
            return check(archive, subject, sha, -1, signature, provenance, signatureFindings,
                    () -> sha != null && sha.equals(sha256(jar)));
        } catch (IOException | RuntimeException e) {
            return unreadable(subject, sha, provenance, new CollectedFindings(), e);
        }
    }

    /** Whether the operator allowed this exact content; outside a framework nothing is. */
    private boolean allowedByOperator(String sha) {
        return sha != null && allowList != null && allowList.allows(sha);
    }

    /** The most bytes one entry may inflate to while it is read, whatever its header claims. */
    private long entryCap() {
        return Math.min(limits.maxUncompressedBytes(), 64L * 1024 * 1024);
    }

    /**
     * @param unchanged whether the file still has the SHA-256 {@code sha} after the rules read it: only then are
     *        their findings kept for that SHA-256 (a file swapped between hashing and reading must not leave its
     *        harmless twin's findings under its own digest)
     */
    private ValidationReport check(PluginArchive archive, String subject, String sha, long bundleId,
            SignatureCheck.Result signature, Provenance provenance, CollectedFindings collected,
            BooleanSupplier unchanged) {
        awaitPolicy();
        ContentFindings.Rules rules = builtIn;
        ContentFindings.Result content = contentFindings.of(sha, rules, () -> {
            CollectedFindings found = new CollectedFindings();
            for (ValidationRule rule : rules.rules()) {
                rule.check(archive, found);
            }
            return new ContentFindings.Result(List.copyOf(found.findings()),
                    Collections.unmodifiableMap(new LinkedHashMap<>(found.firstUse())));
        }, unchanged);
        content.findings().forEach(collected::add);
        content.firstUse().forEach(collected::uses);
        new RuntimeProtectionRule(() -> runtime(bundleId)).check(archive, collected);
        if (advisoryList != null) {
            new AdvisoryRule(advisoryList::matching).check(archive, collected);
        }
        for (ValidationRule rule : extraRules) {
            runExtra(rule, archive, collected);
        }
        List<String> declared = MetadataRule.list(archive.headers().get("MilkBottle-Permissions"));
        TrustLevel level = PermissionPolicy.level(signature.trust(), provenance, allowedByOperator(sha));
        policy.check(archive.isPlugin(), level, provenance, declared, collected, sha);
        String name = archive.headers().get("Bundle-SymbolicName");
        return new ValidationReport(subject, name == null ? null : name.split(";")[0].trim(),
                archive.headers().get("Bundle-Version"), sha, archive.isPlugin(), declared,
                List.copyOf(collected.firstUse().keySet()), collected.findings(),
                signature.trust().name().toLowerCase(), signature.signer(), level.label(), provenance);
    }

    private static ValidationReport unreadable(String subject, String sha, Provenance provenance,
            CollectedFindings collected, Exception e) {
        collected.add(new Finding("archive.unreadable", Severity.ERROR, subject + " is not a readable jar ("
                + e.getMessage() + "). Check that the file is complete and is a bundle jar.", null));
        return new ValidationReport(subject, null, null, sha, false, List.of(), List.of(), collected.findings(),
                "invalid", null, TrustLevel.UNTRUSTED.label(), provenance);
    }

    private static void runExtra(ValidationRule rule, PluginArchive archive, CollectedFindings collected) {
        try {
            rule.check(archive, collected);
        } catch (RuntimeException e) {
            collected.add(new Finding(rule.id() + ".failed", Severity.ERROR, "The validation rule '" + rule.id()
                    + "' failed (" + e + "); the jar cannot be approved without it.", null));
        }
    }

    private static String sha256(Path jar) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(jar), MessageDigest.getInstance("SHA-256"))) {
            byte[] buffer = new byte[64 * 1024];
            while (in.read(buffer) >= 0) {
                // reading is digesting
            }
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            return null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
