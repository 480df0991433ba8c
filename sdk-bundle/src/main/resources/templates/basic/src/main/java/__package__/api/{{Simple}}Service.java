package {{package}}.api;

import org.osgi.annotation.versioning.ProviderType;

/** What {{title}} offers other plugins. */
@ProviderType
public interface {{Simple}}Service {

    /** A greeting for {@code name} (the world when it is blank). */
    String greet(String name);
}
