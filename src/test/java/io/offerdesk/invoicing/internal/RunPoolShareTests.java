package io.offerdesk.invoicing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.offerdesk.invoicing.ChargeRows;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.OtherNode;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * A node whose pool (4 connections) is smaller than the workers it is told to run (8), with a connection timeout far
 * shorter than a backlog of batches would take to clear, invoices a run of many small batches to the end: the run keeps
 * to its share of the pool, and waits for the listeners each batch starts instead of queueing them for connections,
 * so no one, neither the run nor those listeners, is refused a connection. Without the share, the same run fails with
 * {@code CannotCreateTransactionException}: its eight workers and the listeners of their batches wait out the timeout.
 */
@EndToEndTest
class RunPoolShareTests {

    static final int GROUPS = 600;
    static final int BATCH = 5;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aRunWithMoreWorkersThanThePoolHasConnectionsKeepsToItsShareAndCompletes() {
        try (var node = OtherNode.on(
                dataSource,
                "--spring.datasource.hikari.maximum-pool-size=4",
                // Hikari's least: a caller that found the pool taken this long fails at once.
                "--spring.datasource.hikari.connection-timeout=250",
                "--offerdesk.invoicing.run-workers=8",
                // One connection: the run starts a batch only when the last one's listeners are done, so the pool
                // never has more callers than connections, however the machine schedules them.
                "--offerdesk.invoicing.run-pool-percent=25")) {
            var invoicing = node.getBean(InvoicingRun.class);
            assertThat(invoicing.poolShare())
                    .as("a quarter of the 4 connections")
                    .isEqualTo(1);

            var seller = UUID.randomUUID();
            // Due tomorrow: the nodes' own clock-driven runs leave them alone, only the run here takes them.
            var now = clock.instant().plus(Duration.ofDays(1));
            var tag = "share" + UUID.randomUUID().toString().substring(0, 6);
            var intake = transactions.getTransaction(TransactionDefinition.withDefaults());
            new ChargeRows(jdbc).insertGroups(tag, seller, GROUPS, 1, now, new Random());
            transactions.commit(intake);

            var run = invoicing.start(now, InvoicingRun.CLOCK);
            invoicing.process(run, InvoicingRun.CLOCK, BATCH);

            var done = node.getBean(RunRepository.class).find(run.id()).orElseThrow();
            assertThat(done.status())
                    .as("the run, which fails on a batch refused a connection")
                    .isEqualTo(Run.Status.COMPLETED);
            assertThat(done.chargesDone()).isEqualTo(GROUPS);
            assertThat(jdbc.sql("""
                            SELECT count(*) FROM invoicing.charge c
                            WHERE c.seller_party_id = ? AND c.invoice_id IS NOT NULL
                              AND (SELECT count(*) FROM invoicing.invoice_line l
                                   WHERE l.agreement_id = c.agreement_id AND l.charge_id = c.charge_id) = 1
                            """).param(seller).query(Long.class).single())
                    .as("charges invoiced on exactly one line")
                    .isEqualTo(GROUPS);
            var timeouts = node.getBean(MeterRegistry.class)
                    .get("hikaricp.connections.timeout")
                    .counter();
            assertThat(timeouts.count())
                    .as("callers refused a connection on the node")
                    .isZero();
        }
    }
}
