package io.offerdesk.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Lifts the statement timeout for work that legitimately runs long statements (ADR 0054). Every connection of the pool
 * cancels a statement after {@code offerdesk.db.statement-timeout} (30 s by default), so that a runaway query cannot
 * hold a connection for good; reports over all of a marketplace's history and the invoicing run's batches may take
 * longer, and run under {@code offerdesk.db.long-statement-timeout} (10 minutes by default) instead.
 */
@Component
public class LongStatements {

    private static final String ALLOW = "SELECT set_config('statement_timeout', :timeout, true)";

    private final JdbcClient jdbc;
    private final String timeout;

    LongStatements(JdbcClient jdbc, @Value("${offerdesk.db.long-statement-timeout:10min}") String timeout) {
        this.jdbc = jdbc;
        this.timeout = timeout;
    }

    /**
     * Allows the rest of the current transaction's statements the long timeout; the connection goes back to the pool
     * with the default, since the setting is the transaction's own ({@code SET LOCAL}).
     *
     * @throws IllegalStateException outside a transaction, where the setting would end with the statement
     */
    public void allowInThisTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("long statements are allowed per transaction; none is active");
        }
        jdbc.sql(ALLOW).param("timeout", timeout).query(String.class).single();
    }
}
