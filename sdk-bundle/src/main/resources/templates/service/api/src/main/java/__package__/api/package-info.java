/**
 * The API of {{title}}: what other plugins use. Exported, with a version: raise it when you change the API (minor for
 * additions, major for anything that breaks a user), so that the resolver keeps incompatible plugins apart. The API
 * bundle is a plugin too: its MilkBottle metadata is written here.
 */
@Version("1.0.0")
@Export
@Requirement(namespace = "milkbottle.runtime", name = "milkbottle", version = "1.0")
@Header(name = "MilkBottle-Capabilities", value = "{{scope}}-api")
@Header(name = "MilkBottle-Tags", value = "{{scope}}, api")
package {{package}}.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.bundle.Header;
import org.osgi.annotation.bundle.Requirement;
import org.osgi.annotation.versioning.Version;
