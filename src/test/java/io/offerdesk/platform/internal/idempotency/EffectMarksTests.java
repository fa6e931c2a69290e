package io.offerdesk.platform.internal.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offerdesk.support.EndToEndTest;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The "effect committed" mark on an Idempotency-Key claim (ADR 0051), on the application's own transaction manager:
 * only a committed write transaction of the thread holding the claim sets it; a read-only or rolled-back one does not;
 * a transaction whose claim a retry took over rolls back instead of committing a second effect.
 */
@EndToEndTest
class EffectMarksTests {

    static final String FINGERPRINT = "0".repeat(64);

    @Autowired
    EffectMarks effects;

    @Autowired
    IdempotentRequests requests;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    Clock clock;

    final UUID user = UUID.randomUUID();

    EffectMarks.Claim claim() {
        var claim = new EffectMarks.Claim(user, UUID.randomUUID().toString(), UUID.randomUUID());
        assertThat(requests.claim(user, claim.key(), FINGERPRINT, clock.instant(), claim.id(), Duration.ofHours(1)))
                .isTrue();
        return claim;
    }

    boolean marked(EffectMarks.Claim claim) {
        return jdbc.sql("""
                        SELECT effect_committed_at IS NOT NULL FROM platform.idempotent_request
                        WHERE user_id = ? AND key = ?""")
                .params(claim.userId(), claim.key())
                .query(Boolean.class)
                .single();
    }

    /** A write of the request's own, on the claim's row, so a test can tell whether the transaction committed. */
    void write(EffectMarks.Claim claim) {
        jdbc.sql("UPDATE platform.idempotent_request SET content_type = 'written' WHERE user_id = ? AND key = ?")
                .params(claim.userId(), claim.key())
                .update();
    }

    TransactionTemplate transaction() {
        return new TransactionTemplate(transactionManager);
    }

    @Test
    void aCommittedWriteTransactionMarksTheClaimAndAReadOnlyOneDoesNot() {
        var claim = claim();
        try (var marking = effects.marking(claim)) {
            var readOnly = transaction();
            readOnly.setReadOnly(true);
            readOnly.executeWithoutResult(
                    status -> jdbc.sql("SELECT 1").query(Integer.class).single());
            assertThat(marked(claim)).as("read-only").isFalse();

            transaction().executeWithoutResult(status -> write(claim));
            assertThat(marked(claim)).as("committed write").isTrue();
        }
    }

    @Test
    void aRolledBackTransactionLeavesNoMark() {
        var claim = claim();
        try (var marking = effects.marking(claim)) {
            transaction().executeWithoutResult(status -> {
                write(claim);
                status.setRollbackOnly();
            });
        }
        assertThat(marked(claim)).isFalse();
    }

    @Test
    void transactionsOutsideTheRequestDoNotMark() {
        var claim = claim();
        try (var marking = effects.marking(claim)) {
            // Marking is over once the scope closes; the claim is not this thread's any more.
        }
        transaction().executeWithoutResult(status -> write(claim));
        assertThat(marked(claim)).isFalse();
    }

    @Test
    void aTransactionWhoseClaimWasTakenOverRollsBack() {
        var claim = claim();
        jdbc.sql("UPDATE platform.idempotent_request SET claim_id = ? WHERE user_id = ? AND key = ?")
                .params(UUID.randomUUID(), claim.userId(), claim.key())
                .update();
        try (var marking = effects.marking(claim)) {
            assertThatThrownBy(() -> transaction().executeWithoutResult(status -> write(claim)))
                    .isInstanceOf(EffectMarks.ClaimTakenOver.class);
        }
        assertThat(marked(claim)).isFalse();
        assertThat(jdbc.sql("""
                                SELECT content_type IS NULL FROM platform.idempotent_request
                                WHERE user_id = ? AND key = ?""")
                        .params(claim.userId(), claim.key())
                        .query(Boolean.class)
                        .single())
                .as("the write rolled back with it")
                .isTrue();
    }

    @Test
    void aFaultAfterTheEffectCommittedKeepsTheClaimLapsedAndNotToBeTakenOver() {
        var claim = claim();
        try (var marking = effects.marking(claim)) {
            transaction().executeWithoutResult(status -> write(claim));
        }

        requests.release(user, claim.key(), claim.id());

        var remembered = requests.find(user, claim.key(), clock.instant()).orElseThrow();
        assertThat(remembered.effectCommitted()).isTrue();
        assertThat(remembered.lapsed()).isTrue();
        assertThat(requests.takeOver(
                        user, claim.key(), FINGERPRINT, clock.instant(), UUID.randomUUID(), Duration.ofHours(1)))
                .isFalse();
    }

    @Test
    void aFaultBeforeAnyEffectCommittedForgetsTheClaim() {
        var claim = claim();
        requests.release(user, claim.key(), claim.id());
        assertThat(requests.find(user, claim.key(), clock.instant())).isEmpty();
    }
}
