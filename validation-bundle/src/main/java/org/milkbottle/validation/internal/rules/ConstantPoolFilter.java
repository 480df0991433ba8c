package org.milkbottle.validation.internal.rules;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.milkbottle.validation.api.Permissions;
import org.objectweb.asm.Opcodes;

/**
 * A quick look at a class's constant pool: a class can only call or extend a guarded API if its pool
 * names it. Most classes name none, and neither their code nor the rest of their bytes need be read —
 * the scan's main saving.
 */
final class ConstantPoolFilter {

    /** Every guarded owner lives under one of these; other names are never decoded. */
    private static final byte[][] GUARDED_PREFIXES = {bytes("java/"), bytes("javax/"), bytes("sun/"),
            bytes("jdk/"), bytes("org/osgi/")};

    private ConstantPoolFilter() {
    }

    /**
     * Whether the class may use a guarded API whose permission is not in {@code alreadyFound}, call a
     * forbidden method or be a class loader. (Once a permission's first use is known, more uses of it
     * change nothing, so their classes need no visit.)
     */
    static boolean mayUseGuardedApi(ClassPrefix prefix, Set<String> alreadyFound) {
        if ((prefix.access() & Opcodes.ACC_INTERFACE) == 0 && ApiUses.isClassLoader(prefix.superName())) {
            return true;
        }
        for (String type : prefix.interfaces()) {
            if (type.startsWith("org/osgi/framework/hooks/")) {
                return true;
            }
        }
        int count = prefix.entryCount();
        boolean[] guardedOwner = new boolean[count];
        for (int i = 1; i < count; i++) {
            if (prefix.tag(i) != ClassPrefix.CLASS || !prefix.classNameStartsWith(i, GUARDED_PREFIXES)) {
                continue;
            }
            String name = prefix.className(i);
            if ((name.startsWith("org/osgi/framework/hooks/") && !alreadyFound.contains(Permissions.FRAMEWORK))
                    || (name.endsWith("/Unsafe") && !alreadyFound.contains(Permissions.REFLECTION))) {
                return true;
            }
            guardedOwner[i] = ApiUses.isGuardedOwner(name);
        }
        for (int i = 1; i < count; i++) {
            int tag = prefix.tag(i);
            if ((tag == ClassPrefix.METHOD_REF || tag == ClassPrefix.INTERFACE_METHOD_REF
                    || tag == ClassPrefix.FIELD_REF) && guardedOwner[prefix.ownerIndex(i)]) {
                String permission = permissionOf(prefix.className(prefix.ownerIndex(i)), prefix.memberName(i),
                        prefix.memberDescriptor(i));
                // forbidden calls are never "already found": each one is reported
                if (permission != null && !alreadyFound.contains(permission)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String permissionOf(String owner, String member, String descriptor) {
        String permission = ApiUses.permissionOf(owner, member, descriptor);
        if (permission == null) {
            permission = ApiUses.permissionOf(owner, "*", descriptor);
        }
        if (permission == null && owner.equals("java/lang/Class") && member.equals("forName")) {
            permission = Permissions.REFLECTION;
        }
        if (permission == null && owner.equals("org/osgi/framework/BundleContext") && member.equals("getBundle")) {
            permission = Permissions.FRAMEWORK;
        }
        return permission;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
