package io.offerdesk.bench;

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
}
