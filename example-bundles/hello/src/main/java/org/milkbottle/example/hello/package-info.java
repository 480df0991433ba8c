/**
 * The Hello plugin. Its MilkBottle metadata is written as bundle annotations next to the code: the
 * runtime range it needs, its capabilities, tags and permissions.
 */
@Requirement(namespace = "milkbottle.runtime", name = "milkbottle", version = "1.0")
@Header(name = "MilkBottle-Capabilities", value = "greeting")
@Header(name = "MilkBottle-Tags", value = "example, greeting, demo")
package org.milkbottle.example.hello;

import org.osgi.annotation.bundle.Header;
import org.osgi.annotation.bundle.Requirement;
