package org.milkbottle.validation.internal.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.ModuleVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The JDK's own list of privileged operations, read from its class files: every public or protected
 * method of a public class in an exported package that calls {@code SecurityManager.check*} — directly or
 * through up to two methods of its own class — with the check it makes. Works on JDKs whose class files
 * still contain the checks (before 24).
 */
final class SecurityCheckedJdkMethods {

    /** A privileged JDK method and the check that guards it, e.g. {@code checkPermission RuntimePermission(exitVM)}. */
    record Checked(String owner, String name, String descriptor, String check) {
        @Override
        public String toString() {
            return owner.replace('/', '.') + "." + name + descriptor + " [" + check + "]";
        }
    }

    private static final int HELPER_DEPTH = 2;

    private SecurityCheckedJdkMethods() {
    }

    /** Scans the given modules of the running JDK. */
    static List<Checked> find(List<String> modules) {
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        List<Checked> found = new ArrayList<>();
        for (String module : modules) {
            Path root = jrt.getPath("modules", module);
            Set<String> exported = exportedPackages(root.resolve("module-info.class"));
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    String name = root.relativize(file).toString();
                    int slash = name.lastIndexOf('/');
                    if (!name.endsWith(".class") || slash < 0 || !exported.contains(name.substring(0, slash))) {
                        continue;
                    }
                    found.addAll(scan(Files.readAllBytes(file)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
    }

    /** Packages the module exports to everyone (qualified exports are internal plumbing). */
    private static Set<String> exportedPackages(Path moduleInfo) {
        Set<String> exported = new HashSet<>();
        try {
            new ClassReader(Files.readAllBytes(moduleInfo)).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public ModuleVisitor visitModule(String name, int access, String version) {
                    return new ModuleVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitExport(String packaze, int access, String... modules) {
                            if (modules == null || modules.length == 0) {
                                exported.add(packaze);
                            }
                        }
                    };
                }
            }, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return exported;
    }

    /** One method's own checks and the calls it makes to methods of its own class. */
    private static final class MethodFacts {
        final int access;
        final Set<String> checks = new LinkedHashSet<>();
        final Set<String> ownCalls = new LinkedHashSet<>();

        MethodFacts(int access) {
            this.access = access;
        }
    }

    private static List<Checked> scan(byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        if ((reader.getAccess() & Opcodes.ACC_PUBLIC) == 0) {
            return List.of();
        }
        String owner = reader.getClassName();
        Map<String, MethodFacts> methods = new HashMap<>();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                MethodFacts facts = new MethodFacts(access);
                methods.put(name + descriptor, facts);
                return new CheckFinder(owner, facts);
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        List<Checked> out = new ArrayList<>();
        methods.forEach((key, facts) -> {
            if ((facts.access & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED)) == 0
                    || (facts.access & Opcodes.ACC_SYNTHETIC) != 0) {
                return;
            }
            Set<String> checks = new LinkedHashSet<>();
            collect(methods, facts, HELPER_DEPTH, checks, new HashSet<>());
            int paren = key.indexOf('(');
            for (String check : checks) {
                out.add(new Checked(owner, key.substring(0, paren), key.substring(paren), check));
            }
        });
        return out;
    }

    private static void collect(Map<String, MethodFacts> methods, MethodFacts facts, int depth, Set<String> checks,
            Set<MethodFacts> seen) {
        if (!seen.add(facts)) {
            return;
        }
        checks.addAll(facts.checks);
        if (depth == 0) {
            return;
        }
        for (String call : facts.ownCalls) {
            MethodFacts callee = methods.get(call);
            if (callee != null) {
                collect(methods, callee, depth - 1, checks, seen);
            }
        }
    }

    /**
     * Finds {@code SecurityManager.check*} calls and names the permission a {@code checkPermission} call
     * passes: the last permission constructed ({@code new RuntimePermission("exitVM")}) or static permission
     * constant read ({@code SecurityConstants.GET_CLASSLOADER_PERMISSION}) before it.
     */
    private static final class CheckFinder extends MethodVisitor {
        private final String owner;
        private final MethodFacts facts;
        private String permissionType;
        private String permissionName;
        private String permissionConstant;

        CheckFinder(String owner, MethodFacts facts) {
            super(Opcodes.ASM9);
            this.owner = owner;
            this.facts = facts;
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            if (opcode == Opcodes.NEW && type.endsWith("Permission")) {
                permissionType = type.substring(type.lastIndexOf('/') + 1);
                permissionName = null;
                permissionConstant = null;
            }
        }

        @Override
        public void visitLdcInsn(Object value) {
            if (value instanceof String text && permissionType != null && permissionName == null) {
                permissionName = text;
            }
        }

        @Override
        public void visitFieldInsn(int opcode, String fieldOwner, String name, String descriptor) {
            if (opcode == Opcodes.GETSTATIC && (descriptor.endsWith("Permission;")
                    || fieldOwner.equals("sun/security/util/SecurityConstants"))) {
                permissionConstant = Type.getType(descriptor).getClassName().replaceAll(".*\\.", "") + " "
                        + fieldOwner.substring(fieldOwner.lastIndexOf('/') + 1) + "." + name;
                permissionType = null;
            }
        }

        @Override
        public void visitMethodInsn(int opcode, String callOwner, String name, String descriptor,
                boolean isInterface) {
            if (callOwner.equals("java/lang/SecurityManager") && name.startsWith("check")) {
                if (name.equals("checkPermission")) {
                    facts.checks.add(name + " " + (permissionConstant != null ? permissionConstant
                            : permissionType != null ? permissionType + "(" + permissionName + ")" : "?"));
                } else {
                    facts.checks.add(name + descriptor);
                }
                permissionType = null;
                permissionName = null;
                permissionConstant = null;
            } else if (callOwner.equals(owner)) {
                facts.ownCalls.add(name + descriptor);
            }
        }
    }
}
