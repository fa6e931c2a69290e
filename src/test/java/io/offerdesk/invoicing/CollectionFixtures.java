package io.offerdesk.invoicing;

import static io.offerdesk.offers.OfferFixtures.change;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.agreements.AgreementFixtures;
import io.offerdesk.offers.OfferFixtures;
import io.offerdesk.support.Onboarding;
import io.offerdesk.support.TestApi;
import io.offerdesk.support.TestApi.Reply;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * What collections tests buy and pay with, as clients would: a buyer party of their own (its ledger accounts start at
 * zero, which Globex's, shared by every test, never do), with procurement and finance users, and Acme's private
 * installment offers for it.
 */
public final class CollectionFixtures {

    public static final String OPERATOR = "operator@offerdesk.example";
    public static final String PASSWORD = Onboarding.PASSWORD;

    /** A buyer party of a test's own. */
    public record Buyer(UUID partyId, String accountId, String admin, String procurement, String finance) {}

    private final TestApi api;
    private final JdbcClient jdbc;
    private final AgreementFixtures agreements;

    public CollectionFixtures(TestApi api, JdbcClient jdbc) {
        this.api = api;
        this.jdbc = jdbc;
        this.agreements = new AgreementFixtures(api);
    }

    public AgreementFixtures agreements() {
        return agreements;
    }

    /** The simulated now. */
    public Instant now() {
        return Instant.parse(
                api.get("/api/v1/simulation/clock", OPERATOR).json().at("/now").asString());
    }

    /** The simulated today, from which offers' dates are computed. */
    public LocalDate today() {
        return new OfferFixtures(api).today();
    }

    public void advanceTo(Instant to) {
        var advanced = api.post("/api/v1/simulation/clock/advance", OPERATOR, "{\"to\":\"" + to + "\"}");
        assertThat(advanced.status()).as(advanced.body()).isEqualTo(200);
    }

    /** Onboards a buyer with one account, its administrator, a procurement user and a finance user, all active. */
    public Buyer buyer() {
        var onboarding = new Onboarding(api);
        var buyer = onboarding.party("BUYER", "Collections", "buyer", '7');
        var procurement = onboarding.invite(buyer.admin(), buyer.email("procurement"), "PROCUREMENT");
        var finance = onboarding.invite(buyer.admin(), buyer.email("finance"), "FINANCE");
        return new Buyer(buyer.partyId(), buyer.accountId(), buyer.admin(), procurement, finance);
    }

    /**
     * Releases Acme's private offer of a fresh product for the account: {@code months} months, one installment a
     * month of each amount, the first ten days from today. Returns the offer id.
     */
    public String installmentOffer(String account, int months, List<String> amounts) {
        var today = today();
        var schedule = IntStream.range(0, amounts.size())
                .mapToObj(i -> "{\"ChargeDate\":\"%s\",\"ChargeAmount\":\"%s\"}"
                        .formatted(today.plusDays(10).plusMonths(i), amounts.get(i)))
                .collect(Collectors.joining(","));
        var o = "$O.Entity.Identifier";
        return agreements.released(List.of(
                change("CreateOffer", null, "O", "{\"ProductId\":\"" + agreements.saasProduct() + "\"}"),
                change(
                        "UpdateInformation",
                        o,
                        null,
                        "{\"Name\":\"" + OfferFixtures.unique("Collections") + "\",\"Description\":\"Paid monthly\"}"),
                change("UpdateTargeting", o, null, "{\"PositiveTargeting\":{\"BuyerAccounts\":[\"" + account + "\"]}}"),
                change("UpdatePricingTerms", o, null, """
                        {"PricingModel":"Contract","Terms":[{"Type":"FixedUpfrontPricingTerm","CurrencyCode":"USD",\
                        "Price":"0.00","Grants":[{"DimensionKey":"analysts","MaxQuantity":10}]}]}"""),
                change(
                        "UpdateValidityTerms",
                        o,
                        null,
                        "{\"Terms\":[{\"Type\":\"ValidityTerm\",\"AgreementDuration\":\"P" + months + "M\"}]}"),
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
                        "{\"Terms\":[{\"Type\":\"LegalTerm\",\"Documents\":[{\"Type\":\"StandardEula\",\"Version\":\"1.0\"}]}]}"),
                change("UpdateAvailability", o, null, "{\"AvailabilityEndDate\":\"" + today.plusDays(5) + "\"}"),
                change(
                        "UpdateSupportTerms",
                        o,
                        null,
                        "{\"Terms\":[{\"Type\":\"SupportTerm\",\"RefundPolicy\":\"Refunds within 30 days.\"}]}"),
                change("ReleaseOffer", o, null, "{}")));
    }

    /**
     * Northwind's channel partner private offer of a fresh product of Acme's for the account, marked up by {@code
     * markup} percent on Acme's wholesale installments of 1,000.00 (in forty days) and 333.33 (in seventy). Returns the
     * offer id.
     */
    public String resoldOffer(String account, String markup) {
        var today = today();
        var ra = "$RA.Entity.Identifier";
        var authorization = released(
                AgreementFixtures.AUTHOR,
                List.of(
                        authorizationChange("CreateResaleAuthorization", null, "RA", """
                        {"ProductId":"%s","Name":"%s","ResellerAccountId":"300000000001"}""".formatted(
                                        agreements.saasProduct(), OfferFixtures.unique("Northwind resale"))),
                        authorizationChange("UpdateBuyerTargetingTerms", ra, null, """
                        {"Terms":[{"Type":"BuyerTargetingTerm","PositiveTargeting":{"BuyerAccounts":["%s"]}}]}""".formatted(account)),
                        authorizationChange(
                                "UpdateAvailability",
                                ra,
                                null,
                                "{\"AvailabilityEndDate\":\"%s\",\"OffersMaxQuantity\":1}"
                                        .formatted(today.plusDays(30))),
                        authorizationChange("UpdateLegalTerms", ra, null, """
                        {"Terms":[{"Type":"BuyerLegalTerm","Documents":[{"Type":"StandardEula",
                          "Url":"https://acme.example/eula.pdf"}]}]}"""),
                        authorizationChange("UpdatePricingTerms", ra, null, """
                        {"PricingModel":"Contract","Terms":[{"Type":"ResaleFixedUpfrontPricingTerm","CurrencyCode":"USD",
                          "Price":"0.0","Duration":"P12M","Grants":[{"DimensionKey":"analysts","MaxQuantity":10}]}]}"""),
                        authorizationChange("UpdatePaymentScheduleTerms", ra, null, """
                        {"Terms":[{"Type":"ResalePaymentScheduleTerm","CurrencyCode":"USD","Schedule":[
                          {"ChargeDate":"%s","ChargeAmount":"1000.00"},{"ChargeDate":"%s","ChargeAmount":"333.33"}]}]}""".formatted(
                                        today.plusDays(40), today.plusDays(70))),
                        authorizationChange("ReleaseResaleAuthorization", ra, null, "{}")));
        var offerId = released(
                PARTNER,
                List.of(change(
                        "CreateOfferUsingResaleAuthorization",
                        null,
                        null,
                        "{\"ResaleAuthorizationId\":\"%s\",\"Name\":\"%s\"}"
                                .formatted(authorization, OfferFixtures.unique("Resold")))));
        released(
                PARTNER,
                List.of(
                        change("UpdateMarkup", offerId, null, "{\"Percentage\":\"%s\"}".formatted(markup)),
                        change(
                                "UpdateAvailability",
                                offerId,
                                null,
                                "{\"AvailabilityEndDate\":\"%s\"}".formatted(today.plusDays(10))),
                        change(
                                "UpdateValidityTerms",
                                offerId,
                                null,
                                "{\"Terms\":[{\"Type\":\"ValidityTerm\",\"AgreementDuration\":\"P12M\"}]}"),
                        change("ReleaseOffer", offerId, null, "{}")));
        return offerId;
    }

    /** The channel partner that resells Acme's products in the demo. */
    public static final String PARTNER = "author@northwind.example";

    private static String authorizationChange(
            String type, @Nullable String identifier, @Nullable String name, String details) {
        return change(type, identifier, name, details).replace("Offer@1.0", "ResaleAuthorization@1.0");
    }

    /** Runs the changes, expects them to succeed and returns the id of the entity the first one made or changed. */
    private String released(String email, List<String> changes) {
        var done = agreements.offers().run(email, changes);
        assertThat(done.at("/status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        return done.at("/changeSet/0/entity/identifier").asString().replaceAll("@.*", "");
    }

    /** Buys the offer as the buyer's procurement user; returns the agreement id. */
    public String buy(Buyer buyer, String offerId) {
        var quote = agreements.quote(buyer.procurement(), offerId, buyer.accountId());
        assertThat(quote.status()).as(quote.body()).isEqualTo(201);
        var accepted = agreements.accept(
                buyer.procurement(), quote.json().at("/agreementRequestId").asString());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        return accepted.json().at("/agreementId").asString();
    }

    /** The agreement's charges, in time order: id, time and amount. */
    public List<JsonNode> charges(String email, String agreementId) {
        var items = api.get("/api/v1/agreements/" + agreementId + "/charges", email)
                .json()
                .at("/items");
        var charges = new ArrayList<JsonNode>();
        items.forEach(charges::add);
        charges.sort(Comparator.comparing(c -> Instant.parse(c.at("/time").asString())));
        return charges;
    }

    /** The invoice that bills the charge, if it was issued. */
    public Optional<String> invoiceOf(String agreementId, String chargeId) {
        return jdbc.sql("SELECT invoice_id FROM invoicing.invoice_line WHERE agreement_id = ? AND charge_id = ?")
                .params(agreementId, chargeId)
                .query(String.class)
                .optional();
    }

    /** The invoices billing the agreement, oldest first. */
    public List<String> invoicesOf(String agreementId) {
        return jdbc.sql("""
                        SELECT i.id FROM invoicing.invoice i
                        WHERE EXISTS (SELECT 1 FROM invoicing.invoice_line l
                                      WHERE l.invoice_id = i.id AND l.agreement_id = ?)
                        ORDER BY i.invoice_date, i.issued_at, i.id
                        """)
                .param(agreementId)
                .query((rs, n) -> rs.getString(1))
                .list();
    }

    public Reply pay(String email, String invoiceId, String amount, String reference) {
        return api.post("/api/v1/invoices/" + invoiceId + "/payments", email, """
                {"amount":"%s","currencyCode":"USD","reference":"%s"}""".formatted(amount, reference));
    }

    public Reply balance(String email, String invoiceId) {
        return api.get("/api/v1/invoices/" + invoiceId + "/balance", email);
    }
}
