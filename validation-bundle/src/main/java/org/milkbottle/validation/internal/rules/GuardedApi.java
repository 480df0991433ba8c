package org.milkbottle.validation.internal.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.milkbottle.validation.api.Permissions;

/**
 * The guarded surface: which JDK and OSGi members and types need which permission. The entries live in
 * {@link JdkGuards} and {@link OsgiGuards}; this class holds them and answers lookups by internal name.
 *
 * <p>Two kinds of guard. A <em>member</em> guard covers one method or field of one class, optionally only
 * for descriptors that start a certain way ({@code new PrintStream(String)} writes a file,
 * {@code new PrintStream(OutputStream)} does not). A <em>type</em> guard covers a class or package as a whole
 * — every mention of it in a class file counts, whatever the code does with it — for APIs with no harmless
 * use by a plugin (agents, attach, framework hooks, start levels, {@code Unsafe}).
 */
final class GuardedApi {

    /** A member guard; {@code permission} null marks a harmless overload listed before a guarded one. */
    private record MemberGuard(String name, String descriptorPrefix, String permission, boolean inherited) {
    }

    /** A type guard: a package (name ends with '/') or one class and its nested classes. */
    private record TypeGuard(String name, String permission) {
    }

    /** Top-level packages where guarded owners live; references to anything else are never looked up. */
    static final List<String> PLATFORM_PREFIXES = List.of("java/", "javax/", "jdk/", "sun/", "com/sun/", "org/osgi/",
            "org/apache/felix/framework/", "org/eclipse/osgi/launch/");

    private static final Map<String, List<MemberGuard>> MEMBERS = new HashMap<>();
    private static final List<TypeGuard> TYPES = new ArrayList<>();
    /** Member names to the owners that guard a member of that name (for reflective look-ups and inheritance). */
    private static final Map<String, Set<String>> OWNERS_BY_NAME = new HashMap<>();

    /** JDK class loader types: extending or constructing one defines classes. */
    static final Set<String> CLASS_LOADER_TYPES = Set.of("java/lang/ClassLoader", "java/security/SecureClassLoader",
            "java/net/URLClassLoader", "javax/management/loading/MLet", "javax/management/loading/PrivateMLet");

    static {
        JdkGuards.register();
        OsgiGuards.register();
    }

    private GuardedApi() {
    }

    /** Guards the named members of {@code owner}; {@code *} guards every member. */
    static void members(String permission, String owner, String... names) {
        for (String name : names) {
            add(owner, new MemberGuard(name, null, permission, true));
        }
    }

    /** Guards the overloads of one member whose descriptor starts with {@code descriptorPrefix}. */
    static void overload(String permission, String owner, String name, String descriptorPrefix) {
        add(owner, new MemberGuard(name, descriptorPrefix, permission, true));
    }

    /**
     * Guards members only where the class file names {@code owner} itself: calls that reach them through a
     * subclass of the plugin's own act on the plugin's own object (a security provider filling itself).
     */
    static void directMembers(String permission, String owner, String... names) {
        for (String name : names) {
            add(owner, new MemberGuard(name, null, permission, false));
        }
    }

    /** Guards a package ({@code a/b/}) or a class with its nested classes as a whole. */
    static void type(String permission, String name) {
        TYPES.add(new TypeGuard(name, permission));
    }

    private static void add(String owner, MemberGuard guard) {
        MEMBERS.computeIfAbsent(owner, o -> new ArrayList<>()).add(guard);
        OWNERS_BY_NAME.computeIfAbsent(guard.name(), n -> new HashSet<>()).add(owner);
    }

    /** Whether an internal class name lies where guarded APIs live (the cheap test before any lookup). */
    static boolean isPlatform(String internalName) {
        for (String prefix : PLATFORM_PREFIXES) {
            if (internalName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The permission a member reference needs, or null. */
    static String member(String owner, String name, String descriptor) {
        return member(owner, name, descriptor, false);
    }

    /** The permission a member reference needs when reached through a subclass, or null. */
    static String inheritedMember(String owner, String name, String descriptor) {
        return member(owner, name, descriptor, true);
    }

    private static String member(String owner, String name, String descriptor, boolean inheritedOnly) {
        List<MemberGuard> guards = MEMBERS.get(owner);
        if (guards == null) {
            return null;
        }
        for (MemberGuard guard : guards) {
            if ((guard.name().equals(name) || guard.name().equals("*"))
                    && (guard.descriptorPrefix() == null || descriptor.startsWith(guard.descriptorPrefix()))) {
                return inheritedOnly && !guard.inherited() ? null : guard.permission();
            }
        }
        return null;
    }

    /** Owners that guard a member of this name (empty for most names). */
    static Set<String> ownersOfMember(String name) {
        return OWNERS_BY_NAME.getOrDefault(name, Set.of());
    }

    /** Every guarded member name. */
    static Set<String> guardedMemberNames() {
        return OWNERS_BY_NAME.keySet();
    }

    /** Whether any owner guards a member of this name. */
    static boolean isGuardedMemberName(String name) {
        return OWNERS_BY_NAME.containsKey(name);
    }

    /**
     * The permission a mention of this class needs because its type is guarded as a whole, or null. Takes
     * the internal name ({@code a/b/C}); nested classes ({@code a/b/C$D}) share their outer class's guard.
     */
    static String type(String internalName) {
        for (TypeGuard guard : TYPES) {
            String name = guard.name();
            if (internalName.startsWith(name) && (name.endsWith("/") || internalName.length() == name.length()
                    || internalName.charAt(name.length()) == '$')) {
                return guard.permission();
            }
        }
        return null;
    }

    /** Every type guard's name, for the constant pool's text search. */
    static List<String> typeGuardNames() {
        List<String> names = new ArrayList<>();
        TYPES.forEach(guard -> names.add(guard.name()));
        return names;
    }

    /**
     * Whether a call to this member names its target only at run time (a class name, a class or a member
     * name passed as an argument): {@code Class.forName}, {@code loadClass}, {@code Bundle.adapt}. Such
     * calls are free when the argument is a constant the scan can see, and need {@code reflection}
     * (or {@code framework} for {@code adapt}) when it is not; {@link CodeScan} tells which.
     */
    static boolean takesTargetAsArgument(String owner, String name) {
        return (name.equals("forName") && owner.equals("java/lang/Class"))
                || (name.equals("loadClass") && (CLASS_LOADER_TYPES.contains(owner)
                        || owner.equals("org/osgi/framework/Bundle")))
                || (name.equals("adapt") && owner.equals("org/osgi/framework/Bundle"));
    }

    /** Whether this call looks up a member by a name given as a string (reflection, method handles). */
    static boolean looksUpByName(String owner, String name) {
        return switch (owner) {
            case "java/lang/Class" -> name.startsWith("get") && (name.contains("Method") || name.contains("Field")
                    || name.contains("Constructor"));
            case "java/lang/invoke/MethodHandles$Lookup" -> name.startsWith("find");
            case "java/beans/Statement", "java/beans/Expression", "java/beans/EventHandler" -> true;
            default -> false;
        };
    }

    /** The permission of every call whose target the scan cannot see: names built at run time. */
    static final String UNKNOWN_TARGET = Permissions.REFLECTION;
}
