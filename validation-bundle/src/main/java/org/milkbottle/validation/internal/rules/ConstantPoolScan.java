package org.milkbottle.validation.internal.rules;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.milkbottle.validation.api.Permissions;

/**
 * Finds every guarded reference of one class in its constant pool — without reading its fields or code.
 *
 * <p>This is what makes the scan complete by construction: the JVM links a class only through symbolic
 * references in its constant pool. Calls and field accesses of every kind, method references and lambdas
 * (an {@code invokedynamic}'s bootstrap arguments are method handle constants, which point at member
 * references), {@code ldc} of method handles, class literals, {@code new}, casts, the superclass and
 * interfaces, and the descriptors of the class's own methods all appear there. So the scan reads every
 * entry:
 * <ul>
 * <li>field, method and interface-method references to a guarded member ({@link GuardedApi#member});</li>
 * <li>any text — class entries, descriptors, signatures, string constants in slashed or dotted form — that
 * names a type guarded as a whole ({@code agentmain(String, Instrumentation)}, a hook's class name handed
 * to {@code registerService});</li>
 * <li>names a reflective look-up may use: a string constant that is the name of a guarded member of a
 * class the pool also names, in a class that looks members up by name ({@code Runtime.class.getMethod("exit")});</li>
 * <li>references to members the class reaches through a subclass of its own (kept for
 * {@link InheritedReferences}, which sees every class of the archive).</li>
 * </ul>
 * What the pool cannot show is a name built at run time; the calls that take one ({@code Class.forName},
 * {@code loadClass}, {@code Bundle.adapt}) are marked for {@link CodeScan}, which tells constants from
 * computed names.
 */
final class ConstantPoolScan {

    /** One guarded reference: {@code what} for the finding, {@code key} to find it again in the code. */
    record Use(String permission, String what, String key) {
    }

    /** A member referenced through a class that is not the JDK's or OSGi's: resolved once the archive is read. */
    record Inherited(String owner, String name, String descriptor) {
    }

