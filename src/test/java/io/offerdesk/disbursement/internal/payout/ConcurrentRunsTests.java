package io.offerdesk.disbursement.internal.payout;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.disbursement.internal.payout.domain.Frequency;
import io.offerdesk.disbursement.internal.payout.domain.PayoutPreference;
import io.offerdesk.ledger.AccountRole;
import io.offerdesk.ledger.JournalEntry;
import io.offerdesk.ledger.Ledger;
import io.offerdesk.ledger.LedgerAccount;
import io.offerdesk.ledger.LedgerInvariants;
import io.offerdesk.ledger.Posting;
import io.offerdesk.support.EndToEndTest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Four runs of the same day at once, as four nodes would run them: every payee is paid once, exactly its balance, and
 * the journal still balances.
 */
// Runs the disbursement run (which pays every due payee, other tests' too): after the tests that move the clock.
@Order(Order.DEFAULT + 22)
@EndToEndTest
class ConcurrentRunsTests {

    static final int PAYEES = 40;
    static final int NODES = 4;

    @Autowired
    DisbursementRun run;

    @Autowired
    PreferenceRepository preferences;

    @Autowired
    Ledger ledger;

    @Autowired
    LedgerInvariants invariants;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void runsOfOneDayOnSeveralNodesPayEachPayeeOnceItsWholeBalance() throws Exception {
        var usd = CurrencyUnit.USD;
        var clearing = LedgerAccount.marketplace(AccountRole.MARKETPLACE_CLEARING, usd);
        var now = clock.instant();
        var funded = new ArrayList<Posting>();
        for (int i = 0; i < PAYEES; i++) {
            var payee = UUID.randomUUID();
            var role = i % 2 == 0 ? AccountRole.SELLER_PAYABLE : AccountRole.PARTNER_PAYABLE;
            funded.add(new Posting(
                    new LedgerAccount(payee, role, usd),
                    clearing,
                    Money.ofMinor(usd, ThreadLocalRandom.current().nextLong(1, 10_000_000))));
            preferences.save(new PayoutPreference(payee, usd, Frequency.DAILY, null, null, now, "ConcurrentRunsTests"));
        }
        transactions.executeWithoutResult(status -> {
            for (var posting : funded) {
                // The payable is credited: a collection's share, as the collection split posts it.
                ledger.post(new JournalEntry(
                        "test-collection:" + UUID.randomUUID(),
                        "COLLECTED",
                        null,
                        now,
                        List.of(new Posting(posting.credit(), posting.debit(), posting.amount()))));
            }
        });

        var barrier = new CyclicBarrier(NODES);
        try (var nodes = Executors.newFixedThreadPool(NODES)) {
            var done = new ArrayList<Future<?>>();
            for (int n = 0; n < NODES; n++) {
                done.add(nodes.submit(() -> {
                    barrier.await();
                    run.runDue(now);
                    return null;
                }));
            }
            for (var node : done) {
                node.get();
            }
        }

        for (var posting : funded) {
            var payee = posting.debit();
            var rows = jdbc.sql("""
                            SELECT amount_minor FROM disbursement.disbursement
                            WHERE party_id = ? AND role = ? AND currency = 'USD'""")
                    .params(payee.ownerPartyId(), payee.role().name())
                    .query(Long.class)
                    .list();
            assertThat(rows)
                    .as(payee.toString())
                    .containsExactly(posting.amount().getAmountMinorLong());
            assertThat(ledger.balance(payee).net()).isEqualTo(Money.zero(usd));
        }
        // A second pass the same day pays nobody again.
        run.runDue(now);
        var count = jdbc.sql("SELECT count(*) FROM disbursement.disbursement WHERE started_by = 'Disbursement run'"
                        + " AND party_id = ANY (?::uuid[])")
                .param(funded.stream()
                        .map(p -> p.debit().ownerPartyId().toString())
                        .toArray(String[]::new))
                .query(Long.class)
                .single();
        assertThat(count).isEqualTo(PAYEES);
        var check = invariants.checkNow();
        assertThat(check.violations()).isEmpty();
    }
}
