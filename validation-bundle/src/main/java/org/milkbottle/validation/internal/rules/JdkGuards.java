package org.milkbottle.validation.internal.rules;

import static org.milkbottle.validation.api.Permissions.CLASS_DEFINITION;
import static org.milkbottle.validation.api.Permissions.FILE_WRITE;
import static org.milkbottle.validation.api.Permissions.FRAMEWORK;
import static org.milkbottle.validation.api.Permissions.NATIVE;
import static org.milkbottle.validation.api.Permissions.NETWORK;
import static org.milkbottle.validation.api.Permissions.PROCESS;
import static org.milkbottle.validation.api.Permissions.REFLECTION;
import static org.milkbottle.validation.internal.rules.GuardedApi.directMembers;
import static org.milkbottle.validation.internal.rules.GuardedApi.members;
import static org.milkbottle.validation.internal.rules.GuardedApi.overload;
import static org.milkbottle.validation.internal.rules.GuardedApi.type;

/**
 * The JDK's guarded surface. It follows the JDK's own definition of a privileged operation — the methods
 * that called {@code SecurityManager.check*} before JDK 24 — and {@code SecurityCheckCoverageTest} proves
 * that every such method is listed here or deliberately left free. Methods whose checks lived in
 * non-exported implementation classes (NIO file systems, MXBean implementations, process handles) are
 * listed by hand.
 *
 * <p>{@code framework} covers everything that changes the JVM as a whole or other code's threads,
 * processes and agents — state no single plugin owns.
 */
final class JdkGuards {

    private JdkGuards() {
    }

    static void register() {
        processesAndTheJvm();
        jvmWideState();
        network();
        files();
        reflectionAndClassDefinition();
        management();
    }

    private static void processesAndTheJvm() {
        members(FRAMEWORK, "java/lang/System", "exit", "setSecurityManager", "setIn", "setOut", "setErr",
                "setProperty", "setProperties", "clearProperty",
                // the live JVM-wide table: whoever holds it can write any property
                "getProperties");
        members(NATIVE, "java/lang/System", "load", "loadLibrary");
        members(NETWORK, "java/lang/System", "inheritedChannel");
        members(FRAMEWORK, "java/lang/Runtime", "exit", "halt", "addShutdownHook", "removeShutdownHook");
        members(PROCESS, "java/lang/Runtime", "exec");
        members(NATIVE, "java/lang/Runtime", "load", "loadLibrary");
        members(PROCESS, "java/lang/ProcessBuilder", "<init>", "start", "startPipeline");
        // a process handle can name any process of the machine's user, not only the plugin's children
        members(FRAMEWORK, "java/lang/ProcessHandle", "destroy", "destroyForcibly");
        // a desktop launches other programs
        type(PROCESS, "java/awt/Desktop");
        members(FRAMEWORK, "java/lang/Thread", "stop", "suspend", "resume", "setDefaultUncaughtExceptionHandler");
        members(FRAMEWORK, "java/lang/ThreadGroup", "stop", "suspend", "resume", "destroy", "interrupt",
                "setMaxPriority", "setDaemon");
        type(FRAMEWORK, "java/lang/instrument/");
        type(FRAMEWORK, "com/sun/tools/attach/");
        type(FRAMEWORK, "sun/tools/attach/");
        type(FRAMEWORK, "jdk/internal/");
        type(FRAMEWORK, "sun/misc/Signal");
        type(FRAMEWORK, "sun/misc/SignalHandler");
        // the foreign function interface (finished in 22, incubating before) binds native code directly
        type(NATIVE, "java/lang/foreign/Linker");
        type(NATIVE, "java/lang/foreign/SymbolLookup");
        type(NATIVE, "jdk/incubator/foreign/");
    }

