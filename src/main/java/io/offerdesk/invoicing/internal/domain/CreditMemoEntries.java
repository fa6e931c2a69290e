package io.offerdesk.invoicing.internal.domain;

import io.offerdesk.invoicing.internal.domain.CreditMemos.Plan;
import io.offerdesk.ledger.AccountRole;
import io.offerdesk.ledger.JournalEntry;
import io.offerdesk.ledger.LedgerAccount;
import io.offerdesk.ledger.Posting;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.joda.money.Money;

/**
 * The ledger entries of a credit memo (docs/adr/0017):
 *
 * <ul>
 *   <li>{@code credit-memo:<memo>} ({@value #CREDIT_MEMO}): the paid part's share of the collection split taken back
 *       from its payees into clearing ({@link SplitReversal}); then the credit's net out of clearing and its tax out of
 *       tax payable, against the buyer's receivable for the unpaid part and into the buyer's credit for the paid part;
 *   <li>{@code refund:<memo>} ({@value #REFUND}), only when something was paid: that buyer credit paid out of the
 *       marketplace's cash.
 * </ul>
 *
 * A payee whose share was already disbursed goes negative; #7's disbursements net that against what it is owed next.
 */
public final class CreditMemoEntries {

    public static final String CREDIT_MEMO = "CREDIT_MEMO";
    public static final String REFUND = "REFUND";

    private CreditMemoEntries() {}

    /** The keys under which a credit memo's entries are posted. */
    public static String creditMemoKey(String memoId) {
        return "credit-memo:" + memoId;
    }

    public static String refundKey(String memoId) {
        return "refund:" + memoId;
    }

    /** @param invoiceId the original invoice, the entries' reference */
    public static List<JournalEntry> entries(
            String memoId, String invoiceId, UUID buyerPartyId, Plan plan, Instant at) {
        var currency = plan.amount().getCurrencyUnit();
        var receivable = new LedgerAccount(buyerPartyId, AccountRole.BUYER_RECEIVABLE, currency);
        var buyerCredit = new LedgerAccount(buyerPartyId, AccountRole.BUYER_CREDIT, currency);
        var clearing = LedgerAccount.marketplace(AccountRole.MARKETPLACE_CLEARING, currency);
        var taxPayable = LedgerAccount.marketplace(AccountRole.TAX_PAYABLE, currency);
        var cash = LedgerAccount.marketplace(AccountRole.MARKETPLACE_CASH, currency);
        var postings = new ArrayList<>(plan.reversal());
        add(postings, clearing, receivable, plan.unpaidNet());
        add(postings, taxPayable, receivable, plan.unpaid().minus(plan.unpaidNet()));
        add(postings, clearing, buyerCredit, plan.refundNet());
        add(postings, taxPayable, buyerCredit, plan.refund().minus(plan.refundNet()));
        var entries = new ArrayList<JournalEntry>();
        entries.add(new JournalEntry(creditMemoKey(memoId), CREDIT_MEMO, invoiceId, at, postings));
        if (plan.refund().isPositive()) {
            entries.add(new JournalEntry(
                    refundKey(memoId), REFUND, invoiceId, at, List.of(new Posting(buyerCredit, cash, plan.refund()))));
        }
        return List.copyOf(entries);
    }

    private static void add(List<Posting> postings, LedgerAccount debit, LedgerAccount credit, Money amount) {
        if (amount.isPositive()) {
            postings.add(new Posting(debit, credit, amount));
        }
    }
}
