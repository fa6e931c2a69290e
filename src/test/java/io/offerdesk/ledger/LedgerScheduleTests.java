package io.offerdesk.ledger;

import static io.offerdesk.ledger.LedgerFixtures.key;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.TestApi;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

// Moves the shared simulated clock forward: runs after the tests that do not (junit-platform.properties).
@Order(Order.DEFAULT + 16)
@EndToEndTest
class LedgerScheduleTests {

    static final String OPERATOR = "operator@offerdesk.example";

    @Autowired
    TestApi api;

    @Autowired
    Ledger ledger;

    @Autowired
    LedgerInvariants invariants;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDailyJobCheckpointsWhatMovedAndChecksTheBooksAtTheNextMidnight() {
        var now = Instant.parse(
                api.get("/api/v1/simulation/clock", OPERATOR).json().at("/now").asString());
        var midnight = now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
        var buyer = UUID.randomUUID();
        new LedgerFixtures(ledger, transactions)
                .post(LedgerFixtures.invoice(
                        key("invoice"), buyer, Money.of(CurrencyUnit.AUD, 10), Money.of(CurrencyUnit.AUD, 1)));
        assertThat(invariants.nextDailyCheckAfter(now)).contains(midnight);

        var advanced = api.post("/api/v1/simulation/clock/advance", OPERATOR, "{\"by\":\"P2D\"}");

        assertThat(advanced.status()).isEqualTo(200);
        var taken = jdbc.sql("""
                        SELECT k.taken_at FROM ledger.balance_checkpoint k JOIN ledger.account a ON a.id = k.account_id
                        WHERE a.owner_party_id = ?
                        """).param(buyer).query(java.sql.Timestamp.class).list();
        // Checkpointed once, by the daily job's first run after the posting: at that midnight, or at an earlier stop
        // of the same day if the day had no scheduled run yet.
        assertThat(taken).hasSize(1);
        assertThat(taken.getFirst().toInstant()).isAfterOrEqualTo(now).isBeforeOrEqualTo(midnight);
        var scheduled = jdbc.sql("""
                        SELECT checked_at FROM ledger.invariant_check
                        WHERE triggered_by = 'SCHEDULED' AND checked_at >= ? ORDER BY checked_at
                        """)
                .param(java.sql.Timestamp.from(now))
                .query(java.sql.Timestamp.class)
                .list();
        assertThat(scheduled).isNotEmpty();
        assertThat(scheduled.getFirst().toInstant()).isBeforeOrEqualTo(midnight);
        var last = api.get("/api/v1/ledger/invariants", OPERATOR).json();
        assertThat(last.at("/passed").asBoolean()).isTrue();
        assertThat(last.at("/trigger").asString()).isEqualTo("SCHEDULED");
        assertThat(invariants.runDailyCheckIfDue(
                        Instant.parse(last.at("/checkedAt").asString())))
                .isEmpty();
    }
}
