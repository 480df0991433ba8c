package org.milkbottle.validation.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.milkbottle.validation.api.Permissions;
import org.milkbottle.validation.internal.rules.SecurityCheckedJdkMethods.Checked;
import org.junit.jupiter.api.Test;

/**
 * Proves the JDK half of the guarded surface against the JDK's own definition of a privileged operation:
 * every public or protected method of an exported class that made a {@code SecurityManager} check before
 * JDK 24. Each check is classified — which permission fits it, or why MilkBottle deliberately leaves it
 * free — and every method with a check that needs guarding must be guarded by {@link GuardedApi} with a
 * fitting permission.
 */
class SecurityCheckCoverageTest {

    /** The modules whose APIs a plugin can reach and that made checks; java.desktop (AWT) is out of scope. */
    static final List<String> MODULES = List.of("java.base", "java.logging", "java.management", "java.instrument",
            "jdk.attach", "java.net.http", "java.naming", "java.sql", "java.rmi", "java.prefs", "jdk.management",
            "jdk.unsupported", "jdk.net", "jdk.httpserver", "java.scripting", "java.security.jgss",
            "jdk.management.jfr");

    private static final String FREE = "free";

    /** A check, by the start of its label, and the permissions that fit it — or FREE and why. */
    private record Rule(String check, Set<String> permissions, String whyFree) {
    }

    private static final List<Rule> RULES = new ArrayList<>();

    private static void guard(String check, String... permissions) {
        RULES.add(new Rule(check, Set.of(permissions), null));
    }

    private static void free(String check, String why) {
        RULES.add(new Rule(check, Set.of(), why));
    }

    /** Methods whose check would ask for a guard but that act only on what the caller made or holds. */
    static final Map<String, String> FREE_METHODS = new LinkedHashMap<>();

