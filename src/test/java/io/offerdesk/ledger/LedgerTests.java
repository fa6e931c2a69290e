package io.offerdesk.ledger;

import static io.offerdesk.ledger.LedgerFixtures.AT;
import static io.offerdesk.ledger.LedgerFixtures.JPY;
import static io.offerdesk.ledger.LedgerFixtures.USD;
import static io.offerdesk.ledger.LedgerFixtures.account;
import static io.offerdesk.ledger.LedgerFixtures.invoice;
import static io.offerdesk.ledger.LedgerFixtures.key;
import static io.offerdesk.ledger.LedgerFixtures.split;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offerdesk.support.EndToEndTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** The ledger against its database: posting, replays, reversals, concurrency, batches and balances. */
@EndToEndTest
class LedgerTests {

    @Autowired
    Ledger ledger;

    @Autowired
    LedgerInvariants invariants;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    LedgerFixtures fixtures;
    UUID buyer;

    @BeforeEach
    void fixtures() {
        fixtures = new LedgerFixtures(ledger, transactions);
        buyer = UUID.randomUUID();
    }

    @Test
    void postsAnEntryThatMovesEveryAccountItNames() {
        var key = key("invoice");
        var entry = invoice(key, buyer, Money.of(USD, 100), Money.of(USD, 8.25));

        assertThat(fixtures.post(entry)).isTrue();

        var receivable = ledger.balance(account(buyer, AccountRole.BUYER_RECEIVABLE, USD));
        assertThat(receivable.debits()).isEqualTo(Money.parse("USD 108.25"));
        assertThat(receivable.credits()).isEqualTo(Money.zero(USD));
        assertThat(receivable.net()).isEqualTo(Money.parse("USD 108.25"));
        assertThat(ledger.entry(key)).contains(entry);
        assertThat(ledger.balances(buyer))
                .extracting(AccountBalance::account)
                .containsExactly(account(buyer, AccountRole.BUYER_RECEIVABLE, USD));
    }

    @Test
    void anAccountNeverPostedToHasAZeroBalance() {
        var nobody = account(UUID.randomUUID(), AccountRole.BUYER_CREDIT, JPY);
        assertThat(ledger.balance(nobody)).isEqualTo(new AccountBalance(nobody, Money.zero(JPY), Money.zero(JPY)));
    }

    @Test
    void postingOutsideATransactionIsRefused() {
        var entry = invoice(key("invoice"), buyer, Money.of(USD, 1), Money.of(USD, 0.1));
        assertThatExceptionOfType(IllegalTransactionStateException.class).isThrownBy(() -> ledger.post(entry));
    }

    @Test
    void aReplayOfTheSameEntryPostsNothing() {
        var key = key("invoice");
        var entry = invoice(key, buyer, Money.of(USD, 40), Money.of(USD, 2));
        assertThat(fixtures.post(entry)).isTrue();

        // A retry stamped later is still the same business event.
        var retried = new JournalEntry(key, "INVOICE_ISSUED", key, AT.plusSeconds(60), entry.postings());
        assertThat(fixtures.post(retried)).isFalse();

        assertThat(ledger.balance(account(buyer, AccountRole.BUYER_RECEIVABLE, USD))
                        .debits())
                .isEqualTo(Money.of(USD, 42));
        assertThat(entries(key)).isEqualTo(1);
    }

    @Test
    void aReplayWithOtherPostingsIsRefusedAndChangesNothing() {
        var key = key("invoice");
        fixtures.post(invoice(key, buyer, Money.of(USD, 40), Money.of(USD, 2)));

        assertThatThrownBy(() -> fixtures.post(invoice(key, buyer, Money.of(USD, 41), Money.of(USD, 2))))
                .isInstanceOf(ConflictingReplay.class)
                .extracting(e -> ((ConflictingReplay) e).keys())
                .isEqualTo(List.of(key));
        var otherReason = new JournalEntry(
                key,
                "SOMETHING_ELSE",
                key,
                AT,
                invoice(key, buyer, Money.of(USD, 40), Money.of(USD, 2)).postings());
        assertThatExceptionOfType(ConflictingReplay.class).isThrownBy(() -> fixtures.post(otherReason));

        assertThat(ledger.balance(account(buyer, AccountRole.BUYER_RECEIVABLE, USD))
                        .debits())
                .isEqualTo(Money.of(USD, 42));
    }

