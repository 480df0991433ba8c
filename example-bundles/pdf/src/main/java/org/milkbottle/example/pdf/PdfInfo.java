package org.milkbottle.example.pdf;

import java.nio.file.Path;

/**
 * What {@code pdf:info} shows of a document.
 *
 * @param file      the file
 * @param bytes     its size
 * @param version   its PDF version, e.g. 1.7
 * @param pages     its number of pages
 * @param encrypted whether it is encrypted (it opened without a password)
 * @param title     its title, or empty
 * @param author    its author, or empty
 * @param producer  the program that made it, or empty
 * @param created   when it was made (ISO-8601), or empty
 */
public record PdfInfo(Path file, long bytes, String version, int pages, boolean encrypted, String title, String author,
        String producer, String created) {
}
