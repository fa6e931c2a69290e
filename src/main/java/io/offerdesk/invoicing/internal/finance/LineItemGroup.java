package io.offerdesk.invoicing.internal.finance;

import io.offerdesk.invoicing.InvoiceType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * An agreement's lines on one invoice or credit memo, summed up, as ListAgreementInvoiceLineItems groups them by
 * {@code INVOICE_ID}.
 *
 * @param amount the lines' amounts before tax; for the publisher of a resold product, their wholesale part
 * @param maxAdjustmentAmount what a billing adjustment may still give back of them: their amounts and tax less what
 *     the credit memos against the invoice already gave back of them (a credit memo credits tax with the net); zero
 *     on a credit memo, and for a publisher, who does not sell on the partner's invoice
 * @param billingPeriod the month of the invoice date (UTC)
 * @param invoicingEntity the legal name of the entity that issued it
 * @param listingFee the ISV's listing fee on these lines (ADR 0019), for the seller of record, the ISV and the operator;
 *     absent for the buyer, and for an agreement accepted before fees were kept
 */
public record LineItemGroup(
        String agreementId,
        String invoiceId,
        Money amount,
        Money maxAdjustmentAmount,
        YearMonth billingPeriod,
        Instant issuedTime,
        InvoiceType invoiceType,
        String invoicingEntity,
        @Nullable ListingFee listingFee) {

    /**
     * The listing fee on an agreement's lines: the rate fixed at acceptance, and the fee on the ISV's share of them (the
     * net of a direct line, the wholesale part of a resold one) once collected in full, rounded toward zero as the
     * collection split does.
     */
    public record ListingFee(BigDecimal ratePercent, Money amount) {}
}