    @Test
    void aConflictingReplayInABatchRollsBackTheWholeBatch() {
        var posted = key("invoice");
        fixtures.post(invoice(posted, buyer, Money.of(USD, 10), Money.of(USD, 1)));
        var fresh = key("invoice");

        assertThatExceptionOfType(ConflictingReplay.class)
                .isThrownBy(() -> fixtures.postAll(List.of(
                        invoice(fresh, buyer, Money.of(USD, 5), Money.of(USD, 1)),
                        invoice(posted, buyer, Money.of(USD, 99), Money.of(USD, 1)))));

        assertThat(ledger.entry(fresh)).isEmpty();
        assertThat(ledger.balance(account(buyer, AccountRole.BUYER_RECEIVABLE, USD))
                        .debits())
                .isEqualTo(Money.of(USD, 11));
    }

    @Test
    void aBatchThatNamesAKeyTwicePostsItOnceOrRefusesDifferentCopies() {
        var key = key("invoice");
        var entry = invoice(key, buyer, Money.of(USD, 3), Money.of(USD, 1));
        assertThat(fixtures.postAll(List.of(entry, entry))).isEqualTo(1);
        assertThat(entries(key)).isEqualTo(1);

        var other = key("invoice");
        assertThatExceptionOfType(ConflictingReplay.class)
                .isThrownBy(() -> fixtures.postAll(List.of(
                        invoice(other, buyer, Money.of(USD, 3), Money.of(USD, 1)),
                        invoice(other, buyer, Money.of(USD, 4), Money.of(USD, 1)))));
    }

    @Test
    void aReversalMirrorsItsOriginalAndBringsEveryBalanceBack() {
        var seller = UUID.randomUUID();
        var partner = UUID.randomUUID();
        var key = key("collection");
        var original = split(key, seller, partner, Money.of(USD, 70), Money.of(USD, 25), Money.of(USD, 5));
        fixtures.post(original);
        var reversalKey = key("refund");

        var reversal = fixtures.reverse(key, reversalKey);

        assertThat(reversal.postings())
                .containsExactlyElementsOf(
                        original.postings().stream().map(Posting::reversed).toList());
        assertThat(reversal.reference()).isEqualTo(original.reference());
        assertThat(ledger.entry(reversalKey)).contains(reversal);
        for (var posting : original.postings()) {
            assertThat(ledger.balance(posting.credit()).net()).isEqualTo(Money.zero(USD));
        }
        assertThat(ledger.balance(account(seller, AccountRole.SELLER_PAYABLE, USD))
                        .credits())
                .isEqualTo(Money.of(USD, 70));
    }

