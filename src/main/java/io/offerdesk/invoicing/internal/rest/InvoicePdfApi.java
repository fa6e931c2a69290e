package io.offerdesk.invoicing.internal.rest;

import io.offerdesk.invoicing.Invoices;
import io.offerdesk.invoicing.internal.InvoiceDocuments;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** An invoice's PDF, for whoever may read the invoice. */
@RestController
@Tag(name = "Invoices", description = "Invoices and credit memos")
class InvoicePdfApi {

    private final Invoices invoices;
    private final InvoiceDocuments documents;

    InvoicePdfApi(Invoices invoices, InvoiceDocuments documents) {
        this.invoices = invoices;
        this.documents = documents;
    }

    @GetMapping("/api/v1/invoices/{invoiceId}/pdf")
    @Operation(summary = "The invoice as a PDF document (its buyer, its seller of record, the operator)")
    ResponseEntity<byte[]> pdf(OfferdeskPrincipal me, @PathVariable String invoiceId) {
        var invoice = invoices.invoice(me, invoiceId);
        return documents.response(invoice, ContentDisposition.inline());
    }
}
