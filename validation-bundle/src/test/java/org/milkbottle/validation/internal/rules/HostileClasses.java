package org.milkbottle.validation.internal.rules;

import java.util.function.Consumer;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Class files written with ASM for what javac would not emit, or emits only from APIs a test cannot call. */
final class HostileClasses {

    private HostileClasses() {
    }

    /** A class {@code name} with one static method {@code run()V} whose body {@code code} writes. */
    static byte[] withCode(String name, Consumer<MethodVisitor> code) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name, null, "java/lang/Object", null);
        MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "run", "()V", null, null);
        method.visitCode();
        code.accept(method);
        method.visitInsn(Opcodes.RETURN);
        method.visitMaxs(0, 0);
        method.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** {@code ldc MethodHandle Runtime.exit} — a handle constant, no call. */
    static byte[] exitHandleConstant(String name) {
        return withCode(name, m -> {
            m.visitLdcInsn(new Handle(Opcodes.H_INVOKEVIRTUAL, "java/lang/Runtime", "exit", "(I)V", false));
            m.visitInsn(Opcodes.POP);
        });
    }

    /** {@code new MLet()}: a JMX class loader that loads code from URLs. */
    static byte[] mlet(String name) {
        return withCode(name, m -> {
            m.visitTypeInsn(Opcodes.NEW, "javax/management/loading/MLet");
            m.visitInsn(Opcodes.DUP);
            m.visitMethodInsn(Opcodes.INVOKESPECIAL, "javax/management/loading/MLet", "<init>", "()V", false);
            m.visitInsn(Opcodes.POP);
        });
    }

    /** The start of a Mach-O universal binary: the class file magic, then a count of two architectures. */
    static byte[] machOUniversalBinary() {
        byte[] bytes = new byte[64];
        bytes[0] = (byte) 0xCA;
        bytes[1] = (byte) 0xFE;
        bytes[2] = (byte) 0xBA;
        bytes[3] = (byte) 0xBE;
        bytes[7] = 2;
        return bytes;
    }
}
