package io.offerdesk.offers.internal;

import io.offerdesk.catalog.CatalogManagement;
import io.offerdesk.catalog.Product;
import io.offerdesk.changesets.ChangeSets;
import io.offerdesk.changesets.StartChangeSet;
import io.offerdesk.changesets.StartChangeSet.RequestedChange;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.OfferFilter;
import io.offerdesk.parties.Account;
import io.offerdesk.parties.Party;
import io.offerdesk.parties.PartyManagement;
import io.offerdesk.shared.AccountId;
import io.offerdesk.shared.Actor;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's private offers from Acme Analytics: for Globex a released SaaS contract paid in twelve monthly
 * installments and a released onboarding-services offer that expires within days (so "expiring soon" has something to
 * show), and for Initech a draft. They are change sets like any seller's, so the demo holds only offers the rules
 * accept; the background worker applies them shortly after startup. Runs after the demo catalog, dated from the
 * (simulated) clock, and skips a seller that already has offers.
 */
@Component
@Order(30)
@ConditionalOnBooleanProperty("offerdesk.demo")
class DemoOffers implements ApplicationRunner {

    static final String ACME = "Acme Analytics";
    static final String GLOBEX = "Globex Corporation";
    static final String INITECH = "Initech";

    private static final Logger log = LoggerFactory.getLogger(DemoOffers.class);
    private static final Actor DEMO = Actor.system("demo data");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String OFFER = "$Offer.Entity.Identifier";
    private static final String STANDARD_CONTRACT = "1.0";

    private final PartyManagement parties;
    private final CatalogManagement catalog;
    private final OfferRepository offers;
    private final ChangeSets changeSets;
    private final Clock clock;

    DemoOffers(
            PartyManagement parties,
            CatalogManagement catalog,
            OfferRepository offers,
            ChangeSets changeSets,
            Clock clock) {
        this.parties = parties;
        this.catalog = catalog;
        this.offers = offers;
        this.changeSets = changeSets;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        var acme = parties.findByName(ACME).orElse(null);
        if (acme == null
                || !offers.list(acme.id(), OfferFilter.recentFirst(), 0, 1).isEmpty()) {
            return;
        }
        var products = catalog.productsOf(acme.id()).stream()
                .collect(
                        Collectors.toMap(Product::title, product -> product.id().value(), (first, second) -> first));
        var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        managementAccount(GLOBEX).ifPresent(globex -> {
            product(products, "Acme Insights").ifPresent(id -> start(acme, insights(id, globex, today)));
            product(products, "Acme Onboarding Services").ifPresent(id -> start(acme, onboarding(id, globex, today)));
        });
        managementAccount(INITECH)
                .ifPresent(initech -> product(products, "Acme Stream Processor")
                        .ifPresent(id -> start(acme, draft(id, initech, today))));
        log.info("Started the demo offers of {}", acme.name());
    }

    /** A year of Acme Insights with usage on top, invoiced monthly from two weeks after today. */
    private static List<RequestedChange> insights(String productId, AccountId buyer, LocalDate today) {
        var schedule = IntStream.range(0, 12)
                .mapToObj(month -> """
                        {"ChargeDate":"%s","ChargeAmount":"3825.00"}""".formatted(today.plusDays(14).plusMonths(month)))
                .collect(Collectors.joining(","));
        return List.of(
                create(productId),
                change("UpdateInformation", """
                        {"Name":"Globex — Acme Insights 2027, 12 installments",
                         "Description":"Demo: 25 analysts and 100 viewers at 15% off list, paid monthly."}"""),
                targeting(buyer),
                change("UpdatePricingTerms", """
                        {"PricingModel":"Contract","Terms":[
                          {"Type":"FixedUpfrontPricingTerm","CurrencyCode":"USD","Price":"0.00","Grants":[
                            {"DimensionKey":"analysts","MaxQuantity":25},{"DimensionKey":"viewers","MaxQuantity":100}]},
                          {"Type":"UsageBasedPricingTerm","CurrencyCode":"USD","RateCards":[
                            {"RateCard":[{"DimensionKey":"events","Price":"0.75"}]}]}]}"""),
                change("UpdateValidityTerms", """
                        {"Terms":[{"Type":"ValidityTerm","AgreementDuration":"P12M"}]}"""),
                change("UpdatePaymentScheduleTerms", """
                        {"Terms":[{"Type":"PaymentScheduleTerm","CurrencyCode":"USD","Schedule":[%s]}]}""".formatted(schedule)),
                standardEula(),
                availability(today.plusDays(30)),
                support("Unused months are refunded pro rata if Acme Insights misses its 99.9% uptime commitment."),
                change("UpdateNetPaymentTerms", """
                        {"Terms":[{"Type":"NetPaymentTerm","PaymentDuePeriod":"P30D"}]}"""),
                change("UpdateRenewalTerms", """
                        {"Terms":[{"Type":"RenewalTerm","LockoutPeriod":"P30D","MaxRenewals":2,
                          "PriceIncrease":{"Type":"FixedPercentage","Value":"3.00"},
                          "TermTemplates":[{"Type":"PaymentScheduleTermTemplate","Schedule":[
                            {"ChargeDateOffset":"P0M","ChargePercentage":"50"},
                            {"ChargeDateOffset":"P6M","ChargePercentage":"50"}]}]}]}"""),
                release());
    }

