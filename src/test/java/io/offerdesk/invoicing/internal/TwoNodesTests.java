package io.offerdesk.invoicing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.invoicing.ChargeRows;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.OtherNode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Two application instances on one database run the invoicing run at the same time, as two nodes of a cluster would:
 * every charge is invoiced once, every group of charges on one invoice, and the numbers stay unique and without gaps.
 */
@EndToEndTest
class TwoNodesTests {

    static final int GROUPS = 1500;
    static final int BATCH = 40;

    @Autowired
    InvoicingRun invoicing;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    InvoicingSettings settings;

    @Autowired
    RunRepository runRecords;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void twoNodesRunningAtOnceInvoiceEveryChargeOnceOnOneInvoicePerGroupWithNumbersWithoutGaps() throws Exception {
        try (var second = OtherNode.on(dataSource)) {
            var other = second.getBean(InvoicingRun.class);
            assertThat(other).isNotSameAs(invoicing);
            var seller = UUID.randomUUID();
            // Due tomorrow: the nodes' own clock-driven runs leave them alone, only the two runs here take them.
            var now = clock.instant().plus(Duration.ofDays(1));
            var tag = "two" + UUID.randomUUID().toString().substring(0, 6);
            // Taken in together, as a day's charges are when they fall due.
            var intake = transactions.getTransaction(TransactionDefinition.withDefaults());
            var charges = new ChargeRows(jdbc).insertGroups(tag, seller, GROUPS, 3, now, new Random());
            transactions.commit(intake);

            var together = new CyclicBarrier(2);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            List<Future<Run>> runs = new ArrayList<>();
            try {
                for (var node : List.of(invoicing, other)) {
                    runs.add(threads.submit(() -> {
                        var run = node.start(now, InvoicingRun.CLOCK);
                        together.await();
                        node.process(run, InvoicingRun.CLOCK, BATCH);
                        return run;
                    }));
                }
                for (var run : runs) {
                    run.get();
                }
            } finally {
                threads.shutdown();
            }

            assertThat(jdbc.sql("""
                            SELECT count(*) FROM invoicing.charge c
                            WHERE c.seller_party_id = ? AND c.invoice_id IS NOT NULL
                              AND (SELECT count(*) FROM invoicing.invoice_line l
                                   WHERE l.agreement_id = c.agreement_id AND l.charge_id = c.charge_id) = 1
                            """).param(seller).query(Long.class).single())
                    .as("charges invoiced on exactly one line")
                    .isEqualTo(charges);
            var invoicesPerGroup = jdbc.sql("""
                            SELECT count(DISTINCT invoice_id) FROM invoicing.charge WHERE seller_party_id = ?
                            GROUP BY buyer_account_id, buyer_party_id, currency, invoice_date
                            """).param(seller).query(Long.class).list();
            assertThat(invoicesPerGroup).hasSize(GROUPS).containsOnly(1L);
            assertThat(jdbc.sql("""
                            SELECT count(*) FROM invoicing.invoice i WHERE i.seller_party_id = ?
                              AND (SELECT count(*) FROM ledger.journal_entry e
                                   WHERE e.idempotency_key = 'invoice:' || i.id) = 1
                            """).param(seller).query(Long.class).single())
                    .as("invoices with exactly one ledger entry")
                    .isEqualTo(GROUPS);
            var numbers = jdbc.sql("""
                            SELECT count(*), count(DISTINCT number), min(number), max(number) FROM invoicing.invoice
                            WHERE invoicing_entity = ?
                            """)
                    .param(settings.entity())
                    .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                    .single();
            assertThat(numbers.get(1)).as("distinct numbers").isEqualTo(numbers.get(0));
            assertThat(numbers.get(2)).as("first number").isEqualTo(1L);
            assertThat(numbers.get(3)).as("last number").isEqualTo(numbers.get(0));
            // Which node issued how many depends on scheduling: shown, not asserted.
            for (var run : runs) {
                var done = runRecords.find(run.get().id()).orElseThrow();
                System.out.printf("%s on %s: %d invoices%n", done.id(), done.node(), done.invoices());
            }
        }
    }
}
