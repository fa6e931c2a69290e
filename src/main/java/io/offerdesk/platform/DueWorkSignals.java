package io.offerdesk.platform;

/**
 * Wakes {@link DueWork} that a transaction has just made due, so that it runs at once rather than at the next poll:
 * a receiver hears of an event, a seller of a new subscription, within moments of the commit.
 *
 * <p>The committing thread only signals. It returns, and releases its connection, before the work runs: each node runs
 * the work on threads of its own, a few runs of one {@code DueWork} bean at a time ({@code
 * offerdesk.jobs.after-commit-runs}); signals that arrive while that many run are folded into one more round. The work claims what is due as the poll does ({@code FOR UPDATE
 * SKIP LOCKED}), so several nodes woken at once still do each item once (ADR 0054).
 */
public interface DueWorkSignals {

    /**
     * Runs {@code work} soon after the current transaction commits; nothing happens if it rolls back. A run that fails,
     * or a node that stops before it runs, leaves the work to the poll, which runs it when it is next due.
     *
     * @throws IllegalStateException outside a transaction
     */
    void afterCommit(DueWork work);
}
