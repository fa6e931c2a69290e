package io.offerdesk.offers;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.TestApi;
import io.offerdesk.support.TestApi.Reply;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Builds offer change sets as a client would send them, and waits for them like a client polls. */
public final class OfferFixtures {

    public static final String AUTHOR = "author@acme.example";
    public static final String GLOBEX = "procurement@globex.example";
    public static final String INITECH = "procurement@initech.example";
    public static final String NIMBUS = "admin@nimbus.example";
    public static final String GLOBEX_ACCOUNT = "400000000001";

    private final TestApi api;
    private final LocalDate today;

    public OfferFixtures(TestApi api) {
        this.api = api;
        var clock = api.get("/api/v1/simulation/clock", "operator@offerdesk.example")
                .json();
        this.today = LocalDate.parse(clock.at("/now").asString().substring(0, 10));
    }

    public LocalDate today() {
        return today;
    }

    /** A demo product of Acme's; pages through the products, which other tests add to. */
    public String productId(String title) {
        var next = "";
        do {
            var page = api.get("/api/v1/products?limit=100" + next, AUTHOR).json();
            for (var product : page.at("/items")) {
                if (product.at("/title").asString().equals(title)) {
                    return product.at("/id").asString();
                }
            }
            next = page.at("/next").isString() ? "&after=" + page.at("/next").asString() : "";
        } while (!next.isEmpty());
        throw new AssertionError("no product " + title);
    }

    public static String change(String type, @Nullable String identifier, @Nullable String name, String details) {
        return """
                {"changeType":"%s","entity":{"type":"Offer@1.0"%s}%s,"detailsDocument":%s}""".formatted(
                        type,
                        identifier == null ? "" : ",\"identifier\":\"" + identifier + "\"",
                        name == null ? "" : ",\"changeName\":\"" + name + "\"",
                        details);
    }

    public static String set(List<String> changes) {
        return "{\"changeSet\":[" + String.join(",", changes) + "]}";
    }

    /** The ten changes of a SaaS private offer with a 12-installment schedule, released; {@code $O} is the offer. */
    public List<String> privateOffer(String productId, String name, String buyerAccount, @Nullable String eulaUrl) {
        return privateOffer(productId, name, buyerAccount, eulaUrl, 5);
    }

    /** The same offer, expiring {@code expiryDays} from today. */
    public List<String> privateOffer(
            String productId, String name, String buyerAccount, @Nullable String eulaUrl, int expiryDays) {
        var schedule = IntStream.range(0, 12)
                .mapToObj(i -> "{\"ChargeDate\":\"%s\",\"ChargeAmount\":\"1000.00\"}"
                        .formatted(today.plusDays(10).plusMonths(i)))
                .collect(Collectors.joining(","));
        var legal = eulaUrl == null
                ? "{\"Type\":\"StandardEula\",\"Version\":\"1.0\"}"
                : "{\"Type\":\"CustomEula\",\"Url\":\"" + eulaUrl + "\"}";
        var o = "$O.Entity.Identifier";
        return List.of(
                change("CreateOffer", null, "O", "{\"ProductId\":\"" + productId + "\"}"),
                change("UpdateInformation", o, null, "{\"Name\":\"" + name + "\",\"Description\":\"Test offer\"}"),
                change(
                        "UpdateTargeting",
                        o,
                        null,
                        "{\"PositiveTargeting\":{\"BuyerAccounts\":[\"" + buyerAccount + "\"]}}"),
                change("UpdatePricingTerms", o, null, """
                        {"PricingModel":"Contract","Terms":[{"Type":"FixedUpfrontPricingTerm","CurrencyCode":"USD",\
                        "Price":"0.00","Grants":[{"DimensionKey":"analysts","MaxQuantity":10}]}]}"""),
                change(
                        "UpdateValidityTerms",
                        o,
                        null,
                        "{\"Terms\":[{\"Type\":\"ValidityTerm\",\"AgreementDuration\":\"P12M\"}]}"),
                change(
                        "UpdatePaymentScheduleTerms",
                        o,
                        null,
                        "{\"Terms\":[{\"Type\":\"PaymentScheduleTerm\",\"CurrencyCode\":\"USD\",\"Schedule\":["
                                + schedule + "]}]}"),
                change(
                        "UpdateLegalTerms",
                        o,
                        null,
                        "{\"Terms\":[{\"Type\":\"LegalTerm\",\"Documents\":[" + legal + "]}]}"),
                change(
                        "UpdateAvailability",
                        o,
                        null,
                        "{\"AvailabilityEndDate\":\"" + today.plusDays(expiryDays) + "\"}"),
                change(
                        "UpdateSupportTerms",
                        o,
                        null,
                        "{\"Terms\":[{\"Type\":\"SupportTerm\",\"RefundPolicy\":\"Refunds within 30 days.\"}]}"),
                change("ReleaseOffer", o, null, "{}"));
    }

    /** Offerdesk's {@code UpdateVariablePaymentTerms} (ADR 0009): the most the seller may charge by payment requests. */
    static String variablePayments(String identifier, String currency, String max) {
        return change(
                "UpdateVariablePaymentTerms",
                identifier,
                null,
                "{\"Terms\":[{\"Type\":\"VariablePaymentTerm\",\"CurrencyCode\":\"" + currency
                        + "\",\"MaxTotalChargeAmount\":\"" + max + "\"}]}");
    }

    /** The private offer with variable payments up to USD 50,000.00 before its release. */
    List<String> privateOfferWithVariablePayments(String productId, String buyerAccount) {
        var changes = new ArrayList<>(privateOffer(productId, unique("Variable"), buyerAccount, null));
        changes.add(changes.size() - 1, variablePayments("$O.Entity.Identifier", "USD", "50000.00"));
        return changes;
    }

    /** A custom EULA Acme uploaded; its URL goes into a {@code CustomEula} legal document. */
    String uploadedEula(byte[] pdf) {
        var uploaded = api.send(api.request("/api/v1/eula-documents?fileName=acme-eula.pdf", AUTHOR)
                .header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(pdf)));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        // A CustomEula URL must be absolute with a domain (not "localhost"); only its path names the document.
        return "https://offerdesk.example" + uploaded.json().at("/url").asString();
    }

    JsonNode finished(String email, Reply started) {
        return api.finishedChangeSet(email, started);
    }

    public JsonNode run(String email, List<String> changes) {
        return finished(email, api.post("/api/v1/change-sets", email, set(changes)));
    }

    /** Releases a private offer for Acme Insights to the buyer account and returns its id. */
    String releasedOffer(String buyerAccount) {
        var done = run(AUTHOR, privateOffer(productId("Acme Insights"), unique("Offer"), buyerAccount, null));
        assertThat(done.at("/status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        return done.at("/changeSet/0/entity/identifier").asString().replaceAll("@.*", "");
    }

    public static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
