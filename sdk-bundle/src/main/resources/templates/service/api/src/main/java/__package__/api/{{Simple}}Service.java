package {{package}}.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What {{title}} offers other plugins. {@code @ProviderType}: only the implementation bundle implements it, so adding
 * a method is a minor change for the plugins that use it.
 */
@ProviderType
public interface {{Simple}}Service {

    /** A greeting for {@code name} (the world when it is blank). */
    String greet(String name);
}
