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

    /**
     * Whether the class may use a guarded API whose permission is not in {@code alreadyFound}, call a
     * forbidden method, have native methods or be a class loader. (Once a permission's first use is
     * known, more uses of it change nothing, so their classes need no visit.)
     */
    static boolean mayUseGuardedApi(ClassReader reader, java.util.Set<String> alreadyFound) {
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
                if ((name.startsWith("org/osgi/framework/hooks/")
                        && !alreadyFound.contains(org.milkbottle.validation.api.Permissions.FRAMEWORK))
                        || (name.endsWith("/Unsafe")
                        && !alreadyFound.contains(org.milkbottle.validation.api.Permissions.REFLECTION))) {
                    return true;
                }
            } else if (tag == METHOD_REF || tag == INTERFACE_METHOD_REF || tag == FIELD_REF) {
                String owner = reader.readClass(offset, buffer);
                int nameAndType = reader.getItem(reader.readUnsignedShort(offset + 2));
                String member = reader.readUTF8(nameAndType, buffer);
                String descriptor = reader.readUTF8(nameAndType + 2, buffer);
                String permission = ApiUses.permissionOf(owner, member, descriptor);
                if (permission == null) {
                    permission = ApiUses.permissionOf(owner, "*", descriptor);
                }
                if (permission == null && owner.equals("java/lang/Class") && member.equals("forName")) {
                    permission = org.milkbottle.validation.api.Permissions.REFLECTION;
                }
                if (permission == null && owner.equals("org/osgi/framework/BundleContext")
                        && member.equals("getBundle")) {
                    permission = org.milkbottle.validation.api.Permissions.FRAMEWORK;
                }
                // forbidden calls are never "already found": each one is reported
                if (permission != null && !alreadyFound.contains(permission)) {
                    return true;
                }
            }
        }
        return hasNativeMethods(reader);
    }

    /** Walks the fields and methods tables by hand (no strings built) looking for ACC_NATIVE. */
    private static boolean hasNativeMethods(ClassReader reader) {
        int offset = reader.header + 6;
        offset += 2 + 2 * reader.readUnsignedShort(offset); // interfaces
        offset = skipMembers(reader, offset); // fields
        int methods = reader.readUnsignedShort(offset);
        offset += 2;
        for (int i = 0; i < methods; i++) {
            if ((reader.readUnsignedShort(offset) & Opcodes.ACC_NATIVE) != 0) {
                return true;
            }
            offset = skipAttributes(reader, offset + 6);
        }
        return false;
    }

    private static int skipMembers(ClassReader reader, int offset) {
        int count = reader.readUnsignedShort(offset);
        offset += 2;
        for (int i = 0; i < count; i++) {
            offset = skipAttributes(reader, offset + 6);
        }
        return offset;
    }

    private static int skipAttributes(ClassReader reader, int offset) {
        int attributes = reader.readUnsignedShort(offset);
        offset += 2;
        for (int i = 0; i < attributes; i++) {
            offset += 6 + reader.readInt(offset + 2);
        }
        return offset;
    }
}
