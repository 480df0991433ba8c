package org.milkbottle.example.pdf;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** How the PDF tools read documents. Shown and checked by {@code mb:config pdf}. */
@ObjectClassDefinition(name = "PDF tools", description = "How pdf:text reads PDF files")
public @interface PdfConfig {

    @AttributeDefinition(name = "Parallel jobs", description = "How many PDFs pdf:text reads at once unless --jobs "
            + "says otherwise (the runtime's task executor bounds it too: mb:perf tasks)", min = "1", max = "16")
    int jobs() default 2;

    @AttributeDefinition(name = "Pages per document", description = "Extract at most this many pages of each "
            + "document; 0 for all", min = "0")
    int maxPages() default 0;

    @AttributeDefinition(name = "Sort by position", description = "Order the text by its position on the page "
            + "rather than as it is stored in the file (slower; better for multi-column pages)")
    boolean sortByPosition() default false;
}
