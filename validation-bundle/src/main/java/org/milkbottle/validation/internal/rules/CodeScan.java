package org.milkbottle.validation.internal.rules;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.milkbottle.validation.api.Findings;
import org.milkbottle.validation.api.Permissions;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Reads the code of a class whose constant pool holds guarded references, for two things the pool alone
 * cannot say: which method makes each use (so that a finding names {@code com.acme.Foo.run}, not only the
 * class), and whether a call that takes its target as an argument ({@code Class.forName},
 * {@code loadClass}, {@code Bundle.adapt}) is given a constant the pool scan has already checked or a value
 * computed at run time. Uses the code does not show (a descriptor, an unused constant) keep the class as
 * their location: the pool, not this visitor, decides what is reported.
 */
final class CodeScan extends ClassVisitor {

    private final Map<String, ConstantPoolScan.Use> uses;
    private final Set<String> attributed = new HashSet<>();
    private final Findings findings;
    private final String className;
    private final String path;

    CodeScan(ConstantPoolScan pool, Findings findings, String className, String path) {
        super(Opcodes.ASM9);
        this.uses = pool.uses;
        this.findings = findings;
        this.className = className;
        this.path = path;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
            String[] exceptions) {
        String where = className + "." + name;
        mentions(Type.getMethodType(descriptor), where);
        return new MethodScan(where);
    }

    /** Reports the uses no method showed, at the class. */
    void finish() {
        uses.forEach((key, use) -> {
            if (!attributed.contains(key)) {
                findings.uses(use.permission(), use.what() + " in " + className + path);
            }
        });
    }

    private void member(String owner, String name, String where) {
        report(owner + "." + name, where);
        report(owner, where);
    }

    private void mentions(Type type, String where) {
        switch (type.getSort()) {
            case Type.METHOD -> {
                mentions(type.getReturnType(), where);
                for (Type argument : type.getArgumentTypes()) {
                    mentions(argument, where);
                }
            }
            case Type.ARRAY -> mentions(type.getElementType(), where);
            case Type.OBJECT -> report(type.getInternalName(), where);
            default -> {
            }
        }
    }

    private void constant(Object value, String where) {
        if (value instanceof Handle handle) {
            member(handle.getOwner(), handle.getName(), where);
            mentions(Type.getType(handle.getDesc()), where);
        } else if (value instanceof Type type) {
            mentions(type, where);
        } else if (value instanceof String text && text.indexOf('.') > 0) {
            report(text.replace('.', '/'), where);
        } else if (value instanceof ConstantDynamic dynamic) {
            constant(dynamic.getBootstrapMethod(), where);
            for (int i = 0; i < dynamic.getBootstrapMethodArgumentCount(); i++) {
                constant(dynamic.getBootstrapMethodArgument(i), where);
            }
        }
    }

    private void report(String key, String where) {
        ConstantPoolScan.Use use = uses.get(key);
        if (use != null) {
            attributed.add(key);
            findings.uses(use.permission(), use.what() + " in " + where + path);
        }
    }

    /**
     * Visits one method, keeping the most recent constant pushed (a string or class literal) and how many
     * stack slots lie above it, so that a call can tell whether its target argument is that constant.
     * Anything the tracker does not model (a branch target, a store, a stack shuffle) forgets the constant,
     * which errs towards "computed".
     */
    private final class MethodScan extends MethodVisitor {
        private final String where;
        private Object constant;
        private int above = -1;

        MethodScan(String where) {
            super(Opcodes.ASM9);
            this.where = where;
        }

        @Override
        public void visitLdcInsn(Object value) {
            constant(value, where);
            push(value instanceof Long || value instanceof Double ? 2 : 1);
            if (value instanceof String || value instanceof Type) {
                constant = value;
                above = 0;
            }
        }

        @Override
        public void visitInsn(int opcode) {
            if ((opcode >= Opcodes.ACONST_NULL && opcode <= Opcodes.ICONST_5) || opcode == Opcodes.FCONST_0
                    || opcode == Opcodes.FCONST_1 || opcode == Opcodes.FCONST_2) {
                push(1);
            } else {
                forget();
            }
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            if (opcode == Opcodes.BIPUSH || opcode == Opcodes.SIPUSH) {
                push(1);
            } else {
                forget();
            }
        }

