package io.offerdesk.platform;

import java.time.Instant;
import java.util.Optional;

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
 *
 * <p>Work that a transaction has just made due (a webhook queued, a fulfillment post written) need not wait for the
 * next poll: {@link DueWorkSignals#afterCommit} has this node's sender run it soon after the commit, off the
 * committing thread.
 */
public interface DueWork {

    /** The earliest instant after {@code after} at which this work has something to do, if any. */
    Optional<Instant> nextDueAfter(Instant after);

    /** Does everything due at or before {@code now}. */
    void runDue(Instant now);
}