    private static final byte[][] PLATFORM = GuardedApi.PLATFORM_PREFIXES.stream()
            .map(p -> p.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
    private static final NameIndex TYPE_GUARDS = new NameIndex(GuardedApi.typeGuardNames());
    /** Names of guarded members and of the calls that take their target as an argument. */
    private static final MemberNameFilter MEMBER_NAMES = new MemberNameFilter(Stream.concat(
            GuardedApi.guardedMemberNames().stream(), Stream.of("forName", "loadClass", "adapt")).toList());
    /** Guarded member names are short identifiers; longer strings are never decoded for the look-up check. */
    private static final int LONGEST_MEMBER_NAME = 40;

    /** Uses by key, in pool order. */
    final Map<String, Use> uses = new LinkedHashMap<>();
    final List<Inherited> inherited = new ArrayList<>();
    /** Whether the code must be read to tell a constant argument from a computed one. */
    boolean targetInArgument;

    private ConstantPoolScan() {
    }

    static ConstantPoolScan of(ClassPrefix prefix) {
        ConstantPoolScan scan = new ConstantPoolScan();
        scan.read(prefix);
        return scan;
    }

    private void read(ClassPrefix prefix) {
        int count = prefix.entryCount();
        boolean[] platformClass = new boolean[count];
        for (int i = 1; i < count; i++) {
            platformClass[i] = prefix.tag(i) == ClassPrefix.CLASS && prefix.classNameStartsWith(i, PLATFORM);
        }
        boolean looksUpByName = false;
        for (int i = 1; i < count; i++) {
            int tag = prefix.tag(i);
            if ((tag != ClassPrefix.METHOD_REF && tag != ClassPrefix.INTERFACE_METHOD_REF
                    && tag != ClassPrefix.FIELD_REF) || !prefix.memberNameMayBe(i, MEMBER_NAMES)) {
                continue; // most references: nothing guarded has a member of that name
            }
            int ownerIndex = prefix.ownerIndex(i);
            String name = prefix.memberName(i);
            if (platformClass[ownerIndex]) {
                String owner = prefix.className(ownerIndex);
                String permission = GuardedApi.member(owner, name, prefix.memberDescriptor(i));
                if (permission != null) {
                    add(permission, describe(owner, name), owner + "." + name);
                } else if (GuardedApi.isGuardedMemberName(name) && !name.equals("<init>")) {
                    // javac names the class a static method is called on, which may be a JDK subclass of the class
                    // that declares it (JarURLConnection.setContentHandlerFactory is URLConnection's): follow the
                    // JDK's superclasses, as for the archive's own classes
                    inherited.add(new Inherited(owner, name, prefix.memberDescriptor(i)));
                }
                targetInArgument |= GuardedApi.takesTargetAsArgument(owner, name);
                looksUpByName |= GuardedApi.looksUpByName(owner, name);
            } else if (GuardedApi.isGuardedMemberName(name) && !name.equals("<init>")) {
                // constructors are not inherited: a subclass's constructor names its superclass's itself
                String owner = prefix.className(ownerIndex);
                if (!owner.startsWith("[")) {
                    inherited.add(new Inherited(owner, name, prefix.memberDescriptor(i)));
                }
            }
        }
        prefix.findNames(TYPE_GUARDS, name -> {
            // every class of the JDK and OSGi is named in UpperCamelCase: text under a guarded package whose last
            // part starts in lower case names a package or a property ("jdk.internal.httpclient.debug"), not a type
            int slash = name.lastIndexOf('/');
            if (slash >= 0 && slash + 1 < name.length() && !Character.isUpperCase(name.charAt(slash + 1))) {
                return;
            }
            String permission = GuardedApi.type(name);
            if (permission != null) {
                add(permission, name.replace('/', '.'), name);
            }
        });
        if (looksUpByName) {
            Set<String> platformClasses = new HashSet<>();
            for (int i = 1; i < count; i++) {
                if (platformClass[i]) {
                    platformClasses.add(prefix.className(i));
                }
            }
            namesLookedUp(prefix, platformClasses);
        }
        String superName = prefix.superName();
        if (superName != null && GuardedApi.CLASS_LOADER_TYPES.contains(superName)) {
            add(Permissions.CLASS_DEFINITION, "a subclass of " + simple(superName), "extends " + superName);
        }
    }

    /**
     * A class that looks members up by name ({@code getMethod}, {@code findStatic}, {@code Statement}) and
     * holds a string naming a guarded member of a class it also names — as a class entry or a dotted string
     * ({@code Class.forName("java.lang.Runtime")}) — is taken to look that member up. The pool does not say
     * which string goes to which call, so this errs on the side of reporting.
     */
    private void namesLookedUp(ClassPrefix prefix, Set<String> platformClasses) {
        List<String> names = new ArrayList<>();
        Set<String> classes = new HashSet<>(platformClasses);
        for (int i = 1; i < prefix.entryCount(); i++) {
            if (prefix.tag(i) != ClassPrefix.STRING || prefix.stringLength(i) > 200) {
                continue;
            }
            String text = prefix.string(i);
            if (text.length() <= LONGEST_MEMBER_NAME && GuardedApi.isGuardedMemberName(text)) {
                names.add(text);
            } else if (text.indexOf('.') > 0) {
                classes.add(text.replace('.', '/'));
            }
        }
        for (String name : names) {
            for (String owner : GuardedApi.ownersOfMember(name)) {
                String permission = classes.contains(owner) ? GuardedApi.member(owner, name, "") : null;
                if (permission == null && classes.contains(owner)) {
                    permission = anyOverload(owner, name);
                }
                if (permission != null) {
                    add(permission, simple(owner) + "." + name + " (looked up by name)", "lookup " + owner + "." + name);
                }
            }
        }
    }

    /** The permission of the first guarded overload of a member, when the descriptor is unknown. */
    private static String anyOverload(String owner, String name) {
        for (String descriptor : new String[] {"(Ljava/lang/String;", "(Ljava/io/File;", "(Ljava/net/Proxy;",
            "(Ljava/io/File;I"}) {
            String permission = GuardedApi.member(owner, name, descriptor);
            if (permission != null) {
                return permission;
            }
        }
        return null;
    }

    private void add(String permission, String what, String key) {
        uses.putIfAbsent(key, new Use(permission, what, key));
    }

    /** How a member use reads in a finding; reflective calls say that their target is not known. */
    static String describe(String owner, String name) {
        String member = name.equals("<init>") ? "new " + simple(owner) : simple(owner) + "." + name;
        boolean blind = switch (owner) {
            case "java/lang/reflect/Method", "java/lang/reflect/Constructor", "java/lang/reflect/Field",
                    "java/lang/invoke/MethodHandle", "java/lang/reflect/InvocationHandler" ->
                !name.contains("ccessible");
            case "java/lang/Class" -> name.equals("newInstance");
            default -> false;
        };
        return blind ? member + " (a reflective call whose target is computed at run time)" : member;
    }

    static String simple(String internalName) {
        return internalName.substring(internalName.lastIndexOf('/') + 1);
    }
}
