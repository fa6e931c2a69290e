package io.offerdesk.commitments;

import static io.offerdesk.support.Redelivery.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.commitments.CommitmentFixtures.Installment;
import io.offerdesk.commitments.CommitmentFixtures.Party;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.Redelivery;
import io.offerdesk.support.TestApi;
import io.offerdesk.support.WebhookReceiver;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * The listeners an invoicing run's batch starts read and write the whole batch at once (ADR 0047): this test makes
 * invoices of two buyer organizations in one run, one invoice with two lines of different agreements, products, product
 * types and eligibility, and checks that commitments' drawdown takes every line into its buyer's spend as its
 * agreement and product say, and that the webhook outbox queues every invoice for both its sides' endpoints. A
 * redelivered event changes neither (ADR 0051), even as an earlier version stored it, with more fields. It does not move the clock: the installments are due the day they are
 * accepted, and the operator starts the run. Both invoices usually come in one event, but the run's two workers may
 * each claim one of them, so the test holds either way.
 */
@EndToEndTest
class InvoiceBatchTests {

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IncompleteEventPublications publications;

    @Test
    void everyInvoiceOfABatchOfSeveralBuyersIsDrawnDownAndAnnouncedToBothSidesOnceEvenWhenRedelivered() {
        var fixtures = new CommitmentFixtures(api);
        var seller = fixtures.onboard("SELLER", "isv");
        var first = fixtures.onboard("BUYER", "buyer");
        var second = fixtures.onboard("BUYER", "buyer");
        var saas = fixtures.product(seller, "SAAS");
        var services = fixtures.product(seller, "PROFESSIONAL_SERVICES");
        var flagged = api.put(
                "/api/v1/operator/commitment-eligibility/" + services,
                CommitmentFixtures.OPERATOR,
                "{\"eligible\":false,\"note\":\"Batch test\"}");
        assertThat(flagged.status()).as(flagged.body()).isEqualTo(200);

        try (var receiver = WebhookReceiver.started()) {
            var sellerEndpoint = endpoint(seller, receiver);
            var firstEndpoint = endpoint(first, receiver);
            var secondEndpoint = endpoint(second, receiver);

            // The first buyer's two agreements bill one invoice of two lines; the second's its own.
            var today = fixtures.today();
            var firstProcurement = fixtures.invite(first, "procurement", "PROCUREMENT");
            var secondProcurement = fixtures.invite(second, "procurement", "PROCUREMENT");
            var firstSaas = buy(fixtures, seller, first, firstProcurement, saas, today, "1000.00");
            var firstServices = buy(fixtures, seller, first, firstProcurement, services, today, "200.00");
            var secondSaas = buy(fixtures, seller, second, secondProcurement, saas, today, "300.00");
            var agreements = new String[] {firstSaas, firstServices, secondSaas};
            await(
                    () -> count(
                                    "SELECT count(*) FROM invoicing.charge WHERE agreement_id = ANY(?) AND amount_minor > 0",
                                    (Object) agreements)
                            == 3,
                    "invoicing took the three due installments");

            var started = api.post("/api/v1/invoicing/runs", CommitmentFixtures.OPERATOR, "");
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            await(
                    () -> count("SELECT count(*) FROM invoicing.invoice_line WHERE agreement_id = ANY(?)", (Object)
                                    agreements)
                            == 3,
                    "the run invoiced the three installments");
            var invoices = jdbc.sql("""
                            SELECT DISTINCT invoice_id FROM invoicing.invoice_line WHERE agreement_id = ANY(?)
                            ORDER BY invoice_id
                            """).param(agreements).query(String.class).list();
            assertThat(invoices).hasSize(2);

            // Every line of both invoices, in its buyer's spend, as its agreement and product say.
            var expected = List.of(
                    first.id() + " " + firstSaas + " " + saas + " SAAS true 100000",
                    first.id() + " " + firstServices + " " + services + " PROFESSIONAL_SERVICES false 20000",
                    second.id() + " " + secondSaas + " " + saas + " SAAS true 30000");
            await(() -> spend(agreements).size() == 3, "the drawdown recorded the three lines");
            var recorded = spend(agreements);
            assertThat(recorded.stream().map(SpendLine::summary)).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(recorded)
                    .as("each line of its invoice, recorded as invoiced")
                    .allSatisfy(line -> assertThat(count("""
                                    SELECT count(*) FROM invoicing.invoice_line l
                                    JOIN invoicing.invoice i ON i.id = l.invoice_id
                                    WHERE l.invoice_id = ? AND l.line_no = ? AND l.agreement_id = ?
                                      AND i.invoice_type = 'INVOICE'
                                    """, line.invoiceId(), line.lineNo(), line.agreementId()))
                            .isEqualTo(1));

            // Each invoice for both its sides: the seller's endpoint gets both, each buyer's its own.
            var queued = Map.of(sellerEndpoint, 2L, firstEndpoint, 1L, secondEndpoint, 1L);
            await(() -> deliveries(queued.keySet()).equals(queued), "both sides' deliveries were queued");
            for (var invoice : invoices) {
                assertThat(count(
                                "SELECT count(*) FROM notifications.webhook_delivery WHERE endpoint_id = ? AND body LIKE ?",
                                sellerEndpoint,
                                "%\"invoiceId\":\"" + invoice + "\"%"))
                        .as("the seller's delivery of %s", invoice)
                        .isEqualTo(1);
            }

            // Publications an earlier version stored carry each invoice's number, amounts and dates as well (before
            // ADR 0014's amendment of 2026-11-28): they still read back, and redelivered they change nothing either.
            assertThat(jdbc.sql("""
                                    UPDATE event_publication p SET serialized_event = (
                                        SELECT jsonb_set(e, '{invoices}', (
                                            SELECT jsonb_agg(i || '{"invoicingEntity":"Offerdesk Marketplace",
                                                "number":1,"buyerAccountId":"111122223333","subtotal":1000.00,
                                                "tax":0.00,"total":1000.00,"invoiceDate":"2026-11-28",
                                                "dueDate":"2026-12-28","agreementIds":["agmt-older"]}'::jsonb)
                                            FROM jsonb_array_elements(e -> 'invoices') i))::text
                                        FROM (SELECT p.serialized_event::jsonb AS e) old)
                                    WHERE event_type LIKE '%.InvoicesIssued' AND serialized_event LIKE ?
                                    """).param("%" + invoices.getFirst() + "%").update())
                    .as("the batch's publication to each of its two listeners")
                    .isGreaterThanOrEqualTo(2);
            var redelivery = new Redelivery(jdbc, publications);
            redelivery.redeliver("DrawdownRecorder", "InvoicesIssued", invoices.getFirst());
            redelivery.redeliver("WebhookOutbox", "InvoicesIssued", invoices.getFirst());
            assertThat(spend(agreements))
                    .as("the redelivered batch recorded nothing twice")
                    .isEqualTo(recorded);
            assertThat(deliveries(queued.keySet()))
                    .as("the redelivered batch queued nothing twice")
                    .isEqualTo(queued);
        }
    }

