package io.offerdesk.bench;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The change set that makes a private offer, as a seller's client sends it: the ten changes from CreateOffer to
 * ReleaseOffer of the app's own end-to-end tests (OfferFixtures.privateOffer), for the demo seller's SaaS product
 * "Acme Insights": a contract with grants, 12 installments, the standard EULA, available for five days.
 */
final class PrivateOffers {

    static final String CHANGE_SETS = "/api/v1/change-sets";

    /** The demo buyer Globex Corporation's management account; its procurement user holds the demo buyer key. */
    static final String GLOBEX_ACCOUNT = "400000000001";

    private static final String PRODUCT_TITLE = "Acme Insights";
    private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final Duration SETUP_POLL = Duration.ofMillis(20);
    private static final Duration SETUP_DEADLINE = Duration.ofSeconds(60);

    private final JsonMapper json = JsonMapper.builder().build();
    private final OfferdeskApi api;
    /** The change set with {@code %1$s} for the offer's name and {@code %2$s} for the buyer account. */
    private final String template;

    private PrivateOffers(OfferdeskApi api, String template) {
        this.api = api;
        this.template = template;
    }

    /**
     * Dates are relative to today in UTC: the demo's simulated clock starts at the real time, and nothing in a bench
     * run moves it.
     */
    static PrivateOffers of(OfferdeskApi api) throws IOException, InterruptedException {
        return of(api, productId(api));
    }

    /** The same offer for another of the demo seller's SaaS products, which must have the dimension "analysts". */
    static PrivateOffers of(OfferdeskApi api, String productId) {
        return of(api, productId, 10);
    }

    /**
     * The same offer with its first installment {@code firstInstallmentInDays} from today: with 0, the first falls due
     * as the buyer accepts.
     */
    static PrivateOffers of(OfferdeskApi api, String productId, int firstInstallmentInDays) {
        var today = LocalDate.now(ZoneOffset.UTC);
        var schedule = IntStream.range(0, 12)
                .mapToObj(i -> "{\"ChargeDate\":\"%s\",\"ChargeAmount\":\"1000.00\"}"
                        .formatted(today.plusDays(firstInstallmentInDays).plusMonths(i)))
                .collect(Collectors.joining(","));
        var o = "$O.Entity.Identifier";
        var changes = List.of(
                change("CreateOffer", null, "O", "{\"ProductId\":\"" + productId + "\"}"),
                change("UpdateInformation", o, null, "{\"Name\":\"%1$s\",\"Description\":\"Bench offer\"}"),
                change("UpdateTargeting", o, null, "{\"PositiveTargeting\":{\"BuyerAccounts\":[\"%2$s\"]}}"),
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
                        "{\"Terms\":[{\"Type\":\"LegalTerm\",\"Documents\":"
                                + "[{\"Type\":\"StandardEula\",\"Version\":\"1.0\"}]}]}"),
                change("UpdateAvailability", o, null, "{\"AvailabilityEndDate\":\"" + today.plusDays(5) + "\"}"),
                change(
                        "UpdateSupportTerms",
                        o,
                        null,
                        "{\"Terms\":[{\"Type\":\"SupportTerm\",\"RefundPolicy\":\"Refunds within 30 days.\"}]}"),
                change("ReleaseOffer", o, null, "{}"));
        return new PrivateOffers(api, "{\"changeSet\":[" + String.join(",", changes) + "]}");
    }

    /** The body of a change set for a new offer; names are plain letters, digits and spaces, so need no escaping. */
    String changeSet(String name, String buyerAccount) {
        return template.formatted(name, buyerAccount);
    }

    /** An offer id of the app's form, for SQL copies of offers; random enough that the run's copies never collide. */
    static String freshOfferId() {
        var random = ThreadLocalRandom.current();
        var id = new char[13];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length()));
        }
        return "offer-" + new String(id);
    }

    /** A name no other offer of the run has. */
    static String uniqueName() {
        return "Bench offer " + UUID.randomUUID();
    }

    /**
     * A 12-digit account of nobody in the demo (whose accounts start with 1 to 5), so that offers made for load do
     * not show up in the lists of the demo's buyers.
     */
    static String someoneElsesAccount() {
        return Long.toString(ThreadLocalRandom.current().nextLong(600_000_000_000L, 1_000_000_000_000L));
    }

    /** Releases an offer through the API, unmeasured, and returns its id; throws with the app's errors if it fails. */
    String release(String buyerAccount) throws IOException, InterruptedException {
        var started = json.readTree(api.exchange(
                api.post(
                        CHANGE_SETS,
                        changeSet(uniqueName(), buyerAccount),
                        UUID.randomUUID().toString()),
                202));
        var id = started.path("changeSetId").asString();
        var finished = finished(id);
        if (!finished.path("status").asString().equals("SUCCEEDED")) {
            throw new IOException("change set %s ended %s: %s"
                    .formatted(id, finished.path("status").asString(), finished));
        }
        // "offer-…@1": the entity and its revision
        return finished.at("/changeSet/0/entity/identifier").asString().replaceAll("@.*", "");
    }

    private JsonNode finished(String changeSetId) throws IOException, InterruptedException {
        var deadline = System.nanoTime() + SETUP_DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            var read = json.readTree(api.exchange(api.get(CHANGE_SETS + "/" + changeSetId), 200));
            if (List.of("SUCCEEDED", "FAILED", "CANCELLED")
                    .contains(read.path("status").asString())) {
                return read;
            }
            Thread.sleep(SETUP_POLL);
        }
        throw new IOException("change set %s did not finish in %ds".formatted(changeSetId, SETUP_DEADLINE.toSeconds()));
    }

    /** The demo product's id; other scenarios add products, so this pages through the catalog. */
    private static String productId(OfferdeskApi api) throws IOException, InterruptedException {
        var json = JsonMapper.builder().build();
        var after = "";
        do {
            var page = json.readTree(api.exchange(api.get("/api/v1/products?limit=100" + after), 200));
            for (var product : page.path("items")) {
                if (product.path("title").asString().equals(PRODUCT_TITLE)) {
                    return product.path("id").asString();
                }
            }
            after = page.path("next").isString() ? "&after=" + page.path("next").asString() : "";
        } while (!after.isEmpty());
        throw new IOException("the demo seller has no product \"%s\"".formatted(PRODUCT_TITLE));
    }

    private static String change(String type, String identifier, String name, String details) {
        return "{\"changeType\":\"%s\",\"entity\":{\"type\":\"Offer@1.0\"%s}%s,\"detailsDocument\":%s}"
                .formatted(
                        type,
                        identifier == null ? "" : ",\"identifier\":\"" + identifier + "\"",
                        name == null ? "" : ",\"changeName\":\"" + name + "\"",
                        details);
    }
}
