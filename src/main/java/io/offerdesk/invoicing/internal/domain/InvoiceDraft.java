package io.offerdesk.invoicing.internal.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * An invoice as the rules make it, before it has an id and a number. Its lines' amounts sum to the subtotal and their
 * taxes to the tax.
 */
public record InvoiceDraft(
        InvoiceGroup group,
        UUID buyerPartyId,
        LocalDate dueDate,
        Money subtotal,
        Money tax,
        @Nullable String taxCountry,
        @Nullable BigDecimal taxRate,
        List<Line> lines) {

    public InvoiceDraft {
        lines = List.copyOf(lines);
    }

    public Money total() {
        return subtotal.plus(tax);
    }

    /** One charge on the invoice with its part of the tax. */
    public record Line(int lineNo, WaitingCharge charge, String description, Money tax) {}
}
