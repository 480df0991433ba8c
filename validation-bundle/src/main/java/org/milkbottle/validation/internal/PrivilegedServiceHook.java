package org.milkbottle.validation.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.milkbottle.validation.api.ManagedLocation;
import org.milkbottle.validation.api.Permissions;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.hooks.service.EventListenerHook;
import org.osgi.framework.hooks.service.FindHook;
import org.osgi.framework.hooks.service.ListenerHook;
import org.osgi.framework.hooks.service.ListenerHook.ListenerInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Hides privileged services — the plugin manager, ConfigurationAdmin, the validator, the permission
 * admins — from plugins, and from every bundle installed through MilkBottle (libraries included), that do
 * not declare the {@code framework} permission: they can neither find them nor hear of them. (Only a
 * trusted signer's bundle can declare it and be approved.)
 *
 * <p>Declarative Services tracks ConfigurationAdmin through each plugin's own bundle context to configure
 * the plugin's components. So a lookup or listener made with a plugin's context is allowed when the code
 * making it belongs to a bundle of the runtime (present when this hook started, not installed through
 * MilkBottle); the plugin's own code is refused.
 */
@Component(service = {FindHook.class, EventListenerHook.class, ListenerHook.class}, immediate = true)
public class PrivilegedServiceHook implements FindHook, EventListenerHook, ListenerHook {

    /** Services only plugins with the framework permission may see. */
    static final List<String> PRIVILEGED = List.of("org.milkbottle.api.PluginManager",
            "org.osgi.service.cm.ConfigurationAdmin",
            "org.milkbottle.validation.api.Validator",
            // publishing or withdrawing advisories would let a plugin lift the advisories that refuse it
            "org.milkbottle.validation.api.AdvisoryRegistry",
            // the monitor writes JFR recordings to any path and shows every bundle's figures; install timings
            // could be forged; the cache inspector shows every bundle's caches. (A bundle's own CacheManager
            // and TaskExecutor are not privileged: each bundle gets an instance that reaches only its own.)
            "org.milkbottle.perf.api.PerformanceMonitor",
            "org.milkbottle.perf.api.InstallTimings",
            "org.milkbottle.perf.api.CacheInspector",
            // a shell session runs any command with the operator's authority
            "org.apache.felix.service.command.CommandProcessor",
            // the runtime's JDBC drivers: H2's SQL writes files and compiles and runs Java code (CREATE ALIAS)
            "org.osgi.service.jdbc.DataSourceFactory",
            // registers servlets at any path on the runtime's web server (the whiteboard confines a plugin's)
            "org.osgi.service.http.HttpService",
            // the runtime's bundles take their configuration through these: Jetty's would let a plugin log every
            // request's Authorization header to a file, or open the web server to the network; Declarative
            // Services', Event Admin's and the log's are no plugin's business either. (A plugin's own are its own.)
            "org.osgi.service.cm.ManagedService",
            "org.osgi.service.cm.ManagedServiceFactory",
            "org.osgi.service.condpermadmin.ConditionalPermissionAdmin",
            "org.osgi.service.permissionadmin.PermissionAdmin");

    /** The runtime's bundles: their code may use a plugin's context on its behalf. */
    private final Set<Long> runtimeBundles = ConcurrentHashMap.newKeySet();

    /** Listeners that runtime code added through a plugin's context; they still hear of everything. */
    private final Set<ListenerInfo> runtimeListeners = ConcurrentHashMap.newKeySet();

    @Activate
    void activate(BundleContext context) {
        for (Bundle bundle : context.getBundles()) {
            if (!ManagedLocation.isManaged(bundle)) {
                runtimeBundles.add(bundle.getBundleId());
            }
        }
    }

    @Override
    public void find(BundleContext context, String name, String filter, boolean allServices,
            Collection<ServiceReference<?>> references) {
        if (hidesFrom(context.getBundle()) && references.stream().anyMatch(PrivilegedServiceHook::isPrivileged)) {
            boolean runtimeCode = Callers.madeBy(runtimeBundles);
            references.removeIf(reference -> isPrivileged(reference)
                    && !(runtimeCode && isConfigurationAdmin(reference)));
        }
    }

    /**
     * What runtime code may look up or hear of through a plugin's context: ConfigurationAdmin, which Declarative
     * Services tracks to configure the plugin's components. Nothing else: the same code (SCR) also looks up the
     * services a plugin's component references, and would inject a hidden one into it (the trial: a component
     * referencing H2's DataSourceFactory, another the PluginManager).
     */
    private static boolean isConfigurationAdmin(ServiceReference<?> reference) {
        return reference.getProperty(Constants.OBJECTCLASS) instanceof String[] names
                && java.util.Arrays.asList(names).contains("org.osgi.service.cm.ConfigurationAdmin");
    }

    @Override
    public void added(Collection<ListenerInfo> listeners) {
        // when this hook registers, it is told of the listeners that already exist: who added those is
        // not on the stack, so they are not trusted
        if (Callers.inFramework("registerService")) {
            return;
        }
        for (ListenerInfo listener : listeners) {
            if (hidesFrom(listener.getBundleContext().getBundle()) && Callers.madeBy(runtimeBundles)) {
                runtimeListeners.add(listener);
            }
        }
    }

    @Override
    public void removed(Collection<ListenerInfo> listeners) {
        runtimeListeners.removeAll(listeners);
    }

    @Override
    public void event(ServiceEvent event, Map<BundleContext, Collection<ListenerInfo>> listeners) {
        if (!isPrivileged(event.getServiceReference())) {
            return;
        }
        boolean configurationAdmin = isConfigurationAdmin(event.getServiceReference());
        for (Map.Entry<BundleContext, Collection<ListenerInfo>> entry : listeners.entrySet()) {
            if (hidesFrom(entry.getKey().getBundle())) {
                entry.getValue().removeIf(listener -> !(configurationAdmin && runtimeListeners.contains(listener)));
            }
        }
    }

    static boolean isPrivileged(ServiceReference<?> reference) {
        Bundle registrar = reference.getBundle();
        if (registrar != null && ManagedLocation.isManaged(registrar)) {
            return false; // a plugin's own service of such a type (its own JDBC driver) is no door into the runtime
        }
        Object classes = reference.getProperty(Constants.OBJECTCLASS);
        if (classes instanceof String[] names) {
            for (String name : names) {
                if (PRIVILEGED.contains(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean hidesFrom(Bundle bundle) {
        return bundle != null && WiringPolicy.heldToPolicy(bundle)
                && !WiringPolicy.declares(bundle, Permissions.FRAMEWORK);
    }
}
