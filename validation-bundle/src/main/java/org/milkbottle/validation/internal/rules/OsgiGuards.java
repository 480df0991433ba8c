package org.milkbottle.validation.internal.rules;

import static org.milkbottle.validation.api.Permissions.FRAMEWORK;
import static org.milkbottle.validation.internal.rules.GuardedApi.members;
import static org.milkbottle.validation.internal.rules.GuardedApi.type;

/**
 * The OSGi guarded surface: what the core specification puts behind {@code AdminPermission} (LIFECYCLE,
 * EXECUTE, RESOLVE, STARTLEVEL, CONTEXT, EXTENSIONLIFECYCLE), the hook services, and the services that
 * act for every bundle (permission admins, start level, package admin, configuration of all bundles, URL
 * handlers, subsystems). All of it is {@code framework}: no plugin may act on other bundles or on the
 * framework unless a trusted signer vouches for it. {@code OsgiCoverageTest} keeps this list honest.
 *
 * <p>Reading — {@code getBundle(id)}, {@code getBundles()}, headers, entries, service lookups — stays free:
 * knowing that the system bundle exists harms nobody; acting on it ({@code stop}, {@code update},
 * {@code getBundleContext}) is what is guarded, whichever bundle the act is aimed at, because the scan
 * cannot tell whose bundle an object is.
 */
final class OsgiGuards {

    private OsgiGuards() {
    }

    static void register() {
        // LIFECYCLE and EXECUTE on any bundle; CONTEXT: another bundle's context is that bundle's authority
        members(FRAMEWORK, "org/osgi/framework/Bundle", "start", "stop", "update", "uninstall", "getBundleContext");
        members(FRAMEWORK, "org/osgi/framework/BundleContext", "installBundle");
        // Bundle.adapt(BundleContext.class) is getBundleContext by another name; adapt is checked in the code
        // (CodeScan), loadClass likewise (CLASS is not an act on the bundle, but a computed name is reflection)

        type(FRAMEWORK, "org/osgi/framework/hooks/");
        type(FRAMEWORK, "org/osgi/framework/startlevel/");
        type(FRAMEWORK, "org/osgi/framework/launch/");
        type(FRAMEWORK, "org/osgi/framework/connect/");
        type(FRAMEWORK, "org/osgi/framework/wiring/FrameworkWiring");
        type(FRAMEWORK, "org/osgi/service/condpermadmin/");
        type(FRAMEWORK, "org/osgi/service/permissionadmin/");
        type(FRAMEWORK, "org/osgi/service/startlevel/");
        type(FRAMEWORK, "org/osgi/service/packageadmin/");
        // URL handlers registered as services serve every bundle's URLs of that scheme
        type(FRAMEWORK, "org/osgi/service/url/");
        // every bundle's configuration, MilkBottle's own trust policy included
        type(FRAMEWORK, "org/osgi/service/cm/ConfigurationAdmin");
        type(FRAMEWORK, "org/osgi/service/cm/ConfigurationPlugin");
        type(FRAMEWORK, "org/osgi/service/log/admin/");
        type(FRAMEWORK, "org/osgi/service/subsystem/");
        type(FRAMEWORK, "org/osgi/service/deploymentadmin/");
        members(FRAMEWORK, "org/osgi/service/component/runtime/ServiceComponentRuntime", "enableComponent",
                "disableComponent");
        // the shell: a session runs any command with the operator's authority (mb:install --allow-permissions,
        // mb:trust-add), and a command's Function runs it directly. A command may take its CommandSession to
        // read variables and write to the console; running command lines through it is the operator's act.
        type(FRAMEWORK, "org/apache/felix/service/command/CommandProcessor");
        members(FRAMEWORK, "org/apache/felix/service/command/CommandSession", "execute", "put");
        members(FRAMEWORK, "org/apache/felix/service/command/Function", "execute");
        // ...and what sees every session: each command line and its result (a token just made, a password)
        type(FRAMEWORK, "org/apache/felix/service/command/CommandSessionListener");
        type(FRAMEWORK, "org/apache/felix/service/command/Converter");
        // The runtime's privileged services. Naming the type is needed both to call one (it is hidden from
        // plugins; a component's reference to it is not injected) and to offer an impostor the runtime would
        // bind: a "registry" that swallows the marketplace's advisories, a resolver that plans installs
        type(FRAMEWORK, "org/milkbottle/api/PluginManager");
        type(FRAMEWORK, "org/milkbottle/validation/api/Validator");
        type(FRAMEWORK, "org/milkbottle/validation/api/AdvisoryRegistry");
        type(FRAMEWORK, "org/milkbottle/perf/api/PerformanceMonitor");
        type(FRAMEWORK, "org/milkbottle/perf/api/InstallTimings");
        type(FRAMEWORK, "org/milkbottle/perf/api/CacheInspector");
        type(FRAMEWORK, "org/osgi/service/resolver/Resolver");
        type(FRAMEWORK, "org/osgi/service/jdbc/DataSourceFactory");
        // launching a framework of one's own, not through org.osgi.framework.launch
        type(FRAMEWORK, "org/apache/felix/framework/Felix");
        type(FRAMEWORK, "org/apache/felix/framework/FrameworkFactory");
        type(FRAMEWORK, "org/eclipse/osgi/launch/");
    }
}
