package io.offerdesk.invoicing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.invoicing.CollectionFixtures;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.TestApi;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * An unpaid invoice on the clock: overdue the day after its due date, reminded one, seven and fifteen days after
 * (once each, a part payment does not stop them), and thirty days after the agreement billed on it is terminated with
 * its scheduled charges cancelled.
 *
 * <p>Every test leaves its invoices unpaid on the one shared clock, so the test profile gives the application a grace
 * period longer than any test plays (application-test.yml); this test has the dunning due work terminate with the
 * default grace of thirty days, as the application does with its settings.
 */
// Moves the shared simulated clock forward: runs after the tests that do not (junit-platform.properties).
@Order(Order.DEFAULT + 11)
@EndToEndTest
class DunningTests {

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Dunning dunning;

    CollectionFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new CollectionFixtures(api, jdbc);
    }

    @Test
    void anUnpaidInvoiceIsRemindedOnceAtEachStepAndItsAgreementTerminatedAfterTheGracePeriod() {
        var buyer = fixtures.buyer();
        var agreementId = fixtures.buy(
                buyer, fixtures.installmentOffer(buyer.accountId(), 12, Collections.nCopies(12, "1000.00")));
        var first = fixtures.charges(buyer.procurement(), agreementId).stream()
                .filter(c -> c.at("/amount").asString().equals("1000.00"))
                .findFirst()
                .orElseThrow();
        fixtures.advanceTo(Instant.parse(first.at("/time").asString()).plusSeconds(3600));
        var invoiceId =
                fixtures.invoiceOf(agreementId, first.at("/id").asString()).orElseThrow();
        var dueDate = LocalDate.parse(fixtures.balance(buyer.finance(), invoiceId)
                .json()
                .at("/dueDate")
                .asString());
        var dueStart = dueDate.atStartOfDay(ZoneOffset.UTC).toInstant();
        var hour = Duration.ofHours(1);

        fixtures.advanceTo(dueStart.plus(hour));
        assertThat(status(buyer.finance(), invoiceId)).isEqualTo("OPEN");
        assertThat(reminders(buyer.finance(), invoiceId)).isEmpty();

        fixtures.advanceTo(dueStart.plus(Duration.ofDays(1)).plus(hour));
        assertThat(status(buyer.finance(), invoiceId)).isEqualTo("OVERDUE");
        assertThat(reminders(buyer.finance(), invoiceId)).containsExactly(1);
        var partial = fixtures.pay(buyer.finance(), invoiceId, "100.00", "first part");
        assertThat(partial.status()).as(partial.body()).isEqualTo(201);
        assertThat(status(buyer.finance(), invoiceId)).isEqualTo("OVERDUE");

        fixtures.advanceTo(dueStart.plus(Duration.ofDays(7)).plus(hour));
        assertThat(reminders(buyer.finance(), invoiceId)).containsExactly(1, 2);
        fixtures.advanceTo(dueStart.plus(Duration.ofDays(15)).plus(hour));
        assertThat(reminders(buyer.finance(), invoiceId)).containsExactly(1, 2, 3);
        fixtures.advanceTo(dueStart.plus(Duration.ofDays(29)));
        assertThat(reminders(buyer.finance(), invoiceId)).containsExactly(1, 2, 3);
        var reminded = api.get("/api/v1/invoices/" + invoiceId + "/reminders", buyer.finance())
                .json()
                .at("/items/1");
        assertThat(Instant.parse(reminded.at("/dueAt").asString())).isEqualTo(dueStart.plus(Duration.ofDays(7)));
        // The buyer's administrator finds each reminder in the audit trail, once.
        var audited = api.get(
                        "/api/v1/audit/entries?entityType=invoice&entityId=" + invoiceId
                                + "&action=PaymentReminderSent",
                        buyer.admin())
                .json();
        assertThat(audited).hasSize(3);
        assertThat(agreement(buyer.procurement(), agreementId).at("/status").asString())
                .isEqualTo("ACTIVE");

        fixtures.advanceTo(dueStart.plus(Duration.ofDays(30)).plus(hour));
        assertThat(agreement(buyer.procurement(), agreementId).at("/status").asString())
                .as("the application's own grace period is longer")
                .isEqualTo("ACTIVE");
        dunning.terminate(fixtures.now(), Duration.ofDays(30));
        var terminated = agreement(buyer.procurement(), agreementId);
        assertThat(terminated.at("/status").asString()).isEqualTo("TERMINATED");
        var states = fixtures.charges(buyer.procurement(), agreementId).stream()
                .filter(c -> c.at("/amount").asString().equals("1000.00"))
                .map(c -> c.at("/state").asString())
                .toList();
        // The installments invoiced by then stand; every later one is cancelled and will never be invoiced.
        assertThat(states).contains("DUE").contains("CANCELLED").containsOnly("DUE", "CANCELLED");
        assertThat(states.subList(states.indexOf("CANCELLED"), states.size())).containsOnly("CANCELLED");
        var ended = api.get(
                        "/api/v1/audit/entries?entityType=invoice&entityId=" + invoiceId
                                + "&action=AgreementsTerminatedForNonPayment",
                        buyer.admin())
                .json();
        assertThat(ended).hasSize(1);
        assertThat(status(buyer.finance(), invoiceId)).isEqualTo("OVERDUE");
    }

    String status(String email, String invoiceId) {
        return fixtures.balance(email, invoiceId).json().at("/status").asString();
    }

    List<Integer> reminders(String email, String invoiceId) {
        var reply = api.get("/api/v1/invoices/" + invoiceId + "/reminders", email);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json()
                .at("/items")
                .valueStream()
                .map(r -> r.at("/step").asInt())
                .toList();
    }

    JsonNode agreement(String email, String agreementId) {
        var reply = api.get("/api/v1/agreements/" + agreementId, email);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }
}
