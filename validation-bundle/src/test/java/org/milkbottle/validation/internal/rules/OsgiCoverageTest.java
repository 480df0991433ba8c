package org.milkbottle.validation.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

import org.milkbottle.validation.api.Permissions;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.FrameworkWiring;
import org.junit.jupiter.api.Test;

/**
 * The OSGi half of the guarded surface, table-driven from the core specification: the methods documented
 * to need {@code AdminPermission} LIFECYCLE, EXECUTE, RESOLVE, STARTLEVEL, CONTEXT or EXTENSIONLIFECYCLE,
 * and every class of the packages guarded as a whole, read from the osgi.core jar itself.
 */
class OsgiCoverageTest {

    /** Methods the specification guards with AdminPermission and that act on a bundle or the framework. */
    private static final List<Method> ADMIN_ACTS = new ArrayList<>();

    /** How a class file names the member: through the type the code holds (FrameworkWiring, not BundleReference). */
    private static final Map<Method, Class<?>> HELD_AS = new HashMap<>();

    static {
        for (Method method : Bundle.class.getMethods()) {
            if (List.of("start", "stop", "update", "uninstall", "getBundleContext").contains(method.getName())) {
                ADMIN_ACTS.add(method);
            }
        }
        for (Method method : BundleContext.class.getMethods()) {
            if (method.getName().equals("installBundle")) {
                ADMIN_ACTS.add(method);
            }
        }
        for (Method method : FrameworkWiring.class.getMethods()) {
            ADMIN_ACTS.add(method);
            HELD_AS.put(method, FrameworkWiring.class);
        }
    }

    @Test
    void everyAdminPermissionActIsFramework() {
        assertThat(ADMIN_ACTS).hasSizeGreaterThan(12);
        for (Method method : ADMIN_ACTS) {
            String owner = Type.getInternalName(HELD_AS.getOrDefault(method, method.getDeclaringClass()));
            String permission = GuardedApi.member(owner, method.getName(), Type.getMethodDescriptor(method));
            if (permission == null) {
                permission = GuardedApi.type(owner);
            }
            assertThat(permission).as(method.toString()).isEqualTo(Permissions.FRAMEWORK);
        }
    }

    @Test
    void everyClassOfTheWhollyGuardedPackagesIsFramework() throws IOException, URISyntaxException {
        Path jar = Path.of(Bundle.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> classes = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Collections.list(zip.entries()).forEach(entry -> {
                String name = entry.getName();
                if (name.endsWith(".class") && (name.startsWith("org/osgi/framework/hooks/")
                        || name.startsWith("org/osgi/framework/startlevel/")
                        || name.startsWith("org/osgi/framework/launch/")
                        || name.startsWith("org/osgi/framework/connect/")
                        || name.startsWith("org/osgi/service/condpermadmin/")
                        || name.startsWith("org/osgi/service/permissionadmin/")
                        || name.startsWith("org/osgi/service/startlevel/")
                        || name.startsWith("org/osgi/service/packageadmin/")
                        || name.startsWith("org/osgi/service/url/"))) {
                    classes.add(name.substring(0, name.length() - ".class".length()));
                }
            });
        }
        assertThat(classes).as("classes found in " + jar).hasSizeGreaterThan(30);
        assertThat(classes).allSatisfy(name -> assertThat(GuardedApi.type(name)).as(name).isEqualTo(Permissions.FRAMEWORK));
    }

    @Test
    void readingBundlesAndUsingServicesStaysFree() {
        for (String[] member : new String[][] {{"org/osgi/framework/BundleContext", "getBundle", "(J)"},
            {"org/osgi/framework/BundleContext", "getBundles", "()"},
            {"org/osgi/framework/BundleContext", "registerService", "(Ljava/lang/String;"},
            {"org/osgi/framework/BundleContext", "getServiceReference", "(Ljava/lang/Class;)"},
            {"org/osgi/framework/Bundle", "getHeaders", "()"}, {"org/osgi/framework/Bundle", "getEntry", "("},
            {"org/osgi/framework/Bundle", "getSymbolicName", "()"}, {"org/osgi/framework/Bundle", "getState", "()"}}) {
            assertThat(GuardedApi.member(member[0], member[1], member[2])).as(member[1]).isNull();
        }
    }

    @Test
    void adaptingABundleToItsContextIsFrameworkAndToItsWiringIsFree() {
        InMemoryArchive.Recorded context = new InMemoryArchive().entry("x/Adapts.class",
                adapt("x/Adapts", "org/osgi/framework/BundleContext")).scan();
        assertThat(context.uses).containsExactly("framework: Bundle.adapt(BundleContext.class) in x.Adapts.run");

        InMemoryArchive.Recorded wiring = new InMemoryArchive().entry("x/Wires.class",
                adapt("x/Wires", "org/osgi/framework/wiring/BundleWiring")).scan();
        assertThat(wiring.uses).isEmpty();
    }

    /** {@code ((Bundle) null).adapt(Type.class)} */
    private static byte[] adapt(String name, String type) {
        return HostileClasses.withCode(name, m -> {
            m.visitInsn(Opcodes.ACONST_NULL);
            m.visitLdcInsn(Type.getObjectType(type));
            m.visitMethodInsn(Opcodes.INVOKEINTERFACE, "org/osgi/framework/Bundle", "adapt",
                    "(Ljava/lang/Class;)Ljava/lang/Object;", true);
            m.visitInsn(Opcodes.POP);
        });
    }
}
