package io.offerdesk.offers;

import static io.offerdesk.offers.OfferFixtures.GLOBEX_ACCOUNT;
import static io.offerdesk.offers.OfferFixtures.change;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.agreements.AgreementFixtures;
import io.offerdesk.support.TestApi;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Resale authorizations of Acme's for Northwind, made through the change-set API as the ISV would, for partner offers. */
public final class ResaleOfferFixtures {

    public static final String ISV = OfferFixtures.AUTHOR;
    public static final String PARTNER = "author@northwind.example";
    public static final String PARTNER_ACCOUNT = "300000000001";

    private final TestApi api;
    private final OfferFixtures offers;
    private final AgreementFixtures agreements;

    public ResaleOfferFixtures(TestApi api) {
        this.api = api;
        this.agreements = new AgreementFixtures(api);
        this.offers = agreements.offers();
    }

    /** A fresh SaaS product of Acme's with list prices: one agreement per product and account, so tests share none. */
    String saasProduct() {
        return agreements.saasProduct();
    }

    /**
     * Acme's released single-use authorization of the product for Northwind and Globex, open for {@code days}: a fixed
     * upfront term granting ten analysts for twelve months, paid in two wholesale installments after it ends.
     */
    public String authorization(String product, int days) {
        var today = offers.today();
        var changes = new ArrayList<String>();
        changes.add(raChange("CreateResaleAuthorization", null, "RA", """
                {"ProductId":"%s","Name":"%s","ResellerAccountId":"%s"}""".formatted(
                        product, OfferFixtures.unique("Northwind resale"), PARTNER_ACCOUNT)));
        changes.add(update("UpdateBuyerTargetingTerms", """
                {"Terms":[{"Type":"BuyerTargetingTerm","PositiveTargeting":{"BuyerAccounts":["%s"]}}]}""".formatted(GLOBEX_ACCOUNT)));
        changes.add(update(
                "UpdateAvailability",
                "{\"AvailabilityEndDate\":\"%s\",\"OffersMaxQuantity\":1}".formatted(today.plusDays(days))));
        changes.add(update("UpdateLegalTerms", """
                {"Terms":[{"Type":"BuyerLegalTerm","Documents":[{"Type":"StandardEula",
                  "Url":"https://acme.example/eula.pdf"}]}]}"""));
        changes.add(update("UpdatePricingTerms", """
                {"PricingModel":"Contract","Terms":[{"Type":"ResaleFixedUpfrontPricingTerm","CurrencyCode":"USD",
                  "Price":"0.0","Duration":"P12M","Grants":[{"DimensionKey":"analysts","MaxQuantity":10}]}]}"""));
        changes.add(update("UpdatePaymentScheduleTerms", """
                {"Terms":[{"Type":"ResalePaymentScheduleTerm","CurrencyCode":"USD","Schedule":[
                  {"ChargeDate":"%s","ChargeAmount":"1000.00"},{"ChargeDate":"%s","ChargeAmount":"333.33"}]}]}""".formatted(today.plusDays(40), today.plusDays(70))));
        changes.add(update("ReleaseResaleAuthorization", "{}"));
        return id(succeeded(ISV, changes));
    }

    /**
     * Acme's released authorization of the product for Northwind to sell to Globex at a discount off the product's list
     * prices (Offerdesk's {@code DiscountPercentage}, ADR 0012), open for thirty days and for any number of offers.
     */
    public String discountAuthorization(String product, String discountPercentage) {
        var changes = new ArrayList<String>();
        changes.add(raChange("CreateResaleAuthorization", null, "RA", """
                {"ProductId":"%s","Name":"%s","ResellerAccountId":"%s"}""".formatted(
                        product, OfferFixtures.unique("Northwind resale"), PARTNER_ACCOUNT)));
        changes.add(update("UpdateBuyerTargetingTerms", """
                {"Terms":[{"Type":"BuyerTargetingTerm","PositiveTargeting":{"BuyerAccounts":["%s"]}}]}""".formatted(GLOBEX_ACCOUNT)));
        changes.add(update(
                "UpdateAvailability",
                "{\"AvailabilityEndDate\":\"%s\"}".formatted(offers.today().plusDays(30))));
        changes.add(update("UpdateLegalTerms", """
                {"Terms":[{"Type":"BuyerLegalTerm","Documents":[{"Type":"StandardEula",
                  "Url":"https://acme.example/eula.pdf"}]}]}"""));
        changes.add(update("UpdatePricingTerms", """
                {"PricingModel":"Contract","Terms":[{"Type":"ResaleConfigurableUpfrontPricingTerm",
                  "DiscountPercentage":"%s"}]}""".formatted(discountPercentage)));
        changes.add(update("ReleaseResaleAuthorization", "{}"));
        return id(succeeded(ISV, changes));
    }

