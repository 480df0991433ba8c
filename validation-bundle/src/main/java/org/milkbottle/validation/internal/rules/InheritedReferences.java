package org.milkbottle.validation.internal.rules;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.milkbottle.validation.api.Findings;
import org.objectweb.asm.Type;

/**
 * Members reached through a class of the archive rather than through the JDK class that declares them.
 * Java compiles a call to an inherited static method against the class it is written on: inside
 * {@code class MyAuth extends Authenticator}, {@code setDefault(this)} is a reference to
 * {@code MyAuth.setDefault}. Such references are kept until every class of the archive has been read,
 * then each one's superclass chain is followed out of the archive to the JDK class it extends.
 *
 * <p>A chain that leaves the archive into another bundle's class cannot be followed further; a reference
 * through it is counted when its name and descriptor are those of a guarded member of an extensible JDK
 * class and the descriptor names a JDK type ({@code setDefault(Ljava/net/Authenticator;)V}) — specific
 * enough not to catch every {@code stop()} of every library.
 */
final class InheritedReferences {

    /** Superclasses the JVM can resolve without loading code: JDK classes only, read once. */
    private static final Map<String, String> JDK_SUPERCLASSES = new ConcurrentHashMap<>();
    private static final String NONE = "";

    private final Map<String, String> superclasses = new HashMap<>();
    /** Reference to where it was first seen. */
    private final Map<ConstantPoolScan.Inherited, String> pending = new LinkedHashMap<>();

    void declare(String className, String superName) {
        superclasses.put(className, superName);
    }

    void referenced(ConstantPoolScan.Inherited reference, String where) {
        pending.putIfAbsent(reference, where);
    }

    /** Reports every pending reference that reaches a guarded member. */
    void resolve(Findings findings) {
        pending.forEach((reference, where) -> {
            String type = reference.owner();
            for (int hops = 0; type != null && superclasses.containsKey(type) && hops < 64; hops++) {
                type = superclasses.get(type);
            }
            if (type == null) {
                return; // the chain ends at Object, or loops
            }
            if (!GuardedApi.isPlatform(type)) {
                outside(reference, where, findings); // another bundle's class, or the owner itself is one
                return;
            }
            for (String jdk = type; jdk != null; jdk = jdkSuperclass(jdk)) {
                String permission = GuardedApi.inheritedMember(jdk, reference.name(), reference.descriptor());
                if (permission != null) {
                    findings.uses(permission, ConstantPoolScan.simple(jdk) + "." + reference.name()
                            + " (inherited, called as " + ConstantPoolScan.simple(reference.owner()) + "."
                            + reference.name() + ") in " + where);
                    return;
                }
            }
        });
    }

    /** A reference through a class of another bundle: matched by name and a descriptor naming a JDK type. */
    private static void outside(ConstantPoolScan.Inherited reference, String where, Findings findings) {
        if (!reference.descriptor().contains("Ljava/") && !reference.descriptor().contains("Ljavax/")) {
            return;
        }
        for (String owner : GuardedApi.ownersOfMember(reference.name())) {
            String permission = GuardedApi.inheritedMember(owner, reference.name(), reference.descriptor());
            if (permission != null && isExtensibleClass(owner)
                    && declares(owner, reference.name(), reference.descriptor())) {
                findings.uses(permission, ConstantPoolScan.simple(owner) + "." + reference.name()
                        + " (possibly inherited, called as " + ConstantPoolScan.simple(reference.owner()) + "."
                        + reference.name() + ") in " + where);
                return;
            }
        }
    }

    /**
     * Whether a class outside the JDK can extend it: a class, not final, with a constructor a subclass in another
     * package can call (public or protected). {@code Runtime} is not final, but its only constructor is private.
     */
    private static boolean isExtensibleClass(String internalName) {
        Class<?> type = jdkClass(internalName);
        if (type == null || type.isInterface() || Modifier.isFinal(type.getModifiers())) {
            return false;
        }
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (Modifier.isPublic(constructor.getModifiers()) || Modifier.isProtected(constructor.getModifiers())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the JDK class has, itself or from a JDK superclass, a member of exactly this name and descriptor: a
     * reference resolves by both, so one with another descriptor ({@code PDDocument.load(File)}) cannot reach
     * {@code Runtime.load(String)}.
     */
    private static boolean declares(String internalName, String name, String descriptor) {
        for (Class<?> type = jdkClass(internalName); type != null; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                if (method.getName().equals(name) && Type.getMethodDescriptor(method).equals(descriptor)) {
                    return true;
                }
            }
            for (Field field : type.getDeclaredFields()) {
                if (field.getName().equals(name) && Type.getDescriptor(field.getType()).equals(descriptor)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String jdkSuperclass(String internalName) {
        String found = JDK_SUPERCLASSES.computeIfAbsent(internalName, name -> {
            Class<?> type = jdkClass(name);
            Class<?> parent = type == null ? null : type.getSuperclass();
            return parent == null ? NONE : parent.getName().replace('.', '/');
        });
        return found.equals(NONE) ? null : found;
    }

    /** The JDK's own class of that name, loaded without initialising it; never a plugin's class. */
    private static Class<?> jdkClass(String internalName) {
        if (!internalName.startsWith("java/") && !internalName.startsWith("javax/")) {
            return null;
        }
        try {
            return Class.forName(internalName.replace('/', '.'), false, ClassLoader.getPlatformClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
