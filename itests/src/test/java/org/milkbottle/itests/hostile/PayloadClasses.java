package org.milkbottle.itests.hostile;

import static org.objectweb.asm.Opcodes.AASTORE;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_SUPER;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ANEWARRAY;
import static org.objectweb.asm.Opcodes.CHECKCAST;
import static org.objectweb.asm.Opcodes.DUP;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.ICONST_1;
import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.POP;
import static org.objectweb.asm.Opcodes.RETURN;
import static org.objectweb.asm.Opcodes.V17;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;

/**
 * Class bytes javac will not give us: a second {@code org.milkbottle.itests.hostile.Payload} whose
 * {@code run(String)} (and {@code Consumer.accept}) leaves a marker and then starts a process with
 * {@code Runtime.exec} — what a jar hides where a careless scan does not look.
 */
public final class PayloadClasses {

    public static final String PAYLOAD = "org/milkbottle/itests/hostile/Payload";
    private static final String MARKS = "org/milkbottle/itests/hostile/Marks";

    private PayloadClasses() {
    }

    /** The hostile Payload: {@code run(name)} marks {@code name} and runs {@code true} through Runtime.exec. */
    public static byte[] hostilePayload() {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(V17, ACC_PUBLIC | ACC_SUPER, PAYLOAD, null, "java/lang/Object",
                new String[] {"java/util/function/Consumer"});
        MethodVisitor init = writer.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        MethodVisitor run = writer.visitMethod(ACC_PUBLIC, "run", "(Ljava/lang/String;)V", null, null);
        run.visitCode();
        run.visitVarInsn(ALOAD, 1);
        run.visitMethodInsn(INVOKESTATIC, MARKS, "left", "(Ljava/lang/String;)V", false);
        run.visitMethodInsn(INVOKESTATIC, "java/lang/Runtime", "getRuntime", "()Ljava/lang/Runtime;", false);
        run.visitInsn(ICONST_1);
        run.visitTypeInsn(ANEWARRAY, "java/lang/String");
        run.visitInsn(DUP);
        run.visitInsn(ICONST_0);
        run.visitLdcInsn("true");
        run.visitInsn(AASTORE);
        run.visitMethodInsn(INVOKEVIRTUAL, "java/lang/Runtime", "exec", "([Ljava/lang/String;)Ljava/lang/Process;",
                false);
        run.visitInsn(POP);
        run.visitInsn(RETURN);
        run.visitMaxs(0, 0);
        run.visitEnd();

        MethodVisitor accept = writer.visitMethod(ACC_PUBLIC, "accept", "(Ljava/lang/Object;)V", null, null);
        accept.visitCode();
        accept.visitVarInsn(ALOAD, 0);
        accept.visitVarInsn(ALOAD, 1);
        accept.visitTypeInsn(CHECKCAST, "java/lang/String");
        accept.visitMethodInsn(INVOKEVIRTUAL, PAYLOAD, "run", "(Ljava/lang/String;)V", false);
        accept.visitInsn(RETURN);
        accept.visitMaxs(0, 0);
        accept.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** Where a class of internal name {@code internalName} lives under {@code prefix}. */
    public static String entry(String prefix, String internalName) {
        return prefix + internalName + ".class";
    }
}
