package org.milkbottle.sdk.api;

import java.nio.file.Path;

/**
 * The key a plugin is signed with: a keystore (PKCS#12 or JKS, as keytool makes them) and the entry in it.
 *
 * @param keystore      the keystore file
 * @param alias         the key's alias; null when the keystore holds one key
 * @param storePassword the keystore's password
 * @param keyPassword   the key's password; null when it is the keystore's (keytool's default for PKCS#12)
 */
public record SigningKey(Path keystore, String alias, char[] storePassword, char[] keyPassword) {
}
