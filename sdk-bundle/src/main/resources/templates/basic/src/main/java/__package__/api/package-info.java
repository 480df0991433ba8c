/**
 * The API of {{title}}: what other plugins use. Exported, with a version: raise it when you change the API (minor for
 * additions, major for anything that breaks a user), so that the resolver keeps incompatible plugins apart.
 */
@Version("1.0.0")
@Export
package {{package}}.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