    static {
        guard("checkExit", Permissions.FRAMEWORK);
        guard("checkExec", Permissions.PROCESS);
        guard("checkWrite(", Permissions.FILE_WRITE);
        guard("checkDelete", Permissions.FILE_WRITE);
        free("checkRead(", "reading files is not a MilkBottle permission: plugins read their own data and configuration");
        guard("checkConnect", Permissions.NETWORK);
        guard("checkListen", Permissions.NETWORK);
        guard("checkAccept", Permissions.NETWORK);
        guard("checkMulticast", Permissions.NETWORK);
        guard("checkLink", Permissions.NATIVE);
        guard("checkPropertiesAccess", Permissions.FRAMEWORK);
        free("checkPropertyAccess", "reading one system property reveals configuration, changes nothing");
        guard("checkCreateClassLoader", Permissions.CLASS_DEFINITION);
        free("checkAccess(Ljava/lang/Thread;)", "naming, prioritising and interrupting threads is everyday code on "
                + "the caller's own threads; the acts that harm other code's threads (stop, suspend, resume) are "
                + "guarded by name");
        guard("checkAccess(Ljava/lang/ThreadGroup;)", Permissions.FRAMEWORK);
        guard("checkSetFactory", Permissions.FRAMEWORK);
        guard("checkSecurityAccess", Permissions.FRAMEWORK);
        free("checkPackageAccess", "hides restricted JDK packages; the methods behind it are reflective reads that "
                + "carry their own member-access check");
        free("checkPermission ?", "a caller-supplied permission (Permission.checkGuard)");

        guard("checkPermission RuntimePermission(exitVM", Permissions.FRAMEWORK);
        guard("checkPermission RuntimePermission(shutdownHooks)", Permissions.FRAMEWORK);
        guard("checkPermission RuntimePermission(setIO)", Permissions.FRAMEWORK);
        guard("checkPermission RuntimePermission(setSecurityManager)", Permissions.FRAMEWORK);
        free("checkPermission RuntimePermission(createSecurityManager)", "a security manager does nothing until "
                + "System.setSecurityManager installs it, which is guarded");
        guard("checkPermission RuntimePermission(setFactory)", Permissions.FRAMEWORK);
        guard("checkPermission RuntimePermission(setDefaultUncaughtExceptionHandler)", Permissions.FRAMEWORK);
        free("checkPermission RuntimePermission(setContextClassLoader)", "setting the current thread's context "
                + "class loader is routine in libraries and lets no code load anything it could not already");
        free("checkPermission RuntimePermission(getenv", "reading environment variables, like reading properties");
        free("checkPermission RuntimePermission SecurityConstants.GET_CLASSLOADER_PERMISSION", "holding a class "
                + "loader grants nothing by itself: loading by computed name and defining classes are guarded");
        guard("checkPermission RuntimePermission SecurityConstants.CHECK_MEMBER_ACCESS_PERMISSION",
                Permissions.REFLECTION);
        free("checkPermission RuntimePermission SecurityConstants.SUBCLASS_IMPLEMENTATION_PERMISSION", "applies only "
                + "to subclasses overriding sensitive methods; creating threads and object streams is ordinary");
        free("checkPermission RuntimePermission SecurityConstants.GET_PD_PERMISSION", "reads a code source");
        free("checkPermission RuntimePermission SecurityConstants.GET_STACK_TRACE_PERMISSION", "reads stack traces");
        free("checkPermission RuntimePermission SecurityConstants.MODIFY_THREADGROUP_PERMISSION", "here: lists "
                + "threads to read their stacks (Thread.getAllStackTraces)");
        guard("checkPermission RuntimePermission SecurityConstants.STOP_THREAD_PERMISSION", Permissions.FRAMEWORK);
        free("checkPermission RuntimePermission(getStackWalkerWithClassReference)", "reads the caller's classes");
        free("checkPermission RuntimePermission(getFileSystemAttributes)", "reads free and total disk space");
        guard("checkPermission RuntimePermission(defineClass)", Permissions.CLASS_DEFINITION);
        guard("checkPermission RuntimePermission SecurityConstants.CREATE_CLASSLOADER_PERMISSION",
                Permissions.CLASS_DEFINITION);
        free("checkPermission RuntimePermission(closeClassLoader)", "closes a loader the caller made (making one is "
                + "guarded)");
        free("checkPermission RuntimePermission(accessSystemModules)", "reads the JDK's module descriptions");
        for (String provider : List.of("selectorProvider", "asynchronousChannelProvider", "charsetProvider",
                "fileSystemProvider", "fileTypeDetector", "localeServiceProvider", "httpServerProvider")) {
            guard("checkPermission RuntimePermission(" + provider + ")", Permissions.FRAMEWORK);
        }
        guard("checkPermission RuntimePermission LdapDnsProvider.DNSPROVIDER_PERMISSION", Permissions.FRAMEWORK);
        guard("checkPermission RuntimePermission System$LoggerFinder.LOGGERFINDER_PERMISSION", Permissions.FRAMEWORK);
        free("checkPermission RuntimePermission ForkJoinPool.modifyThreadPermission", "creates or shuts down the "
                + "caller's own pool (the common pool ignores shutdown)");
        free("checkPermission RuntimePermission ThreadPoolExecutor.shutdownPerm", "shuts down the caller's own pool");

        guard("checkPermission ReflectPermission SecurityConstants.ACCESS_PERMISSION", Permissions.REFLECTION);
        guard("checkPermission ReflectPermission(newProxyInPackage", Permissions.CLASS_DEFINITION);
        guard("checkPermission Permission MethodHandles.ACCESS_PERMISSION", Permissions.REFLECTION);
        guard("checkPermission Permission ReflectionFactory", Permissions.REFLECTION);

        guard("checkPermission FilePermission(<<ALL FILES>>)", Permissions.PROCESS, Permissions.FILE_WRITE);
        free("checkPermission FilePermission(read)", "reading files");
        guard("checkPermission FilePermission(write", Permissions.FILE_WRITE);
        guard("checkPermission FilePermission(delete", Permissions.FILE_WRITE);
        guard("checkPermission FilePermission(read, write", Permissions.FILE_WRITE);
        guard("checkPermission FilePermission(execute", Permissions.PROCESS);
        guard("checkPermission SocketPermission", Permissions.NETWORK);

        guard("checkPermission NetPermission SecurityConstants.SPECIFY_HANDLER_PERMISSION", Permissions.NETWORK);
        guard("checkPermission NetPermission SecurityConstants.SET_", Permissions.FRAMEWORK, Permissions.NETWORK);
        free("checkPermission NetPermission SecurityConstants.GET_", "HTTP libraries read the JVM's proxy selector, "
                + "cookie handler and response cache to honour its settings");
        guard("checkPermission NetPermission(setDefaultAuthenticator)", Permissions.FRAMEWORK);
        guard("checkPermission NetPermission(requestPasswordAuthentication)", Permissions.FRAMEWORK);
        free("checkPermission NetPermission(getNetworkInformation)", "reads local interface addresses");
        free("checkPermission NetPermission(allowHttpTrace)", "a method of a connection already made (network)");

        guard("checkPermission SecurityPermission(setPolicy)", Permissions.FRAMEWORK);
        free("checkPermission SecurityPermission(createPolicy.", "creates a policy object; installing it is guarded");
        free("checkPermission SecurityPermission SecurityConstants.GET_POLICY_PERMISSION", "reads the policy");
        free("checkPermission SecurityPermission(getProperty.", "reads a security property");
        free("checkPermission SecurityPermission SecurityConstants.CREATE_ACC_PERMISSION", "access control contexts "
                + "have no effect without a security manager");
        free("checkPermission SecurityPermission SecurityConstants.GET_COMBINER_PERMISSION", "likewise");
        guard("checkPermission SSLPermission", Permissions.FRAMEWORK);
        guard("checkPermission SQLPermission", Permissions.FRAMEWORK);
        guard("checkPermission SerializablePermission ObjectStreamConstants.SERIAL_FILTER_PERMISSION",
                Permissions.FRAMEWORK);
        free("checkPermission SerializablePermission", "subclassing or substituting in the caller's own streams");
        guard("checkPermission AuthPermission(setLoginConfiguration)", Permissions.FRAMEWORK);
        free("checkPermission AuthPermission", "JAAS subjects and login contexts of the caller's own; without a "
                + "security manager they grant nothing");
        free("checkPermission ServicePermission", "names a Kerberos principal");
        guard("checkPermission LoggingPermission(control)", Permissions.FRAMEWORK);
        guard("checkPermission Permission LogManager.controlPermission", Permissions.FRAMEWORK);
        guard("checkPermission Permission Preferences.prefsPerm", Permissions.FILE_WRITE);
        guard("checkPermission MBeanServerPermission", Permissions.FRAMEWORK);
        guard("checkPermission AttachPermission", Permissions.FRAMEWORK);
        guard("checkPermission PropertyPermission(write)", Permissions.FRAMEWORK);
        guard("checkPermission PropertyPermission(user.", Permissions.FRAMEWORK);

        FREE_METHODS.put("java/io/File.canExecute", "asks whether a file is executable; runs nothing");
        FREE_METHODS.put("java/io/File.canWrite", "asks whether a file is writable; writes nothing");
        FREE_METHODS.put("java/io/FileOutputStream.<init>(Ljava/io/FileDescriptor;)V", "guarded anyway: every "
                + "FileOutputStream constructor needs file-write");
        FREE_METHODS.put("java/util/zip/ZipFile.<init>(Ljava/io/File;)V", "opens for reading (OPEN_READ); only the "
                + "int-mode constructors can delete, and they are guarded");
        FREE_METHODS.put("java/util/zip/ZipFile.<init>(Ljava/lang/String;)V", "opens for reading");
        FREE_METHODS.put("java/util/zip/ZipFile.<init>(Ljava/io/File;Ljava/nio/charset/Charset;)V", "opens for reading");
        FREE_METHODS.put("java/util/zip/ZipFile.<init>(Ljava/lang/String;Ljava/nio/charset/Charset;)V",
                "opens for reading");
        FREE_METHODS.put("java/lang/ThreadGroup.<init>", "creates a group under one the caller can see");
        FREE_METHODS.put("java/lang/ThreadGroup.enumerate", "lists threads; acts on none");
        FREE_METHODS.put("java/lang/ThreadGroup.getParent", "reads");
        FREE_METHODS.put("java/lang/ThreadGroup.checkAccess", "the check itself");
        FREE_METHODS.put("java/util/logging/LogManager.<init>", "a LogManager subclass becomes the JVM's only "
                + "through a system property set at launch");
        FREE_METHODS.put("java/util/logging/LogManager.checkAccess", "the check itself (guarded all the same)");
        FREE_METHODS.put("java/lang/System$LoggerFinder.getLoggerFinder", "obtains loggers; changes nothing");
        FREE_METHODS.put("java/rmi/server/RMIClassLoader.getDefaultProviderInstance", "reads the default provider");
        FREE_METHODS.put("javax/net/ssl/HttpsURLConnection.setSSLSocketFactory", "one connection's factory, not "
                + "the default");
        FREE_METHODS.put("java/io/ObjectInputStream.setObjectInputFilter", "one stream's filter, not the JVM's");
        FREE_METHODS.put("java/security/Identity.", "deprecated per-object identities; nothing JVM-wide");
        FREE_METHODS.put("java/security/Signer.", "deprecated per-object signers; nothing JVM-wide");
        FREE_METHODS.put("java/net/ServerSocket.getInetAddress", "reads the address of a socket already made");
        FREE_METHODS.put("java/net/ServerSocket.getLocalSocketAddress", "likewise");
        FREE_METHODS.put("java/net/ServerSocket.toString", "likewise");
        FREE_METHODS.put("java/net/Socket.getLocalAddress", "likewise");
        FREE_METHODS.put("java/net/Socket.getLocalSocketAddress", "likewise");
        FREE_METHODS.put("java/net/NetworkInterface.", "reads local interface addresses; reaches no other host");
        FREE_METHODS.put("java/lang/Class.getClasses", "nested classes, not members");
        FREE_METHODS.put("java/lang/Class.getDeclaredClasses", "nested classes, not members");
        FREE_METHODS.put("java/lang/Thread.getAllStackTraces", "reads stacks");
    }

