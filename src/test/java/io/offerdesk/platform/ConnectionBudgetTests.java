package io.offerdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.offerdesk.support.EndToEndTest;
import java.sql.Connection;
import java.util.ArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What keeps the pool's connections for requests (ADR 0054): every connection cancels a statement after the statement
 * timeout, with a clear error rather than a hang; work that runs long statements lifts it for its own transaction
 * only; asynchronous listeners run on the bounded listener executor.
 */
@EndToEndTest
class ConnectionBudgetTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LongStatements longStatements;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    AsyncConfigurer async;

    @Test
    void everyConnectionOfThePoolHasTheConfiguredStatementTimeout() throws Exception {
        var held = new ArrayList<Connection>();
        try {
            // Held at once, so that they are distinct connections of the pool, not one borrowed five times.
            for (int i = 0; i < 5; i++) {
                held.add(dataSource.getConnection());
            }
            for (var connection : held) {
                try (var statement = connection.createStatement();
                        var result = statement.executeQuery("SHOW statement_timeout")) {
                    assertThat(result.next()).isTrue();
                    assertThat(result.getString(1)).isEqualTo("30s");
                }
            }
        } finally {
            for (var connection : held) {
                connection.close();
            }
        }
    }

    @Test
    void aStatementOverTheTimeoutIsCancelledWithAQueryTimeout() {
        var tx = new TransactionTemplate(transactionManager);
        // The pool's 30 s would make this test wait 30 s; the transaction's own shorter limit cancels the same way.
        assertThatExceptionOfType(QueryTimeoutException.class)
                .isThrownBy(() -> tx.executeWithoutResult(status -> {
                    jdbc.sql("SELECT set_config('statement_timeout', '100ms', true)")
                            .query(String.class)
                            .single();
                    jdbc.sql("SELECT pg_sleep(30)").query().singleValue();
                }))
                .withMessageContaining("statement timeout");
        assertThat(jdbc.sql("SELECT 1").query(Integer.class).single())
                .as("the pool still serves")
                .isEqualTo(1);
    }

    @Test
    void longStatementsAreAllowedForTheirTransactionOnly() {
        var tx = new TransactionTemplate(transactionManager);
        String inside = tx.execute(status -> {
            longStatements.allowInThisTransaction();
            return jdbc.sql("SHOW statement_timeout").query(String.class).single();
        });
        assertThat(inside).isEqualTo("10min");
        String after = tx.execute(
                status -> jdbc.sql("SHOW statement_timeout").query(String.class).single());
        assertThat(after).isEqualTo("30s");
        assertThatIllegalStateException().isThrownBy(longStatements::allowInThisTransaction);
    }

    @Test
    void asynchronousListenersRunOnTheBoundedListenerExecutor() {
        assertThat(async.getAsyncExecutor())
                .isInstanceOfSatisfying(
                        SimpleAsyncTaskExecutor.class,
                        executor -> assertThat(executor.getThreadNamePrefix()).isEqualTo("event-listener-"));
    }
}
