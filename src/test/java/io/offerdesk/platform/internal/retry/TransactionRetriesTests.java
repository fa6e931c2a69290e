package io.offerdesk.platform.internal.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class TransactionRetriesTests {

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final TransactionRetries retries = new TransactionRetries(
            3,
            Duration.ofMillis(1),
            new StaticListableBeanFactory(Map.of("meters", meters)).getBeanProvider(MeterRegistry.class));
    final AtomicInteger attempts = new AtomicInteger();

    @AfterEach
    void noTransaction() {
        TransactionSynchronizationManager.setActualTransactionActive(false);
    }

    static RuntimeException postgres(String sqlState) {
        return new CannotAcquireLockException("aborted", new SQLException("aborted", sqlState));
    }

    double counted(String cause, String outcome) {
        var counter = meters.find(TransactionRetries.METRIC)
                .tags("cause", cause, "outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void retriesADeadlockVictimUntilItSucceedsAndCountsIt() {
        retries.run(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw postgres("40P01");
            }
        });

        assertThat(attempts).hasValue(3);
        assertThat(counted("deadlock", "retried")).isEqualTo(2);
        assertThat(counted("deadlock", "recovered")).isEqualTo(1);
        assertThat(counted("deadlock", "exhausted")).isZero();
    }

    @Test
    void givesUpAfterTheLastRetryWithTheOriginalFailure() {
        var failure = postgres("40001");
        assertThatThrownBy(() -> retries.run(() -> {
                    attempts.incrementAndGet();
                    throw failure;
                }))
                .isSameAs(failure);

        assertThat(attempts).hasValue(4);
        assertThat(counted("serialization", "retried")).isEqualTo(3);
        assertThat(counted("serialization", "exhausted")).isEqualTo(1);
    }

    @Test
    void doesNotRetryWhatAnotherAttemptCannotFix() {
        var failure = new DataIntegrityViolationException("duplicate key");
        assertThatThrownBy(() -> retries.run(() -> {
                    attempts.incrementAndGet();
                    throw failure;
                }))
                .isSameAs(failure);

        assertThat(attempts).hasValue(1);
        assertThat(meters.find(TransactionRetries.METRIC).counters()).isEmpty();
    }

    @Test
    void leavesTheRetryToTheOutermostBoundaryInsideATransaction() {
        TransactionSynchronizationManager.setActualTransactionActive(true);
        assertThatThrownBy(() -> retries.run(() -> {
                    attempts.incrementAndGet();
                    throw postgres("40P01");
                }))
                .isInstanceOf(CannotAcquireLockException.class);

        assertThat(attempts).hasValue(1);
    }

    @Test
    void nestedBoundariesRetryOnlyAtTheOuterOne() {
        retries.run(() -> retries.run(() -> {
            if (attempts.incrementAndGet() < 2) {
                throw postgres("40P01");
            }
        }));

        assertThat(attempts).hasValue(2);
        assertThat(counted("deadlock", "retried")).isEqualTo(1);
    }
}