    @Test
    void everyPrivilegedJdkMethodIsGuardedWithAFittingPermissionOrDeliberatelyFree() {
        assumeTrue(Runtime.version().feature() < 24, "JDK " + Runtime.version().feature() + " has no SecurityManager "
                + "checks left in its class files, so the JDK's list of privileged methods cannot be derived here; "
                + "run this test on JDK 17-23 (the guard tables themselves are unchanged)");

        Map<String, Set<String>> checksByMethod = new LinkedHashMap<>();
        for (Checked checked : SecurityCheckedJdkMethods.find(MODULES)) {
            if (!checked.owner().equals("java/lang/SecurityManager")) { // the checker itself
                checksByMethod.computeIfAbsent(checked.owner() + "." + checked.name() + checked.descriptor(),
                        m -> new LinkedHashSet<>()).add(checked.check());
            }
        }
        List<String> uncovered = new ArrayList<>();
        List<String> unclassified = new ArrayList<>();
        checksByMethod.forEach((method, checks) -> {
            if (isFreeMethod(method)) {
                return;
            }
            Set<String> fitting = new LinkedHashSet<>();
            for (String check : checks) {
                Rule rule = RULES.stream().filter(r -> check.startsWith(r.check())).findFirst().orElse(null);
                if (rule == null) {
                    unclassified.add(method + " [" + check + "]");
                } else {
                    fitting.addAll(rule.permissions());
                }
            }
            if (fitting.isEmpty()) {
                return; // only checks MilkBottle leaves free
            }
            String permission = guardOf(method);
            if (permission == null || !fitting.contains(permission)) {
                uncovered.add(method + " " + checks + " needs one of " + fitting + ", guarded by " + permission);
            }
        });

        System.out.println("SecurityCheckCoverageTest: " + checksByMethod.size() + " privileged JDK methods checked");
        assertThat(checksByMethod).as("the walker found the JDK's checks").hasSizeGreaterThan(300);
        assertThat(unclassified).as("checks this test does not know how to classify").isEmpty();
        assertThat(uncovered).as("privileged JDK methods the scan does not guard").isEmpty();
    }

    private static boolean isFreeMethod(String method) {
        return FREE_METHODS.keySet().stream().anyMatch(method::startsWith);
    }

    /** The guard the scan applies to a member: its own, or its class's as a whole. */
    private static String guardOf(String method) {
        int dot = method.indexOf('.');
        int paren = method.indexOf('(');
        String owner = method.substring(0, dot);
        String member = GuardedApi.member(owner, method.substring(dot + 1, paren), method.substring(paren));
        if (member == null && GuardedApi.takesTargetAsArgument(owner, method.substring(dot + 1, paren))) {
            member = GuardedApi.UNKNOWN_TARGET;
        }
        return member != null ? member : GuardedApi.type(owner);
    }
}
