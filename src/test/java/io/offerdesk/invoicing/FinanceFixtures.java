package io.offerdesk.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.agreements.AgreementFixtures;
import io.offerdesk.invoicing.CollectionFixtures.Buyer;
import io.offerdesk.offers.OfferFixtures;
import io.offerdesk.support.TestApi;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Invoices made as they are in production: a buyer of the test's own accepts twelve monthly installments of USD
 * 1000.00 and the simulated clock moves past an installment, so the invoicing run bills it. A buyer of its own has no
 * credit from other tests that would pay its invoices as they are issued; a seller of its own has no other revenue.
 * Nothing is inserted behind the API.
 */
final class FinanceFixtures {

    static final String OPERATOR = "operator@offerdesk.example";
    static final String AUTHOR = AgreementFixtures.AUTHOR;
    static final String ACME_FINANCE = "finance@acme.example";
    static final String GLOBEX = AgreementFixtures.GLOBEX;
    static final String INITECH = AgreementFixtures.INITECH;
    static final String NIMBUS = "admin@nimbus.example";
    static final String NORTHWIND = "admin@northwind.example";
    /** The password of the users {@link CollectionFixtures} makes. */
    static final String PASSWORD = CollectionFixtures.PASSWORD;

    private final TestApi api;
    private final CollectionFixtures collections;
    private final OfferFixtures offers;

    FinanceFixtures(TestApi api, JdbcClient jdbc) {
        this.api = api;
        this.collections = new CollectionFixtures(api, jdbc);
        this.offers = new OfferFixtures(api);
    }

    CollectionFixtures collections() {
        return collections;
    }

    /** A buyer party of the test's own, with procurement and finance users. */
    Buyer buyer() {
        return collections.buyer();
    }

    /** A seller of the test's own; returns its administrator, who also writes its offers. */
    String seller() {
        var slug = "seller" + UUID.randomUUID().toString().substring(0, 8);
        var account = "8" + "%011d".formatted(ThreadLocalRandom.current().nextLong(100_000_000_000L));
        var admin = "admin@" + slug + ".example";
        var onboarded = api.post("/api/v1/parties", OPERATOR, """
                {"kind":"SELLER","name":"Finance %s","accountId":"%s","adminEmail":"%s","adminName":"Sam Seller"}""".formatted(slug, account, admin));
        assertThat(onboarded.status()).as(onboarded.body()).isEqualTo(201);
        var token = onboarded.json().at("/adminInvitationToken").asString();
        var accepted =
                api.post("/api/v1/invitations/" + token + "/accept", null, "{\"password\":\"" + PASSWORD + "\"}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        return admin;
    }

    /**
     * The buyer's new agreement with the seller: twelve monthly installments of USD 1000.00 of a fresh product, the
     * first ten days from today. Returns the agreement id.
     */
    String agreement(String seller, Buyer buyer) {
        var product = api.post("/api/v1/products", seller, """
                {"type":"SAAS","title":"%s","shortDescription":"Analytics for finance tests",
                 "dimensions":[{"key":"analysts","name":"Analysts","unit":"Users","type":"ENTITLED"}],
                 "fulfillmentUrl":"https://seller.example/signup",
                 "publicOffer":{"pricingModels":["CONTRACT"],
                   "prices":[{"model":"CONTRACT","dimensionKey":"analysts","durationMonths":12,"amount":"1200","currency":"USD"}]}}""".formatted(OfferFixtures.unique("Finance product")));
        assertThat(product.status()).as(product.body()).isEqualTo(201);
        var released = offers.run(
                seller,
                offers.privateOffer(
                        product.json().at("/id").asString(),
                        OfferFixtures.unique("Finance offer"),
                        buyer.accountId(),
                        null));
        assertThat(released.at("/status").asString()).as(released.toString()).isEqualTo("SUCCEEDED");
        var offerId = released.at("/changeSet/0/entity/identifier").asString().replaceAll("@.*", "");
        return collections.buy(buyer, offerId);
    }

    /** The agreement's installments of USD 1000.00 (its charges of a positive amount), in time order. */
    List<JsonNode> installments(Buyer buyer, String agreementId) {
        return collections.charges(buyer.procurement(), agreementId).stream()
                .filter(c -> c.at("/amount").asString().equals("1000.00"))
                .toList();
    }

    /** Moves the simulated clock an hour past the time of an installment, so the invoicing run has billed it. */
    Instant invoiceInstallment(JsonNode installment) {
        var due = Instant.parse(installment.at("/time").asString());
        var to = due.plusSeconds(3600);
        if (to.isAfter(collections.now())) {
            collections.advanceTo(to);
        }
        return due;
    }

    /** The ids of the agreement's invoices and credit memos in the order they were issued, as its seller reads them. */
    List<String> invoiceIds(String seller, String agreementId) {
        var groups = api.get("/api/v1/agreements/" + agreementId + "/invoice-line-items", seller);
        assertThat(groups.status()).as(groups.body()).isEqualTo(200);
        return StreamSupport.stream(
                        groups.json()
                                .at("/agreementInvoiceLineItemGroupSummaries")
                                .spliterator(),
                        false)
                .map(g -> g.at("/invoiceId").asString())
                .toList();
    }

    /** The buyer's new agreement with Acme whose first installment is invoiced. */
    Invoiced invoiced(Buyer buyer) {
        var agreementId = agreement(AUTHOR, buyer);
        var due = invoiceInstallment(installments(buyer, agreementId).getFirst());
        var ids = invoiceIds(AUTHOR, agreementId);
        assertThat(ids).hasSize(1);
        return new Invoiced(agreementId, ids.getFirst(), due);
    }

    /** An agreement with its first installment invoiced. */
    record Invoiced(String agreementId, String invoiceId, Instant due) {

        String invoiceDate() {
            return due.toString().substring(0, 10);
        }
    }
}
