package org.milkbottle.validation.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.milkbottle.validation.api.Permissions;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.hooks.service.EventListenerHook;
import org.osgi.framework.hooks.service.FindHook;
import org.osgi.framework.hooks.service.ListenerHook.ListenerInfo;
import org.osgi.service.component.annotations.Component;

/**
 * Hides privileged services — the plugin manager, the validator, the permission admins — from plugins
 * that do not declare the {@code framework} permission: they can neither find them nor hear of them.
 * ConfigurationAdmin cannot be hidden this way: Declarative Services looks it up through the plugin's
 * own bundle context to configure the plugin's components (see docs/security.md).
 */
@Component(service = {FindHook.class, EventListenerHook.class}, immediate = true)
public class PrivilegedServiceHook implements FindHook, EventListenerHook {

    /** Services only plugins with the framework permission may see. */
    static final List<String> PRIVILEGED = List.of("org.milkbottle.api.PluginManager",
            "org.milkbottle.validation.api.Validator",
            "org.osgi.service.condpermadmin.ConditionalPermissionAdmin",
            "org.osgi.service.permissionadmin.PermissionAdmin");

    @Override
    public void find(BundleContext context, String name, String filter, boolean allServices,
            Collection<ServiceReference<?>> references) {
        if (hidesFrom(context.getBundle())) {
            references.removeIf(PrivilegedServiceHook::isPrivileged);
        }
    }

    @Override
    public void event(ServiceEvent event, Map<BundleContext, Collection<ListenerInfo>> listeners) {
        if (isPrivileged(event.getServiceReference())) {
            listeners.keySet().removeIf(context -> hidesFrom(context.getBundle()));
        }
    }

    static boolean isPrivileged(ServiceReference<?> reference) {
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
        return bundle != null && WiringPolicy.isPlugin(bundle) && !WiringPolicy.declares(bundle, Permissions.FRAMEWORK);
    }
}
