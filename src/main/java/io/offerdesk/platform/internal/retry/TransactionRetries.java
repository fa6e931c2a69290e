package io.offerdesk.platform.internal.retry;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs the outermost transaction of a request or a due-work run again when PostgreSQL aborted it as a serialization
 * failure (40001) or a deadlock victim (40P01), or a lock could not be had: a few attempts with jittered, growing
 * backoff, counted in {@code offerdesk.transaction.retries} by cause and outcome.
 *
 * <p>It only ever retries where no transaction is open: a failed statement leaves its transaction aborted, so only
 * the code that began the transaction may start over. Inside a transaction, or inside a run it already retries, it
 * runs the work once and lets the failure travel up to the boundary that retries.
 */
public final class TransactionRetries {

    static final String METRIC = "offerdesk.transaction.retries";

    private static final ThreadLocal<Boolean> RETRYING = ThreadLocal.withInitial(() -> false);

    private final RetryTemplate template;
    private final ObjectProvider<MeterRegistry> meters;

    TransactionRetries(int maxRetries, Duration delay, ObjectProvider<MeterRegistry> meters) {
        this.template = new RetryTemplate(RetryPolicy.builder()
                .predicate(TransactionRetries::isTransient)
                .maxRetries(maxRetries)
                .delay(delay)
                // Jitter spreads the retries of transactions that collided, so they do not collide again in step.
                .jitter(delay.dividedBy(2))
                .multiplier(2)
                .maxDelay(delay.multipliedBy(8))
                .build());
        this.meters = meters;
    }

    /** Runs {@code work}, again after a transient failure if this is the outermost transaction boundary. */
    public <T extends @Nullable Object> T run(Retryable<T> work) throws Throwable {
        if (RETRYING.get() || TransactionSynchronizationManager.isActualTransactionActive()) {
            return work.execute();
        }
        var failures = new ArrayList<Throwable>();
        RETRYING.set(true);
        try {
            T result = template.execute(() -> {
                try {
                    return work.execute();
                } catch (Throwable failure) {
                    failures.add(failure);
                    throw failure;
                }
            });
            count(failures, true);
            return result;
        } catch (RetryException exhausted) {
            count(failures, false);
            throw exhausted.getLastException();
        } finally {
            RETRYING.remove();
        }
    }

    /** {@link #run(Retryable)} for work that throws no checked exceptions. */
    public void run(Runnable work) {
        try {
            run(() -> {
                work.run();
                return null;
            });
        } catch (RuntimeException | Error unchecked) {
            throw unchecked;
        } catch (Throwable impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * Counts each transient failure as {@code retried}, or as {@code exhausted} if it was the last attempt, and a run
     * that succeeded after failures once more as {@code recovered}. Failures that are not transient are never retried
     * and not counted.
     */
    private void count(List<Throwable> failures, boolean succeeded) {
        // Most runs have nothing to count; the registry is looked up only when one does, since the lookup resolves
        // the dependency anew each time and cost a twentieth of an acceptance's CPU when it ran on every run (bench).
        if (failures.isEmpty()) {
            return;
        }
        var registry = meters.getIfAvailable();
        if (registry == null) {
            return;
        }
        var last = failures.size() - 1;
        for (var i = 0; i <= last; i++) {
            var failure = failures.get(i);
            if (isTransient(failure)) {
                var outcome = i < last || succeeded ? "retried" : "exhausted";
                registry.counter(METRIC, "cause", cause(failure), "outcome", outcome)
                        .increment();
            }
        }
        if (succeeded) {
            registry.counter(METRIC, "cause", cause(failures.get(last)), "outcome", "recovered")
                    .increment();
        }
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PessimisticLockingFailureException) {
                return true;
            }
            if (t instanceof SQLException sql && sqlState(sql) != null) {
                return true;
            }
        }
        return false;
    }

    /** {@code serialization}, {@code deadlock} or {@code lock} (a lock that could not be had in time). */
    static String cause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sqlState(sql) != null) {
                return sqlState(sql);
            }
        }
        return "lock";
    }

    private static @Nullable String sqlState(SQLException failure) {
        var state = failure.getSQLState();
        if ("40001".equals(state)) {
            return "serialization";
        }
        if ("40P01".equals(state)) {
            return "deadlock";
        }
        return null;
    }
}
