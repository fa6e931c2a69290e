package io.offerdesk.ledger;

/** An account's balance as of a mark: exactly the postings before {@code mark}. */
public record MarkedBalance(AccountBalance balance, LedgerMark mark) {}