    /** Defaults and factories every other component of the JVM relies on. */
    private static void jvmWideState() {
        members(FRAMEWORK, "java/util/Locale", "setDefault");
        members(FRAMEWORK, "java/util/TimeZone", "setDefault");
        members(FRAMEWORK, "java/security/Security", "addProvider", "insertProviderAt", "removeProvider",
                "setProperty");
        // an installed provider (Security.getProvider("SUN")) can be rewritten entry by entry; a provider's
        // own constructor filling itself reaches these through its subclass and is not counted
        directMembers(FRAMEWORK, "java/security/Provider", "put", "putAll", "putIfAbsent", "putService", "remove",
                "removeService", "replace", "replaceAll", "compute", "computeIfAbsent", "computeIfPresent", "merge",
                "clear", "load");
        members(FRAMEWORK, "java/security/Policy", "setPolicy");
        members(FRAMEWORK, "java/security/IdentityScope", "setSystemScope");
        members(FRAMEWORK, "javax/security/auth/login/Configuration", "setConfiguration");
        members(FRAMEWORK, "java/io/ObjectInputFilter$Config", "setSerialFilter", "setSerialFilterFactory");
        members(FRAMEWORK, "java/sql/DriverManager", "setLogWriter", "setLogStream", "deregisterDriver");
        members(FRAMEWORK, "java/util/logging/LogManager", "reset", "readConfiguration", "updateConfiguration",
                "addConfigurationListener", "removeConfigurationListener", "checkAccess");
        members(FRAMEWORK, "java/rmi/server/LogStream", "setDefaultStream");
        members(FRAMEWORK, "java/rmi/server/RMISocketFactory", "setSocketFactory", "setFailureHandler");
        members(FRAMEWORK, "java/net/URL", "setURLStreamHandlerFactory");
        members(FRAMEWORK, "java/net/URLConnection", "setContentHandlerFactory", "setFileNameMap",
                "setDefaultAllowUserInteraction", "setDefaultUseCaches", "setDefaultRequestProperty");
        members(FRAMEWORK, "java/net/Socket", "setSocketImplFactory");
        members(FRAMEWORK, "java/net/ServerSocket", "setSocketFactory");
        members(FRAMEWORK, "java/net/DatagramSocket", "setDatagramSocketImplFactory");
        members(FRAMEWORK, "java/net/HttpURLConnection", "setFollowRedirects");
        members(FRAMEWORK, "javax/net/ssl/HttpsURLConnection", "setDefaultSSLSocketFactory",
                "setDefaultHostnameVerifier");
        members(FRAMEWORK, "javax/net/ssl/SSLContext", "setDefault");
        // the default authenticator answers for every component: asking it is asking for their passwords
        members(FRAMEWORK, "java/net/Authenticator", "setDefault", "getDefault", "requestPasswordAuthentication");
        members(FRAMEWORK, "java/net/CookieHandler", "setDefault");
        members(FRAMEWORK, "java/net/ProxySelector", "setDefault");
        members(FRAMEWORK, "java/net/ResponseCache", "setDefault");
        members(FRAMEWORK, "javax/naming/spi/NamingManager", "setInitialContextFactoryBuilder",
                "setObjectFactoryBuilder");
        // JVM-wide service providers: found through the system class path, constructing one is never needed
        for (String provider : new String[] {"java/net/spi/URLStreamHandlerProvider", "java/net/spi/InetAddressResolverProvider",
            "java/nio/channels/spi/SelectorProvider", "java/nio/channels/spi/AsynchronousChannelProvider",
            "java/nio/charset/spi/CharsetProvider", "java/nio/file/spi/FileSystemProvider",
            "java/nio/file/spi/FileTypeDetector", "java/util/spi/LocaleServiceProvider",
            "java/lang/System$LoggerFinder", "com/sun/net/httpserver/spi/HttpServerProvider",
            "javax/naming/ldap/spi/LdapDnsProvider"}) {
            overload(FRAMEWORK, provider, "<init>", "(");
        }
    }

