package io.offerdesk.invoicing.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One invoicing run of one node, as far as it got: its progress is committed with every batch.
 *
 * @param dueUntil the run invoices the charges due at or before this instant
 * @param chargesTotal the charges waiting when it started (other nodes running at once take some of them)
 * @param startedBy the operator who started it, absent for the clock
 * @param failure why it stopped, when it failed
 */
public record Run(
        String id,
        Status status,
        Instant dueUntil,
        Instant startedAt,
        @Nullable Instant finishedAt,
        long chargesTotal,
        long chargesDone,
        long invoices,
        String node,
        @Nullable String startedBy,
        @Nullable String failure) {

    public enum Status {
        RUNNING,
        COMPLETED,
        FAILED
    }

    /** How much of the charges waiting at its start it has invoiced, 0 to 100. */
    public int percentDone() {
        if (status == Status.COMPLETED) {
            return 100;
        }
        return chargesTotal == 0 ? 0 : (int) Math.min(100, chargesDone * 100 / chargesTotal);
    }
}
