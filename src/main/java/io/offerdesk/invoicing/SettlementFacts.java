package io.offerdesk.invoicing;

import io.offerdesk.ledger.AccountRole;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * What invoicing billed, credited and collected for each payee (the ISV of a line, and for a resold line also the
 * channel partner), and the listing fees the ISVs paid out of their shares, for reports that put them beside what was
 * disbursed (ADR 0022). Amounts are net of tax: the payees' parts. Unscoped: a caller passes the payee it may show,
 * or null for every payee (the operator).
 */
public interface SettlementFacts {

    /**
     * The figures of one payee for one month (UTC), currency and product line kind. Billed and credited count by the
     * invoice or credit memo's date, collected and fees by when the money was applied, clawbacks and fees given back
     * by when the credit memo was posted.
     *
     * @param payeeRole {@code SELLER_PAYABLE} for the ISV's part, {@code PARTNER_PAYABLE} for a partner's markup
     * @param publisherPartyId the ISV whose product it is
     * @param partnerPartyId the channel partner that resold it; absent for a direct line
     * @param billed the payee's part of the invoice lines
     * @param credited the payee's part of the credit memo lines
     * @param collected what the collection splits gave the payee
     * @param fees the listing fees the payee paid on what it was given
     * @param clawedBack what credit memos took back of what was collected for the payee
     * @param feesReturned what those credit memos gave back of the fees
     */
    record PayeeFigures(
            YearMonth month,
            CurrencyUnit currency,
            UUID payeePartyId,
            AccountRole payeeRole,
            UUID publisherPartyId,
            @Nullable UUID partnerPartyId,
            String productId,
            Money billed,
            Money credited,
            Money collected,
            Money fees,
            Money clawedBack,
            Money feesReturned) {

        /** What these figures moved on the payee's payable account: collected less fees, clawbacks and returns. */
        public Money payable() {
            return collected.minus(fees).minus(clawedBack).plus(feesReturned);
        }
    }

    /**
     * One listing fee: charged on an application of money to an invoice line (positive), or given back by a credit
     * memo against the invoice (negative, its base the share taken back, no rate and no line).
     *
     * @param invoiceId the invoice the money was applied to, or the credit memo's original invoice
     * @param collectionId the application of money ({@code papp-…}); absent for a credit memo's return
     * @param creditMemoId the credit memo that gave the fee back; absent for a charged fee
     * @param base the ISV's share the fee was charged on (or the share taken back)
     */
    record FeeItem(
            Instant at,
            CurrencyUnit currency,
            UUID payerPartyId,
            String invoiceId,
            long invoiceNumber,
            @Nullable Integer lineNo,
            String agreementId,
            String productId,
            @Nullable String collectionId,
            @Nullable String creditMemoId,
            Money base,
            @Nullable BigDecimal ratePercent,
            Money fee) {}

    /**
     * The figures per month from {@code from} to {@code to} (each may be absent: from the first, up to the last),
     * of one payee or (null) of all, ordered by month, currency, payee and product.
     */
    List<PayeeFigures> figures(@Nullable UUID payeePartyId, @Nullable YearMonth from, @Nullable YearMonth to);

    /** Every fee charged or given back in the months, of one payer or (null) of all, in the order they happened. */
    List<FeeItem> fees(@Nullable UUID payerPartyId, YearMonth from, YearMonth to);
}