    /**
     * What reaches another host. Reading a URL someone else built — {@code bundle.getEntry(..).openStream()},
     * {@code getResource(..).openStream()} — reads the plugin's own jar, so {@code URL.openStream} and
     * {@code openConnection} are not counted by themselves: the network is reached by whoever makes the
     * URL (a constructor, {@code URL.of}, {@code URI.toURL}), resolves a host name, opens a socket or channel,
     * or holds an HTTP connection.
     */
    private static void network() {
        members(NETWORK, "java/net/URL", "<init>", "of");
        members(NETWORK, "java/net/URI", "toURL");
        overload(NETWORK, "java/net/URL", "openConnection", "(Ljava/net/Proxy;)");
        type(NETWORK, "java/net/HttpURLConnection");
        type(NETWORK, "javax/net/ssl/HttpsURLConnection");
        type(NETWORK, "jdk/net/");
        members(NETWORK, "java/net/InetAddress", "getByName", "getAllByName", "getLocalHost", "getHostName",
                "getCanonicalHostName");
        overload(NETWORK, "java/net/InetSocketAddress", "<init>", "(Ljava/lang/String;");
        members(NETWORK, "java/net/Socket", "<init>", "connect", "bind");
        members(NETWORK, "java/net/ServerSocket", "<init>", "bind", "accept");
        members(NETWORK, "java/net/DatagramSocket", "<init>", "connect", "bind");
        members(NETWORK, "java/net/MulticastSocket", "<init>", "joinGroup");
        members(NETWORK, "java/net/http/HttpClient", "newHttpClient", "newBuilder");
        members(NETWORK, "java/net/http/WebSocket$Builder", "buildAsync");
        for (String channel : new String[] {"SocketChannel", "ServerSocketChannel", "DatagramChannel",
            "AsynchronousSocketChannel", "AsynchronousServerSocketChannel"}) {
            members(NETWORK, "java/nio/channels/" + channel, "open");
        }
        members(NETWORK, "java/nio/channels/spi/SelectorProvider", "openSocketChannel", "openServerSocketChannel",
                "openDatagramChannel");
        members(NETWORK, "javax/net/SocketFactory", "createSocket");
        members(NETWORK, "javax/net/ServerSocketFactory", "createServerSocket");
        members(NETWORK, "javax/net/ssl/SSLSocketFactory", "createSocket");
        members(NETWORK, "javax/net/ssl/SSLServerSocketFactory", "createServerSocket");
        members(NETWORK, "com/sun/net/httpserver/HttpServer", "create");
        members(NETWORK, "com/sun/net/httpserver/HttpsServer", "create");
        members(NETWORK, "com/sun/net/httpserver/spi/HttpServerProvider", "createHttpServer", "createHttpsServer");
        type(NETWORK, "java/rmi/registry/");
        members(NETWORK, "java/rmi/Naming", "*");
        members(NETWORK, "java/rmi/server/UnicastRemoteObject", "<init>", "exportObject");
        // JNDI contexts reach LDAP, RMI and DNS servers named in the lookup
        members(NETWORK, "javax/naming/InitialContext", "<init>");
        members(NETWORK, "javax/naming/directory/InitialDirContext", "<init>");
        members(NETWORK, "javax/naming/ldap/InitialLdapContext", "<init>");
        type(NETWORK, "javax/management/remote/");
    }

    private static void files() {
        members(FILE_WRITE, "java/io/FileOutputStream", "<init>");
        members(FILE_WRITE, "java/io/FileWriter", "<init>");
        members(FILE_WRITE, "java/io/RandomAccessFile", "<init>");
        for (String printer : new String[] {"java/io/PrintStream", "java/io/PrintWriter", "java/util/Formatter"}) {
            overload(FILE_WRITE, printer, "<init>", "(Ljava/lang/String;");
            overload(FILE_WRITE, printer, "<init>", "(Ljava/io/File;");
        }
        members(FILE_WRITE, "java/io/File", "delete", "deleteOnExit", "mkdir", "mkdirs", "renameTo", "createNewFile",
                "createTempFile", "setWritable", "setExecutable", "setReadable", "setReadOnly", "setLastModified");
        // copy(Path, OutputStream) only reads a file
        overload(null, "java/nio/file/Files", "copy", "(Ljava/nio/file/Path;Ljava/io/OutputStream;)");
        members(FILE_WRITE, "java/nio/file/Files", "write", "writeString", "newOutputStream", "newBufferedWriter",
                "newByteChannel", "copy", "createFile", "createDirectory", "createDirectories", "createTempFile",
                "createTempDirectory", "delete", "deleteIfExists", "move", "createLink", "createSymbolicLink",
                "setAttribute", "setPosixFilePermissions", "setLastModifiedTime", "setOwner");
        // the provider behind Files, reachable as path.getFileSystem().provider()
        members(FILE_WRITE, "java/nio/file/spi/FileSystemProvider", "newOutputStream", "newByteChannel",
                "newFileChannel", "newAsynchronousFileChannel", "createDirectory", "createSymbolicLink", "createLink",
                "delete", "deleteIfExists", "copy", "move", "setAttribute");
        members(FILE_WRITE, "java/nio/file/attribute/BasicFileAttributeView", "setTimes");
        members(FILE_WRITE, "java/nio/file/attribute/DosFileAttributeView", "setTimes", "setReadOnly", "setHidden",
                "setSystem", "setArchive");
        members(FILE_WRITE, "java/nio/file/attribute/PosixFileAttributeView", "setTimes", "setPermissions",
                "setGroup", "setOwner");
        members(FILE_WRITE, "java/nio/file/attribute/FileOwnerAttributeView", "setOwner");
        members(FILE_WRITE, "java/nio/file/attribute/AclFileAttributeView", "setAcl", "setOwner");
        members(FILE_WRITE, "java/nio/file/attribute/UserDefinedFileAttributeView", "write", "delete");
        members(FILE_WRITE, "java/nio/channels/FileChannel", "open");
        members(FILE_WRITE, "java/nio/channels/AsynchronousFileChannel", "open");
        // opened with OPEN_DELETE, a zip file deletes itself
        overload(FILE_WRITE, "java/util/zip/ZipFile", "<init>", "(Ljava/io/File;I");
        overload(FILE_WRITE, "java/util/jar/JarFile", "<init>", "(Ljava/io/File;ZI");
        members(FILE_WRITE, "java/util/logging/FileHandler", "<init>");
        // preferences are stored in files under the user's home (or the registry)
        members(FILE_WRITE, "java/util/prefs/Preferences", "userRoot", "systemRoot", "userNodeForPackage",
                "systemNodeForPackage");
        members(FILE_WRITE, "jdk/nio/Channels", "readWriteSelectableChannel");
        // a flight recording written to any path (jdk.jfr is outside the modules the coverage test walks)
        members(FILE_WRITE, "jdk/jfr/Recording", "dump", "setDestination");
        members(FILE_WRITE, "jdk/jfr/consumer/RecordingStream", "dump");
    }