    @Test
    void anEntryIsReversedOnceAndAReplayedReversalPostsNothing() {
        var key = key("invoice");
        fixtures.post(invoice(key, buyer, Money.of(USD, 10), Money.of(USD, 1)));
        var reversalKey = key("credit-memo");
        fixtures.reverse(key, reversalKey);

        assertThat(fixtures.reverse(key, reversalKey).idempotencyKey()).isEqualTo(reversalKey);
        assertThatExceptionOfType(IllegalStateException.class)
                .isThrownBy(() -> fixtures.reverse(key, key("credit-memo")))
                .withMessageContaining("already reversed");
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> fixtures.reverse(key("never-posted"), key("credit-memo")));
        assertThat(ledger.balance(account(buyer, AccountRole.BUYER_RECEIVABLE, USD))
                        .net())
                .isEqualTo(Money.zero(USD));
    }

    @Test
    void ofTwoTransactionsPostingOneKeyAtOnceOnePostsAndTheOtherSeesAReplay() throws Exception {
        var key = key("payment");
        var entry = invoice(key, buyer, Money.of(USD, 20), Money.of(USD, 2));
        var firstPosted = new CountDownLatch(1);
        var commitFirst = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(2)) {
            Future<Boolean> first = pool.submit(() -> transactions.execute(status -> {
                var posted = ledger.post(entry);
                firstPosted.countDown();
                await(commitFirst);
                return posted;
            }));
            firstPosted.await();
            Future<Boolean> second = pool.submit(() -> transactions.execute(status -> ledger.post(entry)));
            // The second waits for the first's uncommitted key; only then may the first commit.
            awaitALockWaitOnTheJournal();
            commitFirst.countDown();

            assertThat(first.get()).isTrue();
            assertThat(second.get()).isFalse();
        }
        assertThat(entries(key)).isEqualTo(1);
        assertThat(ledger.balance(account(buyer, AccountRole.BUYER_RECEIVABLE, USD))
                        .debits())
                .isEqualTo(Money.of(USD, 22));
    }

    @Test
    void whenTheFirstOfTwoConcurrentPostsRollsBackTheSecondPosts() throws Exception {
        var key = key("payment");
        var entry = invoice(key, buyer, Money.of(USD, 20), Money.of(USD, 2));
        var firstPosted = new CountDownLatch(1);
        var rollBackFirst = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(2)) {
            Future<Boolean> first = pool.submit(() -> transactions.execute(status -> {
                var posted = ledger.post(entry);
                firstPosted.countDown();
                await(rollBackFirst);
                status.setRollbackOnly();
                return posted;
            }));
            firstPosted.await();
            Future<Boolean> second = pool.submit(() -> transactions.execute(status -> ledger.post(entry)));
            awaitALockWaitOnTheJournal();
            rollBackFirst.countDown();

            assertThat(first.get()).isTrue();
            assertThat(second.get()).isTrue();
        }
        assertThat(entries(key)).isEqualTo(1);
        assertThat(ledger.balance(account(buyer, AccountRole.BUYER_RECEIVABLE, USD))
                        .debits())
                .isEqualTo(Money.of(USD, 22));
    }

    @Test
    void transactionsThatCreateTheSameAccountsAtOnceAllPostToOneAccountEach() throws Exception {
        var writers = 6;
        var start = new CyclicBarrier(writers);
        var tasks = new ArrayList<Callable<Boolean>>();
        for (int i = 0; i < writers; i++) {
            var entry = invoice(key("invoice"), buyer, Money.ofMajor(JPY, 1000), Money.ofMajor(JPY, 100));
            tasks.add(() -> {
                start.await();
                return fixtures.post(entry);
            });
        }
        try (var pool = Executors.newFixedThreadPool(writers)) {
            for (var posted : pool.invokeAll(tasks)) {
                assertThat(posted.get()).isTrue();
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM ledger.account WHERE owner_party_id = ?")
                        .param(buyer)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(ledger.balance(account(buyer, AccountRole.BUYER_RECEIVABLE, JPY))
                        .debits())
                .isEqualTo(Money.ofMajor(JPY, writers * 1100L));
    }

    @Test
    void postsThousandsOfEntriesInOneCallAndReplaysThemAllAsOne() {
        var seller = UUID.randomUUID();
        var partner = UUID.randomUUID();
        var batch = new ArrayList<JournalEntry>();
        for (int i = 0; i < 5_000; i++) {
            batch.add(split(
                    key("collection"),
                    seller,
                    partner,
                    Money.ofMinor(USD, 7_000 + i),
                    Money.ofMinor(USD, 2_500),
                    Money.ofMinor(USD, 500)));
        }

        assertThat(fixtures.postAll(batch)).isEqualTo(5_000);
        assertThat(fixtures.postAll(batch)).isZero();

        var sellerShares = 5_000L * 7_000 + (4_999L * 5_000) / 2;
        assertThat(ledger.balance(account(seller, AccountRole.SELLER_PAYABLE, USD))
                        .credits())
                .isEqualTo(Money.ofMinor(USD, sellerShares));
        assertThat(ledger.balance(account(partner, AccountRole.PARTNER_PAYABLE, USD))
                        .credits())
                .isEqualTo(Money.ofMinor(USD, 5_000L * 2_500));
        assertThat(ledger.entry(batch.get(4_321).idempotencyKey())).contains(batch.get(4_321));
    }

    @Test
    void balancesReadFromACheckpointAndThePostingsSinceEqualTheSumOfAllPostings() {
        var receivable = account(buyer, AccountRole.BUYER_RECEIVABLE, USD);
        fixtures.post(invoice(key("invoice"), buyer, Money.of(USD, 100), Money.of(USD, 10)));
        assertThat(invariants.takeCheckpoints(AT)).isPositive();
        fixtures.post(invoice(key("invoice"), buyer, Money.of(USD, 50), Money.of(USD, 5)));

        var checkpoint = jdbc.sql("""
                        SELECT k.debits_minor FROM ledger.balance_checkpoint k JOIN ledger.account a ON a.id = k.account_id
                        WHERE a.owner_party_id = ? AND a.role = 'BUYER_RECEIVABLE'
                        """).param(buyer).query(Long.class).list();
        assertThat(checkpoint).containsExactly(11_000L);
        assertThat(ledger.balance(receivable).debits()).isEqualTo(Money.of(USD, 165));

        // A second checkpoint covers the rest; nothing moved since, so a third adds no row for the account.
        invariants.takeCheckpoints(AT);
        invariants.takeCheckpoints(AT);
        assertThat(ledger.balance(receivable).debits()).isEqualTo(Money.of(USD, 165));
        assertThat(jdbc.sql("""
                        SELECT k.debits_minor FROM ledger.balance_checkpoint k JOIN ledger.account a ON a.id = k.account_id
                        WHERE a.owner_party_id = ? AND a.role = 'BUYER_RECEIVABLE' ORDER BY k.up_to_xact_id
                        """).param(buyer).query(Long.class).list()).containsExactly(11_000L, 16_500L);
        assertThat(invariants.checkNow().violations())
                .noneMatch(v -> v.kind() == InvariantViolation.Kind.DERIVED_BALANCE_MISMATCH);
    }

    @Test
    void aCheckpointNeverCoversATransactionStillRunning() throws Exception {
        var receivable = account(buyer, AccountRole.BUYER_RECEIVABLE, USD);
        var posted = new CountDownLatch(1);
        var commit = new CountDownLatch(1);
        try (var pool = Executors.newSingleThreadExecutor()) {
            // Its entry gets the lower id, yet commits last: after a later entry and after the checkpoint.
            var running = pool.submit(() -> transactions.execute(status -> {
                ledger.post(invoice(key("invoice"), buyer, Money.of(USD, 30), Money.of(USD, 3)));
                posted.countDown();
                await(commit);
                return true;
            }));
            posted.await();
            fixtures.post(invoice(key("invoice"), buyer, Money.of(USD, 1), Money.of(USD, 1)));
            invariants.takeCheckpoints(AT);
            commit.countDown();
            running.get();
        }
        assertThat(ledger.balance(receivable).debits()).isEqualTo(Money.of(USD, 35));
        invariants.takeCheckpoints(AT);
        assertThat(ledger.balance(receivable).debits()).isEqualTo(Money.of(USD, 35));
        assertThat(invariants.checkNow().violations())
                .noneMatch(v -> v.kind() == InvariantViolation.Kind.DERIVED_BALANCE_MISMATCH);
    }

    private long entries(String key) {
        return jdbc.sql("SELECT count(*) FROM ledger.journal_entry WHERE idempotency_key = ?")
                .param(key)
                .query(Long.class)
                .single();
    }

    /** Polls PostgreSQL until some backend waits for a lock while inserting into the journal. */
    private void awaitALockWaitOnTheJournal() throws InterruptedException {
        while (jdbc.sql("""
                        SELECT count(*) FROM pg_stat_activity
                        WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO ledger.journal_entry%'
                        """).query(Long.class).single() == 0) {
            Thread.sleep(10);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