    /** The onboarding package in two installments, open for acceptance for five more days. */
    private static List<RequestedChange> onboarding(String productId, AccountId buyer, LocalDate today) {
        var firstCharge = today.plusDays(14);
        return List.of(
                create(productId),
                change("UpdateInformation", """
                        {"Name":"Globex — Acme Onboarding Services",
                         "Description":"Demo: onboarding at 10% off list, valid this week only."}"""),
                targeting(buyer),
                change("UpdatePricingTerms", """
                        {"PricingModel":"Contract","Terms":[{"Type":"FixedUpfrontPricingTerm","CurrencyCode":"USD",
                          "Price":"0.00","Grants":[{"DimensionKey":"onboarding_package","MaxQuantity":1}]}]}"""),
                change("UpdateValidityTerms", """
                        {"Terms":[{"Type":"ValidityTerm","AgreementDuration":"P3M"}]}"""),
                change("UpdatePaymentScheduleTerms", """
                        {"Terms":[{"Type":"PaymentScheduleTerm","CurrencyCode":"USD","Schedule":[
                          {"ChargeDate":"%s","ChargeAmount":"11250.00"},{"ChargeDate":"%s","ChargeAmount":"11250.00"}]}]}""".formatted(firstCharge, firstCharge.plusMonths(1))),
                standardEula(),
                availability(today.plusDays(5)),
                support("Sessions cancelled by Acme are rescheduled or refunded in full."),
                release());
    }

    /** A draft Acme is still working on: targeted and priced, not yet released. */
    private static List<RequestedChange> draft(String productId, AccountId buyer, LocalDate today) {
        return List.of(
                create(productId),
                change("UpdateInformation", """
                        {"Name":"Initech — Acme Stream Processor pilot",
                         "Description":"Demo draft: waiting for Initech's cluster count."}"""),
                targeting(buyer),
                change("UpdatePricingTerms", """
                        {"PricingModel":"Usage","Terms":[{"Type":"UsageBasedPricingTerm","CurrencyCode":"USD",
                          "RateCards":[{"RateCard":[{"DimensionKey":"vcpu_hours","Price":"0.035"}]}]}]}"""),
                availability(today.plusDays(21)));
    }

    private void start(Party seller, List<RequestedChange> changes) {
        changeSets.start(DEMO, seller.id(), new StartChangeSet(changes, null, null, null));
    }

    private Optional<AccountId> managementAccount(String buyer) {
        return parties.findByName(buyer)
                .map(Party::id)
                .map(parties::accountsOf)
                .flatMap(accounts -> accounts.stream()
                        .filter(account -> account.kind() == Account.Kind.MANAGEMENT)
                        .map(Account::id)
                        .findFirst());
    }

    private static Optional<String> product(Map<String, String> idsByTitle, String title) {
        return Optional.ofNullable(idsByTitle.get(title));
    }

    private static RequestedChange create(String productId) {
        return new RequestedChange(
                "CreateOffer",
                Offer.ENTITY_TYPE,
                null,
                "Offer",
                JSON.readTree("{\"ProductId\":\"" + productId + "\"}"));
    }

    private static RequestedChange targeting(AccountId buyer) {
        return change("UpdateTargeting", """
                {"PositiveTargeting":{"BuyerAccounts":["%s"]}}""".formatted(buyer.value()));
    }

    private static RequestedChange standardEula() {
        return change("UpdateLegalTerms", """
                {"Terms":[{"Type":"LegalTerm","Documents":[{"Type":"StandardEula","Version":"%s"}]}]}""".formatted(STANDARD_CONTRACT));
    }

    private static RequestedChange availability(LocalDate date) {
        return change("UpdateAvailability", """
                {"AvailabilityEndDate":"%s"}""".formatted(date));
    }

    private static RequestedChange support(String refundPolicy) {
        return change("UpdateSupportTerms", """
                {"Terms":[{"Type":"SupportTerm","RefundPolicy":"%s"}]}""".formatted(refundPolicy));
    }

    private static RequestedChange release() {
        return change("ReleaseOffer", "{}");
    }

    private static RequestedChange change(String type, String details) {
        return new RequestedChange(type, Offer.ENTITY_TYPE, OFFER, null, JSON.readTree(details));
    }
}
