package io.offerdesk.invoicing.internal.finance;

import io.offerdesk.invoicing.InvoiceType;
import java.time.Instant;
import java.time.YearMonth;
import org.joda.money.Money;

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
 */
public record LineItemGroup(
        String agreementId,
        String invoiceId,
        Money amount,
        Money maxAdjustmentAmount,
        YearMonth billingPeriod,
        Instant issuedTime,
        InvoiceType invoiceType,
        String invoicingEntity) {}
