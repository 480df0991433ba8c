package org.milkbottle.validation.internal.rules;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;

import org.milkbottle.validation.api.Finding;
import org.milkbottle.validation.api.Findings;
import org.milkbottle.validation.api.Permissions;
import org.milkbottle.validation.api.PluginArchive;
import org.milkbottle.validation.api.Severity;
import org.milkbottle.validation.api.ValidationRule;
import org.objectweb.asm.ClassReader;

/**
 * Reports every use of a guarded API ({@link GuardedApi}) in every class file of an archive — reading
 * bytes, never loading a class — as {@link Findings#uses}. It only reports: whether a use is allowed is
 * the permission policy's decision, which knows whether the bundle is a plugin or a library and who
 * signed it.
 *
 * <p><b>Complete by construction.</b> Every symbolic reference the JVM can link — a call of any kind, a
 * field access, a method reference or lambda, a method handle or class constant, a superclass, a
 * descriptor — goes through the class's constant pool, and {@link ConstantPoolScan} reads the pool in
 * full. Every class file the archive holds is read ({@link NestedArchives}): in any folder, under any
 * name, inside nested jars. What no constant pool can show — a class or member name built at run time —
 * is covered by the calls that take such names: reflection needs {@code reflection}, class loaders and
 * proxies need {@code class-definition}. Members reached through a subclass are resolved against the
 * archive's class hierarchy ({@link InheritedReferences}).
 *
 * <p><b>Fast.</b> A class is inflated only up to the end of its constant pool ({@link ClassPrefix}); most
 * classes name nothing guarded, and their fields and code are never inflated. The code of the others is
 * read ({@link CodeScan}) to name the method behind each use, and to tell {@code Class.forName("a.B")}
 * from a computed name — unless every permission it could show has already been reported for this
 * archive, in which case its uses are reported at the class.
 */
public final class BytecodeScanRule implements ValidationRule {

    /** Default cap on one nested entry's inflated size; the archive's own entries have the validator's cap. */
    static final long DEFAULT_NESTED_ENTRY_CAP = 64L * 1024 * 1024;

    private final long nestedEntryCap;

    public BytecodeScanRule() {
        this(DEFAULT_NESTED_ENTRY_CAP);
    }

    /** @param nestedEntryCap the most bytes one entry of a nested archive may inflate to */
    public BytecodeScanRule(long nestedEntryCap) {
        this.nestedEntryCap = nestedEntryCap;
    }

    @Override
    public String id() {
        return "bytecode";
    }

    @Override
    public void check(PluginArchive archive, Findings findings) {
        Set<String> reported = new HashSet<>();
        Findings tracking = new Findings() {
            @Override
            public void add(Finding finding) {
                findings.add(finding);
            }

            @Override
            public void uses(String permission, String where) {
                reported.add(permission);
                findings.uses(permission, where);
            }
        };
        InheritedReferences inherited = new InheritedReferences();
        new NestedArchives(findings, (path, in) -> scanClass(path, in, tracking, reported, inherited), nestedEntryCap,
                8 * nestedEntryCap).walk(archive); // each nested archive is read twice: its stream and its directory
        inherited.resolve(tracking);
    }

    private void scanClass(String path, InputStream in, Findings findings, Set<String> reported,
            InheritedReferences inherited) throws IOException {
        try {
            ClassPrefix prefix = new ClassPrefix(in);
            String className = prefix.thisName().replace('/', '.');
            String shownPath = path.equals(prefix.thisName() + ".class") ? "" : " (" + path + ")";
            ConstantPoolScan pool = ConstantPoolScan.of(prefix);
            inherited.declare(prefix.thisName(), prefix.superName());
            for (ConstantPoolScan.Inherited reference : pool.inherited) {
                inherited.referenced(reference, className + shownPath);
            }
            boolean newPermission = pool.uses.values().stream().anyMatch(u -> !reported.contains(u.permission()));
            boolean argumentsMatter = pool.targetInArgument
                    && !(reported.contains(Permissions.REFLECTION) && reported.contains(Permissions.FRAMEWORK));
            if (newPermission || argumentsMatter) {
                CodeScan code = new CodeScan(pool, findings, className, shownPath);
                new ClassReader(prefix.remainder()).accept(code, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
                code.finish();
            } else {
                pool.uses.values().forEach(u -> findings.uses(u.permission(), u.what() + " in " + className + shownPath));
            }
        } catch (RuntimeException e) {
            // ClassPrefix's and ASM's refusals of bytes that are not a class file they can read
            if (String.valueOf(e.getMessage()).startsWith("Unsupported class file")) {
                findings.add(new Finding("bytecode.unsupported-version", Severity.ERROR, "The class file " + path
                        + " was compiled for a newer Java than this MilkBottle can check (" + e.getMessage()
                        + "); it is refused. Compile the plugin for an older Java release.", path));
                return;
            }
            findings.add(new Finding("bytecode.malformed", Severity.ERROR, "The class file " + path
                    + " is malformed (" + e.getClass().getSimpleName() + "); it cannot be checked, so it is refused.",
                    path));
        }
    }
}
