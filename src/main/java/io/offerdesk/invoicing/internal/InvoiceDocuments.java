package io.offerdesk.invoicing.internal;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.offerdesk.invoicing.Invoice;
import io.offerdesk.parties.Party;
import io.offerdesk.parties.PartyManagement;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * An invoice as a PDF document: the HTML template {@code invoicing/invoice-pdf} rendered by Thymeleaf, laid out by
 * openhtmltopdf. The document is in English, the merchant of record's language, in the PDF's built-in fonts (which
 * have no Chinese glyphs; the UI shows the same invoice in either language).
 */
@Component
public class InvoiceDocuments {

    private final ITemplateEngine templates;
    private final PartyManagement parties;
    private final InvoicingSettings settings;

    InvoiceDocuments(ITemplateEngine templates, PartyManagement parties, InvoicingSettings settings) {
        this.templates = templates;
        this.parties = parties;
        this.settings = settings;
    }

    /**
     * The PDF as an HTTP answer, under its file name (e.g. {@code INV-00000042.pdf}).
     *
     * @param disposition {@code inline} for the API, {@code attachment} for the pages' download link
     */
    public ResponseEntity<byte[]> response(Invoice invoice, ContentDisposition.Builder disposition) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        disposition
                                .filename(settings.displayNumber(invoice.number()) + ".pdf")
                                .build()
                                .toString())
                .body(pdf(invoice));
    }

    public byte[] pdf(Invoice invoice) {
        var context = new Context(Locale.ENGLISH);
        context.setVariable("invoice", invoice);
        context.setVariable("number", settings.displayNumber(invoice.number()));
        context.setVariable("buyer", name(invoice.buyerPartyId()));
        context.setVariable("seller", name(invoice.sellerPartyId()));
        var html = templates.process("invoicing/invoice-pdf", context);
        var pdf = new ByteArrayOutputStream();
        try {
            var builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html, null);
            builder.toStream(pdf);
            builder.run();
        } catch (IOException failed) {
            throw new UncheckedIOException("Invoice " + invoice.id() + " could not be rendered", failed);
        }
        return pdf.toByteArray();
    }

    private String name(UUID partyId) {
        return parties.find(partyId).map(Party::name).orElse(partyId.toString());
    }
}
