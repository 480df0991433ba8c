package org.milkbottle.validation.internal.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.milkbottle.validation.api.Permissions;

/**
 * Which JDK and OSGi APIs need which permission, keyed by internal class name and method name
 * ({@code *} for every method of a class). {@link #FORBIDDEN} marks calls no plugin may make at all.
 */
final class ApiUses {

    /** Pseudo-permission for calls that are never allowed. */
    static final String FORBIDDEN = "forbidden";

    /** Owner class, then method name, to permission; two levels so lookups build no strings. */
    private static final Map<String, Map<String, String>> BY_OWNER = new HashMap<>();

    private static void add(String permission, String owner, String... methods) {
        Map<String, String> byMethod = BY_OWNER.computeIfAbsent(owner, o -> new HashMap<>());
        for (String method : methods) {
            byMethod.put(method, permission);
        }
    }

    static {
        add(FORBIDDEN, "java/lang/System", "exit");
        add(FORBIDDEN, "java/lang/Runtime", "exit", "halt");

        add(Permissions.PROCESS, "java/lang/Runtime", "exec");
        add(Permissions.PROCESS, "java/lang/ProcessBuilder", "<init>", "start", "startPipeline");

        add(Permissions.NETWORK, "java/net/Socket", "<init>");
        add(Permissions.NETWORK, "java/net/ServerSocket", "<init>");
        add(Permissions.NETWORK, "java/net/DatagramSocket", "<init>");
        add(Permissions.NETWORK, "java/net/MulticastSocket", "<init>");
        add(Permissions.NETWORK, "java/net/URL", "openConnection", "openStream");
        add(Permissions.NETWORK, "java/net/URLConnection", "connect", "getInputStream", "getOutputStream");
        add(Permissions.NETWORK, "java/net/http/HttpClient", "newHttpClient", "newBuilder");
        add(Permissions.NETWORK, "java/nio/channels/SocketChannel", "open");
        add(Permissions.NETWORK, "java/nio/channels/ServerSocketChannel", "open");
        add(Permissions.NETWORK, "java/nio/channels/DatagramChannel", "open");
        add(Permissions.NETWORK, "java/nio/channels/AsynchronousSocketChannel", "open");
        add(Permissions.NETWORK, "java/nio/channels/AsynchronousServerSocketChannel", "open");
        add(Permissions.NETWORK, "javax/net/SocketFactory", "createSocket");
        add(Permissions.NETWORK, "javax/net/ssl/SSLSocketFactory", "createSocket");

        add(Permissions.FILE_WRITE, "java/io/FileOutputStream", "<init>");
        add(Permissions.FILE_WRITE, "java/io/FileWriter", "<init>");
        add(Permissions.FILE_WRITE, "java/io/RandomAccessFile", "<init>");
        add(Permissions.FILE_WRITE, "java/nio/file/Files", "write", "writeString", "newOutputStream",
                "newBufferedWriter", "createFile", "createDirectory", "createDirectories", "createTempFile",
                "createTempDirectory", "delete", "deleteIfExists", "move", "createLink", "createSymbolicLink",
                "setAttribute", "setPosixFilePermissions", "setLastModifiedTime", "setOwner");
        add(Permissions.FILE_WRITE, "java/io/File", "delete", "deleteOnExit", "mkdir", "mkdirs", "renameTo",
                "createNewFile", "createTempFile", "setWritable", "setExecutable", "setReadable", "setLastModified");
        // PrintStream and PrintWriter write files only when built from a file name or File (see permissionOf)
        add(Permissions.FILE_WRITE, "java/io/PrintStream", "<init>");
        add(Permissions.FILE_WRITE, "java/io/PrintWriter", "<init>");
        add(Permissions.FILE_WRITE, "java/nio/channels/FileChannel", "open");
        add(Permissions.FILE_WRITE, "java/nio/channels/AsynchronousFileChannel", "open");

        for (String type : List.of("java/lang/reflect/AccessibleObject", "java/lang/reflect/Field",
                "java/lang/reflect/Method", "java/lang/reflect/Constructor", "java/lang/reflect/Executable")) {
            add(Permissions.REFLECTION, type, "setAccessible", "trySetAccessible");
        }
        add(Permissions.REFLECTION, "java/lang/invoke/MethodHandles", "privateLookupIn");
        add(Permissions.REFLECTION, "java/lang/invoke/MethodHandles$Lookup", "findVirtual", "findStatic",
                "findSpecial", "findGetter", "findSetter", "findStaticGetter", "findStaticSetter", "findConstructor",
                "findVarHandle", "findStaticVarHandle", "unreflect", "unreflectGetter", "unreflectSetter",
                "unreflectSpecial", "unreflectConstructor");
        add(Permissions.REFLECTION, "sun/misc/Unsafe", "*");
        add(Permissions.REFLECTION, "jdk/internal/misc/Unsafe", "*");

        add(Permissions.CLASS_DEFINITION, "java/lang/ClassLoader", "defineClass", "<init>");
        add(Permissions.CLASS_DEFINITION, "java/lang/invoke/MethodHandles$Lookup", "defineClass", "defineHiddenClass");
        add(Permissions.CLASS_DEFINITION, "java/net/URLClassLoader", "<init>", "newInstance");
        add(Permissions.CLASS_DEFINITION, "java/security/SecureClassLoader", "<init>");

        add(Permissions.NATIVE, "java/lang/System", "loadLibrary", "load");
        add(Permissions.NATIVE, "java/lang/Runtime", "loadLibrary", "load");

        add(Permissions.FRAMEWORK, "org/osgi/framework/Bundle", "stop", "uninstall", "update");
        add(Permissions.FRAMEWORK, "org/osgi/framework/BundleContext", "installBundle");
        add(Permissions.FRAMEWORK, "org/osgi/framework/wiring/FrameworkWiring", "refreshBundles", "resolveBundles");
        add(Permissions.FRAMEWORK, "org/osgi/framework/launch/Framework", "*");
        add(Permissions.FRAMEWORK, "org/osgi/framework/launch/FrameworkFactory", "*");
    }

