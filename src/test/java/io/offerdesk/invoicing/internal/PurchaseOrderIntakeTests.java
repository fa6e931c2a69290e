package io.offerdesk.invoicing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.agreements.events.AgreementPurchaseOrdersUpdated;
import io.offerdesk.agreements.events.ChargeLine;
import io.offerdesk.invoicing.ChargeRows;
import io.offerdesk.invoicing.Invoices;
import io.offerdesk.shared.Actor;
import io.offerdesk.support.EndToEndTest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A purchase order the buyer puts on a charge after acceptance reaches the charge while it waits for its invoice, and
 * not after: an issued invoice stands.
 */
@EndToEndTest
class PurchaseOrderIntakeTests {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    InvoicingRun invoicing;

    @Autowired
    Invoices invoices;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void aWaitingChargeTakesTheNewerPurchaseOrderAndAnInvoicedOneKeepsItsInvoice() {
        var agreementId = ChargeRows.agreementId("po");
        var seller = UUID.randomUUID();
        var buyer = UUID.randomUUID();
        // Due tomorrow, so that only the run here invoices it.
        var dueAt = clock.instant().plus(Duration.ofDays(1));
        new ChargeRows(jdbc)
                .insert(agreementId, "charge-1", seller, buyer, ChargeRows.account(7), "USD", 120000, dueAt, null);

        updated(agreementId, seller, buyer, 2, "PO-2", dueAt);
        assertThat(charge(agreementId)).containsExactly(2, "PO-2");
        updated(agreementId, seller, buyer, 1, "PO-stale", dueAt);
        assertThat(charge(agreementId)).as("an older revision changes nothing").containsExactly(2, "PO-2");

        invoicing.process(invoicing.start(dueAt, InvoicingRun.CLOCK), InvoicingRun.CLOCK, 100);
        var invoiceId = jdbc.sql("SELECT invoice_id FROM invoicing.charge WHERE agreement_id = ?")
                .param(agreementId)
                .query(String.class)
                .single();
        assertThat(invoices.find(invoiceId).orElseThrow().lines())
                .singleElement()
                .satisfies(line -> assertThat(line.purchaseOrderReference()).isEqualTo("PO-2"));

        updated(agreementId, seller, buyer, 3, "PO-3", dueAt);
        assertThat(charge(agreementId))
                .as("an invoiced charge keeps what it was invoiced with")
                .containsExactly(2, "PO-2");
        assertThat(invoices.find(invoiceId).orElseThrow().lines().getFirst().purchaseOrderReference())
                .isEqualTo("PO-2");
    }

    private void updated(String agreementId, UUID seller, UUID buyer, int revision, String reference, Instant time) {
        transactions.executeWithoutResult(status -> events.publishEvent(new AgreementPurchaseOrdersUpdated(
                agreementId,
                seller,
                buyer,
                List.of(new ChargeLine(
                        "charge-1", revision, time, "USD", new BigDecimal("1200.00"), "SCHEDULED", reference, null)),
                Actor.system("Purchase order test"),
                clock.instant())));
    }

    private List<Object> charge(String agreementId) {
        return jdbc.sql("SELECT revision, purchase_order_reference FROM invoicing.charge WHERE agreement_id = ?")
                .param(agreementId)
                .query((rs, n) -> List.<Object>of(rs.getInt(1), rs.getString(2)))
                .single();
    }
}
