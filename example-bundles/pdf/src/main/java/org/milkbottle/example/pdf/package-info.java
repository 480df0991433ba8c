/**
 * The PDF tools plugin: {@code pdf:info} and {@code pdf:text} over Apache PDFBox, which it imports from bundles of
 * their own (pdfbox, fontbox, commons-logging). Its MilkBottle metadata is written here: the runtime range it needs,
 * its capabilities and tags, and its permission — {@code file-write}, for the text files it writes.
 */
@Requirement(namespace = "milkbottle.runtime", name = "milkbottle", version = "1.0")
@Header(name = "MilkBottle-Capabilities", value = "pdf-info, pdf-text")
@Header(name = "MilkBottle-Tags", value = "pdf, text, documents, tools")
@Header(name = "MilkBottle-Permissions", value = "file-write")
package org.milkbottle.example.pdf;

import org.osgi.annotation.bundle.Header;
import org.osgi.annotation.bundle.Requirement;
