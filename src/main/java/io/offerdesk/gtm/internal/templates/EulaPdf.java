package io.offerdesk.gtm.internal.templates;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.offerdesk.gtm.internal.templates.domain.ComposedEula;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A composed EULA as a PDF: the HTML template {@code templatelib/eula-pdf} rendered by Thymeleaf and laid out by
 * openhtmltopdf, as invoices are. The document is what the buyer signs, so it is in the contract's language (English).
 */
@Component
public class EulaPdf {

    private final ITemplateEngine templates;

    EulaPdf(ITemplateEngine templates) {
        this.templates = templates;
    }

    public byte[] render(ComposedEula eula, String seller, String templateId, int version) {
        var context = new Context(Locale.ENGLISH);
        context.setVariable("eula", eula);
        context.setVariable("seller", seller);
        context.setVariable("templateId", templateId);
        context.setVariable("version", version);
        var html = templates.process("templatelib/eula-pdf", context);
        var pdf = new ByteArrayOutputStream();
        try {
            var builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html, null);
            builder.toStream(pdf);
            builder.run();
        } catch (IOException failed) {
            throw new UncheckedIOException("EULA template " + templateId + " could not be rendered", failed);
        }
        return pdf.toByteArray();
    }

    /** The file name the PDF is served and uploaded under. */
    public static String fileName(String templateId, int version) {
        return templateId + "-v" + version + ".pdf";
    }
}
