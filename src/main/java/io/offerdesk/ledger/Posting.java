package io.offerdesk.ledger;

import org.joda.money.Money;

/**
 * One movement: {@code amount} leaves the credit account and arrives in the debit account. Both accounts and the amount
 * share a currency, so every posting, and with it every entry, balances per currency.
 */
public record Posting(LedgerAccount debit, LedgerAccount credit, Money amount) {

    public Posting {
        if (!debit.currency().equals(amount.getCurrencyUnit())
                || !credit.currency().equals(amount.getCurrencyUnit())) {
            throw new IllegalArgumentException(
                    "Posting of " + amount + " between " + debit + " and " + credit + " mixes currencies");
        }
        if (debit.equals(credit)) {
            throw new IllegalArgumentException("Posting of " + amount + " from " + debit + " to itself");
        }
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("Posting amounts are positive: " + amount);
        }
    }

    /** The same movement the other way round, which undoes this one. */
    public Posting reversed() {
        return new Posting(credit, debit, amount);
    }
}
