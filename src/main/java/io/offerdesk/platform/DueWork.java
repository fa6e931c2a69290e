package io.offerdesk.platform;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work that falls due at points in time: installments to invoice, offers to expire, reminders to send. The platform
 * runs every {@code DueWork} bean whenever time passes: every few seconds in production, and at each due instant,
 * in order, when the operator moves the simulated clock forward.
 *
 * <p>At one instant, work runs in the order of Spring's {@code @Order}, low first, work without one counting as 0 (see
 * {@code DueWorkOrder}): work that acts on what others make due at that instant orders itself after them, as the
 * invoicing run does with {@code @Order(Ordered.LOWEST_PRECEDENCE)}.
 *
 * <p>Implementations must be idempotent and cluster-safe (claim work with {@code FOR UPDATE SKIP LOCKED} or unique
 * keys): several nodes may run them at once.
 */
public interface DueWork {

    /** The earliest instant after {@code after} at which this work has something to do, if any. */
    Optional<Instant> nextDueAfter(Instant after);

    /** Does everything due at or before {@code now}. */
    void runDue(Instant now);

    /**
     * Runs what is due once the current transaction has committed, for work that transaction just made due (a webhook
     * queued, a fulfillment post written), so it happens at once rather than at the next poll. A failure is logged and
     * left to the clock, which runs the work again when it is next due.
     */
    default void runDueAfterCommit(Clock clock) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    runDue(clock.instant());
                } catch (RuntimeException failure) {
                    LoggerFactory.getLogger(DueWork.this.getClass())
                            .warn(
                                    "Due work failed right after the commit that made it due; the clock retries it",
                                    failure);
                }
            }
        });
    }
}
