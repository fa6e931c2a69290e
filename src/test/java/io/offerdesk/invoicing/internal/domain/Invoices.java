package io.offerdesk.invoicing.internal.domain;

import io.offerdesk.invoicing.Invoice;
import io.offerdesk.invoicing.InvoiceLine;
import io.offerdesk.invoicing.InvoiceType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/** Invoices for the domain tests: lines of amounts (and wholesale parts), tax per line. */
final class Invoices {

    static final UUID BUYER = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final UUID PARTNER = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    static final UUID ISV = UUID.fromString("00000000-0000-0000-0000-00000000000d");
    static final UUID OTHER_ISV = UUID.fromString("00000000-0000-0000-0000-00000000000e");

    record Line(UUID publisher, long amountMinor, @Nullable Long wholesaleMinor, long taxMinor) {}

    private Invoices() {}

    static Line direct(long amountMinor, long taxMinor) {
        return new Line(ISV, amountMinor, null, taxMinor);
    }

    static Line resold(long amountMinor, long wholesaleMinor, long taxMinor) {
        return new Line(ISV, amountMinor, wholesaleMinor, taxMinor);
    }

    static Invoice invoice(CurrencyUnit currency, UUID seller, List<Line> lines) {
        var invoiceLines = new ArrayList<InvoiceLine>();
        long subtotal = 0;
        long tax = 0;
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            subtotal += line.amountMinor();
            tax += line.taxMinor();
            invoiceLines.add(new InvoiceLine(
                    i + 1,
                    "agmt-test",
                    "charge-" + i,
                    "offer-test",
                    "prod-test",
                    line.publisher(),
                    "Line " + (i + 1),
                    Money.ofMinor(currency, line.amountMinor()),
                    line.wholesaleMinor() == null ? null : Money.ofMinor(currency, line.wholesaleMinor()),
                    Money.ofMinor(currency, line.taxMinor()),
                    null));
        }
        var day = LocalDate.parse("2027-01-01");
        return new Invoice(
                "inv-test",
                InvoiceType.INVOICE,
                "Offerdesk Marketplace",
                1,
                BUYER,
                "400000000001",
                seller,
                day,
                Instant.parse("2027-01-01T00:00:00Z"),
                day.plusDays(30),
                Money.ofMinor(currency, subtotal),
                Money.ofMinor(currency, tax),
                Money.ofMinor(currency, subtotal + tax),
                tax == 0 ? null : "DE",
                null,
                null,
                invoiceLines);
    }
}
