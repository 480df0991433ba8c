package org.milkbottle.validation.internal.rules;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;

/**
 * A quick look at a class's constant pool: a class can only call or extend a guarded API if its pool
 * names it. Most classes name none, and their code need not be visited at all — the scan's main saving.
 */
final class ConstantPoolFilter {

    private static final int CLASS = 7;
    private static final int FIELD_REF = 9;
    private static final int METHOD_REF = 10;
    private static final int INTERFACE_METHOD_REF = 11;
    private static final int NAME_AND_TYPE = 12;

    private ConstantPoolFilter() {
    }

    /** Whether the class may use a guarded API, have native methods or be a class loader. */
    static boolean mayUseGuardedApi(ClassReader reader) {
        if ((reader.getAccess() & Opcodes.ACC_INTERFACE) == 0 && ApiUses.isClassLoader(reader.getSuperName())) {
            return true;
        }
        for (String type : reader.getInterfaces()) {
            if (type.startsWith("org/osgi/framework/hooks/")) {
                return true;
            }
        }
        char[] buffer = new char[reader.getMaxStringLength()];
        for (int i = 1; i < reader.getItemCount(); i++) {
            int offset = reader.getItem(i);
            if (offset == 0) {
                continue; // the second slot of a long or double
            }
            int tag = reader.readByte(offset - 1);
            if (tag == CLASS) {
                String name = reader.readUTF8(offset, buffer);
                if (name.startsWith("org/osgi/framework/hooks/") || name.endsWith("/Unsafe")) {
                    return true;
                }
            } else if (tag == METHOD_REF || tag == INTERFACE_METHOD_REF || tag == FIELD_REF) {
                String owner = reader.readClass(offset, buffer);
                int nameAndType = reader.getItem(reader.readUnsignedShort(offset + 2));
                String member = reader.readUTF8(nameAndType, buffer);
                String descriptor = reader.readUTF8(nameAndType + 2, buffer);
                if (ApiUses.permissionOf(owner, member, descriptor) != null
                        || ApiUses.permissionOf(owner, "*", descriptor) != null
                        || (owner.equals("java/lang/Class") && member.equals("forName"))
                        || (owner.equals("org/osgi/framework/BundleContext") && member.equals("getBundle"))) {
                    return true;
                }
            }
        }
        return hasNativeMethods(reader);
    }

    private static boolean hasNativeMethods(ClassReader reader) {
        boolean[] found = new boolean[1];
        reader.accept(new org.objectweb.asm.ClassVisitor(Opcodes.ASM9) {
            @Override
            public org.objectweb.asm.MethodVisitor visitMethod(int access, String name, String descriptor,
                    String signature, String[] exceptions) {
                found[0] |= (access & Opcodes.ACC_NATIVE) != 0;
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return found[0];
    }
}
