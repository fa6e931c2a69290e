package io.offerdesk.ledger;

import org.joda.money.Money;

/** The sums of an account's postings. */
public record AccountBalance(LedgerAccount account, Money debits, Money credits) {

    /** Debits minus credits: positive for what a debit-normal account holds, negative for a credit-normal one. */
    public Money net() {
        return debits.minus(credits);
    }
}
