package io.offerdesk.ledger;

import static io.offerdesk.ledger.LedgerFixtures.AT;
import static io.offerdesk.ledger.LedgerFixtures.USD;
import static io.offerdesk.ledger.LedgerFixtures.account;
import static io.offerdesk.ledger.LedgerFixtures.key;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.EndToEndTest;
import java.util.List;
import java.util.UUID;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An account's movements between two marks: every posting of the transactions that committed between them, once, also
 * when a transaction that began before a mark commits after it.
 */
@EndToEndTest
class LedgerMovementsTests {

    @Autowired
    Ledger ledger;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void movementsBetweenMarksCountEachCommittedPostingOnceWhateverTheCommitOrder() {
        var seller = UUID.randomUUID();
        var payable = account(seller, AccountRole.SELLER_PAYABLE, USD);
        var clearing = LedgerAccount.marketplace(AccountRole.MARKETPLACE_CLEARING, USD);
        var start = ledger.markedBalance(payable);
        assertThat(start.balance().net()).isEqualTo(Money.zero(USD));

        var first = collection(payable, clearing, "100.00");
        transactions.executeWithoutResult(status -> ledger.post(first));
        // A collection posted in a transaction still open when the next mark is drawn.
        var late = collection(payable, clearing, "30.00");
        var open = transactionManager.getTransaction(TransactionDefinition.withDefaults());
        ledger.post(late);
        var middle = new Thread[1];
        var marked = new MarkedBalance[1];
        middle[0] = Thread.ofVirtual().start(() -> marked[0] = ledger.markedBalance(payable));
        join(middle[0]);
        transactionManager.commit(open);
        var end = ledger.markedBalance(payable);

        assertThat(marked[0].balance().net()).isEqualTo(Money.parse("USD -100.00"));
        assertThat(keys(ledger.movements(payable, start.mark(), marked[0].mark())))
                .containsExactly(first.idempotencyKey());
        assertThat(keys(ledger.movements(payable, marked[0].mark(), end.mark())))
                .containsExactly(late.idempotencyKey());
        assertThat(keys(ledger.movements(payable, null, end.mark())))
                .containsExactly(first.idempotencyKey(), late.idempotencyKey());
        var between = ledger.movements(payable, start.mark(), end.mark());
        var sum = between.stream().map(AccountMovement::net).reduce(Money.zero(USD), Money::plus);
        assertThat(sum).isEqualTo(end.balance().net().minus(start.balance().net()));
        assertThat(between.getFirst().reference()).isEqualTo(first.reference());
        assertThat(between.getFirst().credits()).isEqualTo(Money.parse("USD 100.00"));
        assertThat(ledger.movements(payable, end.mark(), ledger.mark())).isEmpty();
    }

    private static JournalEntry collection(LedgerAccount payable, LedgerAccount clearing, String amount) {
        var key = key("collection");
        return new JournalEntry(
                key,
                "COLLECTED",
                "inv-" + key,
                AT,
                List.of(new Posting(clearing, payable, Money.parse("USD " + amount))));
    }

    private static List<String> keys(List<AccountMovement> movements) {
        return movements.stream().map(AccountMovement::idempotencyKey).toList();
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
