package io.offerdesk.bench;

import java.io.IOException;

/**
 * What the load generator repeats. Each client gets its own {@link Caller}, as each pgbench client has its own
 * connection.
 */
@FunctionalInterface
interface Workload {

    Caller newCaller() throws Exception;

    /** One call of the measured operation; it throws when the call failed, and the load generator counts an error. */
    @FunctionalInterface
    interface Caller extends AutoCloseable {

        void call() throws Exception;

        @Override
        default void close() throws Exception {}
    }

    /**
     * The workload has nothing left to call with (a scenario's data prepared for a number of calls ran out). It is
     * not a failed call: the load generator stops and the run ends with this message, since numbers measured without
     * the scenario's data mean nothing.
     */
    final class Exhausted extends IOException {
        Exhausted(String message) {
            super(message);
        }
    }
}
