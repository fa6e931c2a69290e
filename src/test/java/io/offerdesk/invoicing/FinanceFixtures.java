package io.offerdesk.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.agreements.AgreementFixtures;
import io.offerdesk.support.TestApi;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/**
 * Invoices made as they are in production: Globex accepts Acme's twelve monthly installments of USD 1000.00 and the
 * simulated clock moves past an installment, so the invoicing run bills it. Nothing is inserted behind the API.
 */
public final class FinanceFixtures {

    public static final String OPERATOR = "operator@offerdesk.example";
    public static final String GLOBEX = AgreementFixtures.GLOBEX;
    public static final String GLOBEX_FINANCE = "finance@globex.example";
    public static final String GLOBEX_ACCOUNT = AgreementFixtures.GLOBEX_ACCOUNT;
    public static final String INITECH = AgreementFixtures.INITECH;
    public static final String AUTHOR = AgreementFixtures.AUTHOR;
    public static final String ACME_FINANCE = "finance@acme.example";
    public static final String NIMBUS = "admin@nimbus.example";
    public static final String NORTHWIND = "admin@northwind.example";
    public static final String PASSWORD = "offerdesk-demo";

    private final TestApi api;
    private final AgreementFixtures agreements;

    public FinanceFixtures(TestApi api) {
        this.api = api;
        this.agreements = new AgreementFixtures(api);
    }

    /** Globex's new agreement for twelve installments of Acme's fresh product; returns the agreement id. */
    public String agreement() {
        var offerId = agreements.installmentOffer(agreements.saasProduct(), GLOBEX_ACCOUNT);
        var accepted = agreements.buy(offerId);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        return accepted.json().at("/agreementId").asString();
    }

    /** The agreement's installments of USD 1000.00 (its charges of a positive amount), in time order. */
    public List<JsonNode> installments(String agreementId) {
        var charges = api.get("/api/v1/agreements/" + agreementId + "/charges", GLOBEX);
        assertThat(charges.status()).as(charges.body()).isEqualTo(200);
        return StreamSupport.stream(charges.json().at("/items").spliterator(), false)
                .filter(c -> c.at("/amount").asString().equals("1000.00"))
                .toList();
    }

    /** Moves the simulated clock an hour past the time of an installment, so the invoicing run has billed it. */
    public Instant invoiceInstallment(JsonNode installment) {
        var due = Instant.parse(installment.at("/time").asString());
        var now = Instant.parse(
                api.get("/api/v1/simulation/clock", OPERATOR).json().at("/now").asString());
        var to = due.plusSeconds(3600);
        if (to.isAfter(now)) {
            var advanced = api.post("/api/v1/simulation/clock/advance", OPERATOR, "{\"to\":\"" + to + "\"}");
            assertThat(advanced.status()).as(advanced.body()).isEqualTo(200);
        }
        return due;
    }

    /** The ids of the agreement's invoices and credit memos, in the order they were issued. */
    public List<String> invoiceIds(String agreementId) {
        var groups = api.get("/api/v1/agreements/" + agreementId + "/invoice-line-items", AUTHOR);
        assertThat(groups.status()).as(groups.body()).isEqualTo(200);
        return StreamSupport.stream(
                        groups.json()
                                .at("/agreementInvoiceLineItemGroupSummaries")
                                .spliterator(),
                        false)
                .map(g -> g.at("/invoiceId").asString())
                .toList();
    }

    /** A new agreement whose first installment is invoiced; returns the agreement and its invoice. */
    public Invoiced invoiced() {
        var agreementId = agreement();
        var due = invoiceInstallment(installments(agreementId).getFirst());
        var ids = invoiceIds(agreementId);
        assertThat(ids).hasSize(1);
        return new Invoiced(agreementId, ids.getFirst(), due);
    }

    /** An agreement with its first installment invoiced. */
    public record Invoiced(String agreementId, String invoiceId, Instant due) {

        public String invoiceDate() {
            return due.toString().substring(0, 10);
        }
    }
}