    /** A recorded spend line; the summary is what the test expects of it. */
    record SpendLine(
            String invoiceId,
            int lineNo,
            String owner,
            String agreementId,
            String productId,
            String productType,
            boolean eligible,
            long amountMinor) {

        String summary() {
            return String.join(
                    " ",
                    owner,
                    agreementId,
                    productId,
                    productType,
                    String.valueOf(eligible),
                    String.valueOf(amountMinor));
        }
    }

    private List<SpendLine> spend(String[] agreements) {
        return jdbc.sql("""
                        SELECT invoice_id, line_no, owner_party_id::text, agreement_id, product_id, product_type,
                            product_eligible, amount_minor
                        FROM commitments.spend_line WHERE agreement_id = ANY(?) ORDER BY invoice_id, line_no
                        """)
                .param(agreements)
                .query((rs, n) -> new SpendLine(
                        rs.getString(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getBoolean(7),
                        rs.getLong(8)))
                .list();
    }

    /** The invoice.issued deliveries queued for each endpoint. */
    private Map<String, Long> deliveries(Set<String> endpoints) {
        var counts = new HashMap<String, Long>();
        for (var endpoint : endpoints) {
            counts.put(
                    endpoint,
                    count(
                            "SELECT count(*) FROM notifications.webhook_delivery WHERE endpoint_id = ?"
                                    + " AND event_type = 'invoice.issued'",
                            endpoint));
        }
        return counts;
    }

    private String endpoint(Party party, WebhookReceiver receiver) {
        var created = api.post("/api/v1/webhooks/endpoints", party.admin(), """
                {"url":"%s","eventTypes":["invoice.issued"]}""".formatted(receiver.url()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().at("/id").asString();
    }

    /** The buyer's agreement for the product, whose one installment is due on the day it is accepted. */
    private static String buy(
            CommitmentFixtures fixtures,
            Party seller,
            Party buyer,
            String procurement,
            String product,
            LocalDate today,
            String amount) {
        return fixtures.accept(
                procurement, buyer, fixtures.offer(seller, buyer, product, List.of(new Installment(today, amount))));
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
