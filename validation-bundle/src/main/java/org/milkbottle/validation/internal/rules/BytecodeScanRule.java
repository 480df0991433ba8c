package org.milkbottle.validation.internal.rules;

import java.io.IOException;
import java.io.InputStream;

import org.milkbottle.validation.api.Finding;
import org.milkbottle.validation.api.Findings;
import org.milkbottle.validation.api.Permissions;
import org.milkbottle.validation.api.PluginArchive;
import org.milkbottle.validation.api.Severity;
import org.milkbottle.validation.api.ValidationRule;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Scans every class file with ASM — reading bytes, never loading a class — for calls to dangerous APIs
 * and reports the permission each needs ({@link Findings#uses}). Only classes whose constant pool names
 * a guarded API are inflated past their header and visited ({@link ConstantPoolFilter}). Calls no plugin may make
 * ({@code System.exit}, {@code Runtime.halt}) are errors in plugins and warnings in libraries.
 */
public final class BytecodeScanRule implements ValidationRule {

    @Override
    public String id() {
        return "bytecode";
    }

    @Override
    public void check(PluginArchive archive, Findings findings) {
        boolean plugin = archive.isPlugin();
        java.util.Set<String> found = new java.util.HashSet<>();
        Findings tracking = new Findings() {
            @Override
            public void add(Finding finding) {
                findings.add(finding);
            }

            @Override
            public void uses(String permission, String where) {
                found.add(permission);
                findings.uses(permission, where);
            }
        };
        for (String name : archive.entryNames()) {
            if (!name.endsWith(".class") || name.endsWith("module-info.class")
                    || (name.startsWith("META-INF/") && !name.startsWith("META-INF/versions/"))) {
                continue;
            }
            try (InputStream in = archive.open(name)) {
                ClassPrefix prefix = new ClassPrefix(in);
                if (ConstantPoolFilter.mayUseGuardedApi(prefix, found)) {
                    new ClassReader(prefix.remainder()).accept(new Scan(tracking, plugin),
                            ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
                }
            } catch (IOException e) {
                findings.add(new Finding("bytecode.unreadable", Severity.ERROR, "The class file " + name
                        + " cannot be read: " + e.getMessage() + ".", name));
            } catch (RuntimeException e) {
                if (String.valueOf(e.getMessage()).startsWith("Unsupported class file")) {
                    findings.add(new Finding("bytecode.unsupported-version", Severity.ERROR, "The class file " + name
                            + " was compiled for a newer Java than this MilkBottle can check (" + e.getMessage()
                            + "); it is refused. Compile the plugin for an older Java release.", name));
                    continue;
                }
                findings.add(new Finding("bytecode.malformed", Severity.ERROR, "The class file " + name
                        + " is malformed (" + e.getClass().getSimpleName() + "); it cannot be checked, so it is refused.",
                        name));
            }
        }
    }

    /** Visits one class. */
    private static final class Scan extends ClassVisitor {
        private final Findings findings;
        private final boolean plugin;
        private String className;

        Scan(Findings findings, boolean plugin) {
            super(Opcodes.ASM9);
            this.findings = findings;
            this.plugin = plugin;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                String[] interfaces) {
            className = name.replace('/', '.');
            if (ApiUses.isClassLoader(superName)) {
                findings.uses(Permissions.CLASS_DEFINITION, className + " extends " + simple(superName));
            }
            for (String type : interfaces == null ? new String[0] : interfaces) {
                if (type.startsWith("org/osgi/framework/hooks/")) {
                    findings.uses(Permissions.FRAMEWORK, className + " implements " + simple(type));
                }
            }
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            // native methods need no check of their own: they can only bind to a library that this
            // bundle's class loader loaded, and loading one is a guarded call (System.loadLibrary)
            return new MethodScan(className + "." + name);
        }

        /** Visits one method, remembering just enough of the previous instruction to see constant arguments. */
        private final class MethodScan extends MethodVisitor {
            private final String where;
            private Object previousConstant;
            private boolean previousWasLongZero;

            MethodScan(String where) {
                super(Opcodes.ASM9);
                this.where = where;
            }

            @Override
            public void visitLdcInsn(Object value) {
                if (value instanceof Type type && type.getInternalName().startsWith("org/osgi/framework/hooks/")) {
                    findings.uses(Permissions.FRAMEWORK, simple(type.getInternalName()) + " in " + where);
                }
                forget();
                previousConstant = value;
            }

            @Override
            public void visitInsn(int opcode) {
                forget();
                previousWasLongZero = opcode == Opcodes.LCONST_0;
            }

            @Override
            public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
                String permission = ApiUses.permissionOf(owner, "*", descriptor);
                if (permission != null) {
                    findings.uses(permission, simple(owner) + "." + name + " in " + where);
                }
                forget();
            }

            @Override
            public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
                String call = (name.equals("<init>") ? "new " + simple(owner) : simple(owner) + "." + name) + " in "
                        + where;
                if (owner.equals("java/lang/Class") && name.equals("forName")) {
                    if (!(previousConstant instanceof String) || !descriptor.startsWith("(Ljava/lang/String;)")) {
                        findings.uses(Permissions.REFLECTION, "Class.forName on a computed name in " + where);
                    }
                } else if (owner.equals("org/osgi/framework/BundleContext") && name.equals("getBundle")
                        && descriptor.equals("(J)Lorg/osgi/framework/Bundle;") && previousWasLongZero) {
                    findings.uses(Permissions.FRAMEWORK, "BundleContext.getBundle(0) (the system bundle) in " + where);
                } else {
                    String permission = ApiUses.permissionOf(owner, name, descriptor);
                    if (ApiUses.FORBIDDEN.equals(permission)) {
                        findings.add(new Finding("bytecode.forbidden", plugin ? Severity.ERROR : Severity.WARNING,
                                "calls " + simple(owner) + "." + name + " in " + where + ", which would stop the whole "
                                        + "runtime; no plugin may do that. Report errors by throwing instead.", where));
                    } else if (permission != null) {
                        findings.uses(permission, call);
                    }
                }
                forget();
            }

            @Override
            public void visitVarInsn(int opcode, int varIndex) {
                forget();
            }

            @Override
            public void visitTypeInsn(int opcode, String type) {
                forget();
            }

            @Override
            public void visitIntInsn(int opcode, int operand) {
                forget();
            }

            private void forget() {
                previousConstant = null;
                previousWasLongZero = false;
            }
        }
    }

    private static String simple(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return internalName.substring(slash + 1);
    }
}