        @Override
        public void visitVarInsn(int opcode, int varIndex) {
            if (opcode == Opcodes.ALOAD || opcode == Opcodes.ILOAD || opcode == Opcodes.FLOAD) {
                push(1);
            } else if (opcode == Opcodes.LLOAD || opcode == Opcodes.DLOAD) {
                push(2);
            } else {
                forget();
            }
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            mentions(Type.getObjectType(type), where);
            if (opcode == Opcodes.NEW) {
                push(1);
            } else if (opcode != Opcodes.CHECKCAST) {
                forget();
            }
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            member(owner, name, where);
            mentions(Type.getType(descriptor), where);
            int size = Type.getType(descriptor).getSize();
            switch (opcode) {
                case Opcodes.GETSTATIC -> push(size);
                case Opcodes.GETFIELD -> pop(1, size);
                default -> forget();
            }
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            member(owner, name, where);
            mentions(Type.getMethodType(descriptor), where);
            if (GuardedApi.takesTargetAsArgument(owner, name)) {
                targetArgument(owner, name, descriptor);
            }
            int sizes = Type.getArgumentsAndReturnSizes(descriptor);
            int arguments = (sizes >> 2) - (opcode == Opcodes.INVOKESTATIC ? 1 : 0);
            pop(arguments, sizes & 0x3);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            constant(bootstrap, where);
            for (Object argument : arguments) {
                constant(argument, where);
            }
            mentions(Type.getMethodType(descriptor), where);
            int sizes = Type.getArgumentsAndReturnSizes(descriptor);
            pop((sizes >> 2) - 1, sizes & 0x3);
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
            mentions(Type.getType(descriptor), where);
            forget();
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            forget();
        }

        @Override
        public void visitLabel(Label label) {
            forget();
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            forget();
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            forget();
        }

        /** Checks a forName/loadClass/adapt call: free if its target is the constant just pushed. */
        private void targetArgument(String owner, String name, String descriptor) {
            Type[] arguments = Type.getArgumentTypes(descriptor);
            int slotsAfterTarget = 0;
            boolean afterTarget = false;
            // the target is the first String (forName, loadClass) or the Class (adapt); count what follows it
            for (Type argument : arguments) {
                if (afterTarget) {
                    slotsAfterTarget += argument.getSize();
                } else if (argument.getDescriptor().equals("Ljava/lang/String;")
                        || argument.getDescriptor().equals("Ljava/lang/Class;")) {
                    afterTarget = true;
                }
            }
            boolean constantTarget = afterTarget && above == slotsAfterTarget && constant != null;
            if (name.equals("adapt")) {
                // adapt(BundleContext.class) is another bundle's context; other constant types are either
                // harmless (BundleWiring) or guarded as a whole where they are named (FrameworkStartLevel)
                if (!constantTarget || (constant instanceof Type type
                        && type.getInternalName().equals("org/osgi/framework/BundleContext"))) {
                    findings.uses(Permissions.FRAMEWORK, "Bundle.adapt" + (constantTarget ? "(BundleContext.class)"
                            : " (a type computed at run time, possibly BundleContext)") + " in " + where + path);
                }
            } else if (!constantTarget) {
                findings.uses(GuardedApi.UNKNOWN_TARGET, ConstantPoolScan.simple(owner) + "." + name
                        + " (a reflective call whose target is computed at run time) in " + where + path);
            }
        }

        private void push(int slots) {
            if (above >= 0) {
                above += slots;
            }
        }

        /** An instruction that takes {@code taken} slots and pushes {@code pushed}. */
        private void pop(int taken, int pushed) {
            if (above < 0) {
                return;
            }
            if (taken > above) {
                forget();
            } else {
                above += pushed - taken;
            }
        }

        private void forget() {
            constant = null;
            above = -1;
        }
    }
}