    private static void reflectionAndClassDefinition() {
        members(REFLECTION, "java/lang/Class", "getMethod", "getMethods", "getDeclaredMethod", "getDeclaredMethods",
                "getField", "getFields", "getDeclaredField", "getDeclaredFields", "getConstructor", "getConstructors",
                "getDeclaredConstructor", "getDeclaredConstructors", "getEnclosingMethod", "getEnclosingConstructor",
                "getRecordComponents", "newInstance");
        for (String type : new String[] {"java/lang/reflect/AccessibleObject", "java/lang/reflect/Field",
            "java/lang/reflect/Method", "java/lang/reflect/Constructor", "java/lang/reflect/Executable"}) {
            members(REFLECTION, type, "setAccessible", "trySetAccessible");
        }
        members(REFLECTION, "java/lang/reflect/Method", "invoke");
        members(REFLECTION, "java/lang/reflect/Constructor", "newInstance");
        members(REFLECTION, "java/lang/reflect/Field", "get", "getBoolean", "getByte", "getChar", "getShort",
                "getInt", "getLong", "getFloat", "getDouble", "set", "setBoolean", "setByte", "setChar", "setShort",
                "setInt", "setLong", "setFloat", "setDouble");
        members(REFLECTION, "java/lang/reflect/InvocationHandler", "invokeDefault");
        members(REFLECTION, "java/lang/invoke/MethodHandles", "privateLookupIn", "reflectAs");
        members(REFLECTION, "java/lang/invoke/MethodHandles$Lookup", "findVirtual", "findStatic", "findSpecial",
                "findGetter", "findSetter", "findStaticGetter", "findStaticSetter", "findConstructor", "findVarHandle",
                "findStaticVarHandle", "findClass", "unreflect", "unreflectGetter", "unreflectSetter",
                "unreflectSpecial", "unreflectConstructor", "unreflectVarHandle", "bind", "in", "dropLookupMode",
                "revealDirect");
        // a handle's target is whatever a lookup found: the call itself names nothing the scan can check
        members(REFLECTION, "java/lang/invoke/MethodHandle", "invoke", "invokeExact", "invokeWithArguments");
        type(REFLECTION, "sun/misc/Unsafe");
        type(REFLECTION, "sun/reflect/");
        // invoke any method by its name
        type(REFLECTION, "java/beans/Statement");
        type(REFLECTION, "java/beans/Expression");
        type(REFLECTION, "java/beans/EventHandler");
        // the same, driven by data: an XML document or an encoder's persistence delegates call methods and
        // constructors named in it (the trial: an XMLDecoder document that builds and starts a ProcessBuilder)
        type(REFLECTION, "java/beans/XMLDecoder");
        type(REFLECTION, "java/beans/XMLEncoder");
        type(REFLECTION, "java/beans/Encoder");
        type(REFLECTION, "java/beans/PersistenceDelegate");
        type(REFLECTION, "java/beans/DefaultPersistenceDelegate");
        members(REFLECTION, "java/beans/Beans", "instantiate");
        members(REFLECTION, "java/beans/PropertyEditorManager", "findEditor", "registerEditor",
                "setEditorSearchPath");
        members(REFLECTION, "java/lang/ClassLoader", "findSystemClass");
        members(REFLECTION, "java/lang/ModuleLayer$Controller", "addOpens", "addExports", "addReads",
                "enableNativeAccess");

        members(CLASS_DEFINITION, "java/lang/ClassLoader", "<init>", "defineClass", "definePackage");
        members(CLASS_DEFINITION, "java/security/SecureClassLoader", "<init>", "defineClass");
        members(CLASS_DEFINITION, "java/net/URLClassLoader", "<init>", "newInstance", "definePackage");
        members(CLASS_DEFINITION, "javax/management/loading/MLet", "<init>");
        members(CLASS_DEFINITION, "javax/management/loading/PrivateMLet", "<init>");
        members(CLASS_DEFINITION, "java/lang/invoke/MethodHandles$Lookup", "defineClass", "defineHiddenClass",
                "defineHiddenClassWithClassData");
        // a proxy class can implement any interface, framework hooks included
        members(CLASS_DEFINITION, "java/lang/reflect/Proxy", "newProxyInstance", "getProxyClass");
        members(CLASS_DEFINITION, "java/lang/invoke/MethodHandleProxies", "asInterfaceInstance");
        members(CLASS_DEFINITION, "java/lang/ModuleLayer", "defineModules", "defineModulesWithOneLoader",
                "defineModulesWithManyLoaders");
        members(CLASS_DEFINITION, "java/rmi/server/RMIClassLoader", "loadClass", "loadProxyClass");
        // compilers, shells and script engines run code that is not in the plugin's classes: javac in the
        // runtime's JVM loads annotation processors from any path (the trial: file-write escalated to a process
        // by compiling a source written at run time), JShell and script engines evaluate text
        type(CLASS_DEFINITION, "java/util/spi/ToolProvider");
        type(CLASS_DEFINITION, "javax/tools/");
        type(CLASS_DEFINITION, "javax/script/");
        type(CLASS_DEFINITION, "jdk/jshell/");
        type(CLASS_DEFINITION, "com/sun/tools/javac/");
        type(CLASS_DEFINITION, "com/sun/source/util/");
    }

