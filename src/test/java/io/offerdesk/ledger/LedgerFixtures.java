package io.offerdesk.ledger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.springframework.transaction.support.TransactionTemplate;

/** Accounts, entries and a transaction to post them in, for the ledger's tests. */
final class LedgerFixtures {

    static final CurrencyUnit USD = CurrencyUnit.USD;
    static final CurrencyUnit JPY = CurrencyUnit.JPY;
    static final Instant AT = Instant.parse("2026-12-01T00:00:00Z");

    private final Ledger ledger;
    private final TransactionTemplate transactions;

    LedgerFixtures(Ledger ledger, TransactionTemplate transactions) {
        this.ledger = ledger;
        this.transactions = transactions;
    }

    static LedgerAccount account(UUID owner, AccountRole role, CurrencyUnit currency) {
        return new LedgerAccount(owner, role, currency);
    }

    static String key(String what) {
        return what + ":" + UUID.randomUUID();
    }

    /**
     * An invoice's entry as invoicing posts it: the buyer owes the total; the marketplace clears the net and owes the
     * tax.
     */
    static JournalEntry invoice(String key, UUID buyer, Money net, Money tax) {
        var currency = net.getCurrencyUnit();
        var receivable = account(buyer, AccountRole.BUYER_RECEIVABLE, currency);
        return new JournalEntry(
                key,
                "INVOICE_ISSUED",
                key,
                AT,
                List.of(
                        new Posting(
                                receivable, LedgerAccount.marketplace(AccountRole.MARKETPLACE_CLEARING, currency), net),
                        new Posting(receivable, LedgerAccount.marketplace(AccountRole.TAX_PAYABLE, currency), tax)));
    }

    /** A collection split: clearing pays the seller, the partner and the fee. */
    static JournalEntry split(String key, UUID seller, UUID partner, Money sellerShare, Money partnerShare, Money fee) {
        var currency = sellerShare.getCurrencyUnit();
        var clearing = LedgerAccount.marketplace(AccountRole.MARKETPLACE_CLEARING, currency);
        return new JournalEntry(
                key,
                "COLLECTED",
                key,
                AT,
                List.of(
                        new Posting(clearing, account(seller, AccountRole.SELLER_PAYABLE, currency), sellerShare),
                        new Posting(clearing, account(partner, AccountRole.PARTNER_PAYABLE, currency), partnerShare),
                        new Posting(clearing, LedgerAccount.marketplace(AccountRole.FEE_REVENUE, currency), fee)));
    }

    boolean post(JournalEntry entry) {
        return Boolean.TRUE.equals(transactions.execute(status -> ledger.post(entry)));
    }

    int postAll(List<JournalEntry> entries) {
        var posted = transactions.execute(status -> ledger.postAll(entries));
        return posted == null ? 0 : posted;
    }

    JournalEntry reverse(String originalKey, String key) {
        var reversal = transactions.execute(status -> ledger.reverse(originalKey, key, "REVERSED", AT));
        if (reversal == null) {
            throw new IllegalStateException("no reversal");
        }
        return reversal;
    }
}
