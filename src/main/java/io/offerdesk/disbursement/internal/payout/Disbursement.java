package io.offerdesk.disbursement.internal.payout;

import io.offerdesk.ledger.LedgerAccount;
import io.offerdesk.ledger.LedgerMark;
import java.time.Instant;
import java.time.LocalDate;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * A transfer of a payable balance to its owner.
 *
 * @param payee the payable account paid out of (SELLER_PAYABLE or PARTNER_PAYABLE of the payee)
 * @param dueDay the disbursement day of a scheduled one; null for a retry
 * @param retryOf the failed disbursement a retry pays again; null for a scheduled one
 * @param seq the payee's disbursements numbered from 1
 * @param mark the ledger mark the amount was read at
 * @param retriedBy the retry that paid this one again, if it failed and was retried
 */
public record Disbursement(
        String id,
        LedgerAccount payee,
        Money amount,
        Status status,
        @Nullable LocalDate dueDay,
        @Nullable String retryOf,
        int seq,
        LedgerMark mark,
        @Nullable String bankAccount,
        Instant disbursedAt,
        String startedBy,
        String node,
        @Nullable Instant failedAt,
        @Nullable String failedBy,
        @Nullable String failureReason,
        @Nullable String retriedBy) {

    /** In the simulation a transfer succeeds at once (PAID) until the operator reports it failed. */
    public enum Status {
        PAID,
        FAILED
    }

    public String ledgerKey() {
        return ledgerKey(id);
    }

    public static String ledgerKey(String id) {
        return "disbursement:" + id;
    }

    public static String failureKey(String id) {
        return "disbursement-failed:" + id;
    }
}
