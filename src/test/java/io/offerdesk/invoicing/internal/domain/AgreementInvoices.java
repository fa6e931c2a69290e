package io.offerdesk.invoicing.internal.domain;

import io.offerdesk.invoicing.Invoice;
import io.offerdesk.invoicing.InvoiceLine;
import io.offerdesk.invoicing.InvoiceType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/** Invoices whose lines belong to agreements, for the credit memo tests. */
final class AgreementInvoices {

    static final UUID BUYER = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final UUID ISV = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID PARTNER = UUID.fromString("00000000-0000-0000-0000-00000000000c");

    private AgreementInvoices() {}

    /** A line of an agreement: net amount, tax, and for a resold line the ISV's wholesale part. */
    static InvoiceLine line(int lineNo, String agreementId, Money amount, Money tax, @Nullable Money wholesale) {
        return new InvoiceLine(
                lineNo,
                agreementId,
                "charge-" + lineNo,
                "offer-" + agreementId,
                "prod-1",
                ISV,
                "Line " + lineNo,
                amount,
                wholesale,
                tax,
                null);
    }

    /** The invoice of the lines, issued by the partner (seller of record of the resold ones) to the buyer. */
    static Invoice of(List<InvoiceLine> lines) {
        var zero = Money.zero(lines.getFirst().amount().getCurrencyUnit());
        var subtotal = lines.stream().map(InvoiceLine::amount).reduce(zero, Money::plus);
        var tax = lines.stream().map(InvoiceLine::tax).reduce(zero, Money::plus);
        return new Invoice(
                "inv-1",
                InvoiceType.INVOICE,
                "Offerdesk Marketplace",
                1,
                BUYER,
                "400000000001",
                PARTNER,
                LocalDate.parse("2027-01-01"),
                Instant.parse("2027-01-01T00:00:00Z"),
                LocalDate.parse("2027-01-31"),
                subtotal,
                tax,
                subtotal.plus(tax),
                null,
                null,
                null,
                lines);
    }
}
