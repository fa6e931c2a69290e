package io.offerdesk.agreements;

import static io.offerdesk.agreements.AgreementFixtures.AUTHOR;
import static io.offerdesk.agreements.AgreementFixtures.GLOBEX;
import static io.offerdesk.agreements.AgreementFixtures.GLOBEX_ACCOUNT;
import static io.offerdesk.agreements.AgreementFixtures.INITECH;
import static io.offerdesk.offers.OfferFixtures.change;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.platform.PrincipalSource;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.SignedInSession;
import io.offerdesk.support.TestApi;
import io.offerdesk.support.TestApi.Reply;
import jakarta.servlet.ServletContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.ISpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;
import tools.jackson.databind.JsonNode;

/**
 * Agreements on the simulated clock: a future-dated agreement starts on its date, an auto-renewing one renews with its
 * price increase until its renewals run out, an opt-out by either side makes it expire, and the lockout freezes it.
 * The clock is shared and only moves forward, so every date is computed from the current simulated time.
 */
// Moves the shared simulated clock forward: runs after the tests that do not (junit-platform.properties).
@Order(Order.DEFAULT + 5)
@EndToEndTest
class LifecycleTests {

    static final String OPERATOR = "operator@offerdesk.example";
    static final String O = "$O.Entity.Identifier";

    @Autowired
    TestApi api;

    @Autowired
    Agreements agreements;

    @Autowired
    PrincipalSource principals;

    @Autowired
    ISpringTemplateEngine templates;

    @Autowired
    ServletContext servletContext;

    @Autowired
    ApplicationContext applicationContext;

    AgreementFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new AgreementFixtures(api);
    }

    @Test
    void aFutureDatedAgreementStartsAndChargesOnItsStartDate() {
        var today = fixtures.offers().today();
        var start = today.plusDays(10);
        var offerId = fixtures.released(List.of(
                change("CreateOffer", null, "O", "{\"ProductId\":\"" + fixtures.saasProduct() + "\"}"),
                change("UpdateInformation", O, null, "{\"Name\":\"Future dated\",\"Description\":\"Starts later\"}"),
                targeting(),
                change("UpdatePricingTerms", O, null, """
                        {"PricingModel":"Contract","Terms":[{"Type":"FixedUpfrontPricingTerm","CurrencyCode":"USD",\
                        "Price":"0.00","Grants":[{"DimensionKey":"analysts","MaxQuantity":10}]}]}"""),
                change("UpdateValidityTerms", O, null, """
                        {"Terms":[{"Type":"ValidityTerm","AgreementStartDate":"%s","AgreementDuration":"P12M"}]}""".formatted(start)),
                change("UpdatePaymentScheduleTerms", O, null, """
                        {"Terms":[{"Type":"PaymentScheduleTerm","CurrencyCode":"USD","Schedule":[\
                        {"ChargeDate":"%s","ChargeAmount":"500.00"},{"ChargeDate":"%s","ChargeAmount":"700.00"}]}]}""".formatted(start, start.plusMonths(1))),
                legal(),
                change("UpdateAvailability", O, null, "{\"AvailabilityEndDate\":\"" + today.plusDays(5) + "\"}"),
                support(),
                change("ReleaseOffer", O, null, "{}")));

        var accepted = fixtures.buy(offerId);

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        var id = accepted.json().at("/agreementId").asString();
        var startTime = Instant.parse(accepted.json().at("/startTime").asString());
        assertThat(startTime).isEqualTo(start + "T00:00:00Z");
        assertThat(Instant.parse(accepted.json().at("/acceptanceTime").asString()))
                .isBefore(startTime);
        assertThat(renewal(id, GLOBEX).at("/started").asBoolean()).isFalse();
        assertThat(chargeStates(agreement(id))).containsExactly("SCHEDULED", "SCHEDULED");

        advanceTo(startTime.plus(Duration.ofHours(1)));

        var started = renewal(id, GLOBEX);
        assertThat(started.at("/started").asBoolean()).isTrue();
        // Announced at the first run of the clock's work at or after the start: the simulation stops right there.
        assertThat(Instant.parse(started.at("/startAnnouncedAt").asString()))
                .isBetween(startTime, startTime.plus(Duration.ofHours(1)));
        assertThat(chargeStates(agreement(id))).containsExactly("DUE", "SCHEDULED");
        var audit = api.get("/api/v1/audit/entries?entityType=agreement&entityId=" + id, OPERATOR);
        assertThat(audit.json().findValuesAsString("action")).contains("AgreementStarted");
    }

    @Test
    void renewsWithThePriceIncreaseUntilTheRenewalsRunOut() {
        var id = buyRenewing(renewalTerm("P5D", null, 2, "{\"Type\":\"FixedPercentage\",\"Value\":\"10.00\"}"));
        var first = agreement(id);
        assertThat(first.at("/estimatedCharges/agreementValue").asString()).isEqualTo("200.00");
        var info = renewal(id, GLOBEX);
        assertThat(info.at("/endTimeBehavior/type").asString()).isEqualTo("RENEW");
        assertThat(info.at("/renewalValue/amount").asString()).isEqualTo("220.00");
        assertThat(info.at("/renewalsLeft").asInt()).isEqualTo(2);
        assertThat(Instant.parse(info.at("/renewalTime").asString()))
                .isEqualTo(endOf(first).plusMillis(1));

        var chain = new ArrayList<JsonNode>();
        chain.add(first);
        for (int i = 0; i < 3; i++) {
            advanceTo(endOf(chain.getLast()).plus(Duration.ofMinutes(1)));
            var ended = agreement(chain.getLast().at("/agreementId").asString());
            chain.set(chain.size() - 1, ended);
            if (i < 2) {
                assertThat(ended.at("/status").asString()).isEqualTo("RENEWED");
                chain.add(agreement(successorOf(ended)));
            }
        }

        assertThat(chain).extracting(a -> a.at("/status").asString()).containsExactly("RENEWED", "RENEWED", "EXPIRED");
        assertThat(chain)
                .extracting(a -> a.at("/initialAgreementId").asString())
                .containsOnly(id);
        assertThat(chain).extracting(a -> a.at("/renewals").asInt()).containsExactly(0, 1, 2);
        assertThat(chain)
                .extracting(a -> a.at("/estimatedCharges/agreementValue").asString())
                .containsExactly("200.00", "220.00", "242.00");
        assertThat(chain.get(2).at("/endTimeBehavior/reasonCode").asString()).isEqualTo("RENEWAL_LIMIT_EXHAUSTED");
        assertThat(Instant.parse(chain.get(1).at("/startTime").asString()))
                .isEqualTo(endOf(chain.get(0)).plusMillis(1));
        assertThat(chargeStates(chain.get(1))).containsExactly("DUE");
        assertThat(renewal(id, AUTHOR).at("/noticeSentAt").isString()).isTrue();
        var sellerChain = api.get("/api/v1/agreements?initialAgreementId=" + id, AUTHOR);
        assertThat(sellerChain.json().at("/agreements")).hasSize(3);
    }

    @Test
    void anOptOutByEitherSideMakesTheAgreementExpire() {
        var term = renewalTerm("P5D", null, null, "{\"Type\":\"FixedPercentage\",\"Value\":\"5.00\"}");
        var buyers = buyRenewing(term);
        var sellers = buyRenewing(term);
        assertThat(api.post("/api/v1/agreements/" + buyers + "/renewal/opt-out", INITECH, "")
                        .status())
                .isEqualTo(404);

        var byBuyer = api.post("/api/v1/agreements/" + buyers + "/renewal/opt-out", GLOBEX, "");
        var bySeller = api.post("/api/v1/agreements/" + sellers + "/renewal/opt-out", AUTHOR, "");

        assertThat(byBuyer.status()).as(byBuyer.body()).isEqualTo(200);
        assertThat(byBuyer.json().at("/optedOutBy").asString()).isEqualTo("ACCEPTOR");
        assertThat(byBuyer.json().at("/endTimeBehavior/reasonCode").asString()).isEqualTo("ACCEPTOR_RENEW_OPTED_OUT");
        assertThat(bySeller.status()).as(bySeller.body()).isEqualTo(200);
        assertThat(bySeller.json().at("/endTimeBehavior/reasonCode").asString()).isEqualTo("PROPOSER_RENEW_OPTED_OUT");
        // The opt-out is final; asking again changes nothing, whoever asks.
        var again = api.post("/api/v1/agreements/" + sellers + "/renewal/opt-out", GLOBEX, "");
        assertThat(again.json().at("/optedOutBy").asString()).isEqualTo("PROPOSER");
        var upcoming = api.get("/api/v1/agreements/renewals/upcoming?days=60", AUTHOR);
        assertThat(upcoming.json().findValuesAsString("agreementId")).doesNotContain(buyers, sellers);

        advanceTo(endOf(agreement(sellers)).plus(Duration.ofMinutes(1)));

        for (var id : List.of(buyers, sellers)) {
            var ended = agreement(id);
            assertThat(ended.at("/status").asString()).isEqualTo("EXPIRED");
            assertThat(api.get("/api/v1/agreements?initialAgreementId=" + id, GLOBEX)
                            .json()
                            .at("/agreements"))
                    .hasSize(1);
        }
    }

    @Test
    void refusesAnOptOutInsideTheLockoutWithItsReasonAndLetsTheSellerPriceTheRangeBeforeIt() {
        var range = "{\"Type\":\"PercentageRange\",\"Range\":{\"MinValue\":\"0.00\",\"MaxValue\":\"10.00\","
                + "\"DefaultValue\":\"3.00\"}}";
        var id = buyRenewing(renewalTerm("P5D", "P10D", null, range));
        var path = "/api/v1/agreements/" + id + "/renewal/price-increase";
        assertThat(api.put(path, GLOBEX, "{\"priceIncrease\":5}").status()).isEqualTo(403);
        var tooHigh = api.put(path, AUTHOR, "{\"priceIncrease\":12}");
        assertThat(tooHigh.status()).isEqualTo(422);
        assertThat(tooHigh.json().at("/errors/0/field").asString()).isEqualTo("priceIncrease");
        var chosen = api.put(path, AUTHOR, "{\"priceIncrease\":7}");
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
        assertThat(chosen.json().at("/renewalValue/amount").asString()).isEqualTo("214.00");
        var upcoming = api.get("/api/v1/agreements/renewals/upcoming?days=60", AUTHOR);
        assertThat(upcoming.json().findValuesAsString("agreementId")).contains(id);
        var page = new SignedInSession(api, AUTHOR, "offerdesk-demo").get("/agreements/renewals?days=60");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains(id, "USD 214.00", "Upcoming renewals");

        var section = renewalSection(id);
        assertThat(section).contains("Renews automatically", "USD 214.00 (+7%)", "renewal-opt-out");
        assertThat(section).doesNotContain("renewal-price-increase");

        var end = endOf(agreement(id));
        advanceTo(end.minus(Duration.ofDays(2)));
        var refused = api.post("/api/v1/agreements/" + id + "/renewal/opt-out", GLOBEX, "");

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().at("/errors/0/code").asString()).isEqualTo("agreement.RENEWAL_LOCKOUT_PERIOD");
        assertThat(renewal(id, GLOBEX).at("/endTimeBehavior/type").asString()).isEqualTo("RENEW");
        advanceTo(end.plus(Duration.ofMinutes(1)));
        var renewed = agreement(successorOf(agreement(id)));
        assertThat(renewed.at("/estimatedCharges/agreementValue").asString()).isEqualTo("214.00");
    }

    /**
     * The renewal section of the agreement's page as Globex's procurement user sees it: the fragment rendered with the
     * application's template engine, as the agreement page that includes it renders it.
     */
    private String renewalSection(String id) {
        var buyer = principals.findLogin(GLOBEX).orElseThrow().principal();
        var request = new MockHttpServletRequest(servletContext, "GET", "/agreements/" + id);
        var exchange = JakartaServletWebApplication.buildApplication(servletContext)
                .buildExchange(request, new MockHttpServletResponse());
        var context = new WebContext(exchange, Locale.ENGLISH);
        context.setVariable("agreement", agreements.agreement(buyer, id));
        context.setVariable(
                ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(applicationContext, null));
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        buyer, null, List.of(new SimpleGrantedAuthority("ROLE_PROCUREMENT"))));
        try {
            return templates.process("agreements/renewal", Set.of("renewal"), context);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Buys Acme's one-month, auto-renewing contract for two analysts at 100.00 each; returns the agreement id. */
    private String buyRenewing(String renewalTerm) {
        var offerId = fixtures.released(List.of(
                change("CreateOffer", null, "O", "{\"ProductId\":\"" + fixtures.saasProduct() + "\"}"),
                change("UpdateInformation", O, null, "{\"Name\":\"Renewing\",\"Description\":\"Monthly\"}"),
                targeting(),
                change("UpdatePricingTerms", O, null, """
                        {"PricingModel":"Contract","Terms":[{"Type":"ConfigurableUpfrontPricingTerm",\
                        "CurrencyCode":"USD","RateCards":[{"Selector":{"Type":"Duration","Value":"P1M"},\
                        "Constraints":{"MultipleDimensionSelection":"Allowed","QuantityConfiguration":"Allowed"},\
                        "RateCard":[{"DimensionKey":"analysts","Price":"100.00"}]}]}]}"""),
                legal(),
                change(
                        "UpdateAvailability",
                        O,
                        null,
                        "{\"AvailabilityEndDate\":\""
                                + fixtures.offers().today().plusDays(5) + "\"}"),
                support(),
                change("UpdateRenewalTerms", O, null, "{\"Terms\":[" + renewalTerm + "]}"),
                change("ReleaseOffer", O, null, "{}")));
        var quote = fixtures.quote(GLOBEX, """
                {"offerId":"%s","accountId":"%s","selectorValue":"P1M","dimensions":{"analysts":2}}""".formatted(offerId, GLOBEX_ACCOUNT));
        assertThat(quote.status()).as(quote.body()).isEqualTo(201);
        var accepted =
                fixtures.accept(GLOBEX, quote.json().at("/agreementRequestId").asString());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        return accepted.json().at("/agreementId").asString();
    }

    private static String renewalTerm(
            String lockout, @Nullable String deadline, @Nullable Integer maxRenewals, String increase) {
        return "{\"Type\":\"RenewalTerm\",\"LockoutPeriod\":\"" + lockout + "\""
                + (deadline == null ? "" : ",\"AdjustmentDeadline\":\"" + deadline + "\"")
                + (maxRenewals == null ? "" : ",\"MaxRenewals\":" + maxRenewals)
                + ",\"PriceIncrease\":" + increase + "}";
    }

    private static String targeting() {
        return change(
                "UpdateTargeting", O, null, "{\"PositiveTargeting\":{\"BuyerAccounts\":[\"" + GLOBEX_ACCOUNT + "\"]}}");
    }

    private static String legal() {
        return change(
                "UpdateLegalTerms",
                O,
                null,
                "{\"Terms\":[{\"Type\":\"LegalTerm\",\"Documents\":[{\"Type\":\"StandardEula\",\"Version\":\"1.0\"}]}]}");
    }

    private static String support() {
        return change(
                "UpdateSupportTerms",
                O,
                null,
                "{\"Terms\":[{\"Type\":\"SupportTerm\",\"RefundPolicy\":\"Refunds within 30 days.\"}]}");
    }

    private JsonNode agreement(String id) {
        var read = api.get("/api/v1/agreements/" + id, GLOBEX);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        return read.json();
    }

    private JsonNode renewal(String id, String email) {
        Reply read = api.get("/api/v1/agreements/" + id + "/renewal", email);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        return read.json();
    }

    private String successorOf(JsonNode ended) {
        return renewal(ended.at("/agreementId").asString(), GLOBEX)
                .at("/renewedAs")
                .asString();
    }

    private static Instant endOf(JsonNode agreement) {
        return Instant.parse(agreement.at("/endTime").asString());
    }

    private static List<String> chargeStates(JsonNode agreement) {
        return agreement.at("/charges").findValuesAsString("state");
    }

    /** Moves the shared simulated clock to {@code target}, or leaves it where it is if it is already past it. */
    private void advanceTo(Instant target) {
        var now = Instant.parse(
                api.get("/api/v1/simulation/clock", OPERATOR).json().at("/now").asString());
        if (now.isBefore(target)) {
            var moved = api.post("/api/v1/simulation/clock/advance", OPERATOR, "{\"to\":\"" + target + "\"}");
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        }
    }
}