    /**
     * The partner's CPPO from the authorization, marked up and ready to release, left a draft for a set.
     *
     * @param fixedTerm whether the authorization's terms are a fixed upfront term, whose agreement lasts twelve
     *     months; a configurable one takes its duration from the buyer's choice
     */
    public String cppoDraft(String authorization, String markup, boolean fixedTerm) {
        var created = succeeded(
                PARTNER,
                List.of(change(
                        "CreateOfferUsingResaleAuthorization",
                        null,
                        null,
                        "{\"ResaleAuthorizationId\":\"%s\",\"Name\":\"Acme Insights via Northwind\"}"
                                .formatted(authorization))));
        var offerId = id(created);
        var changes = new ArrayList<>(List.of(
                change("UpdateMarkup", offerId, null, "{\"Percentage\":\"%s\"}".formatted(markup)),
                change(
                        "UpdateAvailability",
                        offerId,
                        null,
                        "{\"AvailabilityEndDate\":\"%s\"}"
                                .formatted(offers.today().plusDays(10)))));
        if (fixedTerm) {
            changes.add(change(
                    "UpdateValidityTerms",
                    offerId,
                    null,
                    "{\"Terms\":[{\"Type\":\"ValidityTerm\",\"AgreementDuration\":\"P12M\"}]}"));
        }
        succeeded(PARTNER, changes);
        return offerId;
    }

    /** Northwind's own migration service and a draft private offer of it for Globex. */
    String servicesDraft() {
        var product = api.post("/api/v1/products", PARTNER, """
                {"type":"PROFESSIONAL_SERVICES","title":"%s","shortDescription":"Migration by Northwind",
                 "dimensions":[{"key":"migration_package","name":"Migration package","unit":"Units","type":"ENTITLED"}],
                 "delivery":{"deliverables":["Migration plan"],"estimatedDuration":"8 weeks"},
                 "publicOffer":{"pricingModels":["CONTRACT"],
                   "prices":[{"model":"CONTRACT","dimensionKey":"migration_package","durationMonths":12,"amount":"18000","currency":"USD"}]}}""".formatted(OfferFixtures.unique("Migration")));
        assertThat(product.status()).as(product.body()).isEqualTo(201);
        var changes = new ArrayList<String>();
        for (var c : offers.privateOffer(
                product.json().at("/id").asString(), OfferFixtures.unique("Migration"), GLOBEX_ACCOUNT, null)) {
            changes.add(c.replace("\"analysts\"", "\"migration_package\""));
        }
        changes.removeLast();
        return id(succeeded(PARTNER, changes));
    }

    static String raChange(String type, @Nullable String identifier, @Nullable String name, String details) {
        return change(type, identifier, name, details).replace("Offer@1.0", "ResaleAuthorization@1.0");
    }

    static String update(String type, String details) {
        return raChange(type, "$RA.Entity.Identifier", null, details);
    }

    public JsonNode succeeded(String email, List<String> changes) {
        var done = offers.run(email, changes);
        assertThat(done.at("/status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        return done;
    }

    /** The id of the entity the first change of a finished change set created or changed. */
    static String id(JsonNode done) {
        return done.at("/changeSet/0/entity/identifier").asString().replaceAll("@.*", "");
    }
}