    private ApiUses() {
    }

    /** The permission a call needs, or {@code null}. */
    static String permissionOf(String owner, String method, String descriptor) {
        Map<String, String> byMethod = BY_OWNER.get(owner);
        if (byMethod == null && !owner.startsWith("org/osgi/")) {
            return null; // the common case: a class with nothing guarded
        }
        if (owner.startsWith("org/osgi/framework/hooks/") || owner.startsWith("org/osgi/service/condpermadmin/")
                || owner.startsWith("org/osgi/service/permissionadmin/")) {
            return Permissions.FRAMEWORK;
        }
        if (owner.equals("java/nio/file/Files") && method.equals("copy")) {
            // copy(Path, OutputStream) only reads a file
            return descriptor.endsWith("Ljava/io/OutputStream;)J") ? null : Permissions.FILE_WRITE;
        }
        if ((owner.equals("java/io/PrintStream") || owner.equals("java/io/PrintWriter")) && method.equals("<init>")) {
            return descriptor.startsWith("(Ljava/lang/String;") || descriptor.startsWith("(Ljava/io/File;")
                    ? Permissions.FILE_WRITE : null;
        }
        if (byMethod == null) {
            return null;
        }
        String permission = byMethod.get(method);
        return permission != null ? permission : byMethod.get("*");
    }

    /**
     * Whether calls to members of this class may need a permission (or be forbidden); for any other
     * owner {@link #permissionOf} is always null.
     */
    static boolean isGuardedOwner(String owner) {
        return BY_OWNER.containsKey(owner) || owner.startsWith("org/osgi/") || owner.equals("java/lang/Class");
    }

    /** Whether a class with this superclass defines classes. */
    static boolean isClassLoader(String superName) {
        return "java/lang/ClassLoader".equals(superName) || "java/net/URLClassLoader".equals(superName)
                || "java/security/SecureClassLoader".equals(superName);
    }
}