    /** JMX and the platform MXBeans: the operations that change or dump the JVM. */
    private static void management() {
        members(FRAMEWORK, "java/lang/management/ManagementFactory", "getPlatformMBeanServer");
        members(FRAMEWORK, "javax/management/MBeanServerFactory", "*");
        for (String server : new String[] {"javax/management/MBeanServer", "javax/management/MBeanServerConnection"}) {
            members(FRAMEWORK, server, "invoke", "setAttribute", "setAttributes", "registerMBean", "createMBean",
                    "unregisterMBean", "instantiate", "getClassLoader", "getClassLoaderFor",
                    "getClassLoaderRepository", "deserialize");
        }
        type(FRAMEWORK, "javax/management/loading/");
        members(FRAMEWORK, "java/lang/management/ThreadMXBean", "setThreadContentionMonitoringEnabled",
                "setThreadCpuTimeEnabled");
        members(FRAMEWORK, "com/sun/management/ThreadMXBean", "setThreadAllocatedMemoryEnabled");
        members(FRAMEWORK, "java/lang/management/MemoryMXBean", "setVerbose", "gc");
        members(FRAMEWORK, "java/lang/management/ClassLoadingMXBean", "setVerbose");
        members(FRAMEWORK, "java/lang/management/MemoryPoolMXBean", "setUsageThreshold",
                "setCollectionUsageThreshold", "resetPeakUsage");
        members(FRAMEWORK, "java/lang/management/PlatformLoggingMXBean", "setLoggerLevel");
        members(FRAMEWORK, "java/util/logging/LoggingMXBean", "setLoggerLevel");
        type(FRAMEWORK, "com/sun/management/HotSpotDiagnosticMXBean");
        type(FRAMEWORK, "com/sun/management/DiagnosticCommandMBean");
        type(FRAMEWORK, "jdk/management/");
    }
}
