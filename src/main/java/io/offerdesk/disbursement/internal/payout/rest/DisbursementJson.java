package io.offerdesk.disbursement.internal.payout.rest;

import io.offerdesk.disbursement.internal.payout.Disbursement;
import io.offerdesk.disbursement.internal.payout.domain.BankAccountReference;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A disbursement as the API shows it; the bank account masked.
 *
 * @param payableRole SELLER_PAYABLE or PARTNER_PAYABLE: what the payee was paid as
 * @param dueDay the disbursement day of a scheduled one; absent for a retry
 * @param retryOf the failed disbursement a retry pays again
 * @param retriedBy the retry that paid this failed one again
 */
record DisbursementJson(
        String id,
        UUID payeePartyId,
        String payableRole,
        String currencyCode,
        String amount,
        Disbursement.Status status,
        @Nullable LocalDate dueDay,
        @Nullable String retryOf,
        @Nullable String retriedBy,
        @Nullable String bankAccount,
        Instant disbursedAt,
        String startedBy,
        @Nullable Instant failedAt,
        @Nullable String failedBy,
        @Nullable String failureReason) {

    static DisbursementJson of(Disbursement d) {
        return new DisbursementJson(
                d.id(),
                d.payee().ownerPartyId(),
                d.payee().role().name(),
                d.payee().currency().getCode(),
                d.amount().getAmount().toPlainString(),
                d.status(),
                d.dueDay(),
                d.retryOf(),
                d.retriedBy(),
                d.bankAccount() == null ? null : BankAccountReference.masked(d.bankAccount()),
                d.disbursedAt(),
                d.startedBy(),
                d.failedAt(),
                d.failedBy(),
                d.failureReason());
    }
}
