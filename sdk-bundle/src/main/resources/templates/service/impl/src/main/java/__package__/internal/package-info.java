/**
 * The implementation of {{title}}, private to the plugin. The plugin's MilkBottle metadata is written here as
 * bundle annotations: the runtime versions it works with, its capabilities and tags (and, if it needs any, its
 * permissions: {@code @Header(name = "MilkBottle-Permissions", value = "network")}).
 */
@Requirement(namespace = "milkbottle.runtime", name = "milkbottle", version = "1.0")
@Header(name = "MilkBottle-Capabilities", value = "{{scope}}")
@Header(name = "MilkBottle-Tags", value = "{{scope}}")
package {{package}}.internal;

import org.osgi.annotation.bundle.Header;
import org.osgi.annotation.bundle.Requirement;
