package io.offerdesk.disbursement.internal.payout.domain;

import io.offerdesk.ledger.AccountMovement;
import java.time.Instant;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * What a disbursement paid out: every movement of the payee's payable account since the previous disbursement's mark
 * (collections and their fees, clawbacks of credit memos, payouts given back when a transfer failed), each with the
 * invoice it is about. The payouts themselves are left out: each pays exactly the balance its mark saw, so the lines
 * sum to the disbursed amount (ADR 0020).
 *
 * @param lines oldest first
 */
public record PayoutReport(Money disbursed, List<Line> lines) {

    /** The key prefix of a payout's ledger entry. */
    public static final String PAYOUT_KEY_PREFIX = "disbursement:";

    /**
     * @param amount what the entry added to the payable: positive for collections, negative for clawbacks
     */
    public record Line(
            String entryKey, String reason, @Nullable String reference, Instant occurredAt, Money amount) {}

    public PayoutReport {
        lines = List.copyOf(lines);
    }

    /** The report of {@code disbursed} from the payable's movements between the two marks. */
    public static PayoutReport of(Money disbursed, List<AccountMovement> movements) {
        var lines = movements.stream()
                .filter(m -> !m.idempotencyKey().startsWith(PAYOUT_KEY_PREFIX))
                // A payable grows with credits: what a line adds is credits minus debits.
                .map(m -> new Line(
                        m.idempotencyKey(),
                        m.reasonCode(),
                        m.reference(),
                        m.occurredAt(),
                        m.net().negated()))
                .toList();
        return new PayoutReport(disbursed, lines);
    }

    public Money covered() {
        return lines.stream().map(Line::amount).reduce(Money.zero(currency()), Money::plus);
    }

    /** Whether the lines sum to the disbursed amount to the cent. */
    public boolean reconciles() {
        return covered().equals(disbursed);
    }

    public CurrencyUnit currency() {
        return disbursed.getCurrencyUnit();
    }
}
