package io.offerdesk.agreements;

import static io.offerdesk.agreements.AgreementFixtures.AUTHOR;
import static io.offerdesk.agreements.AgreementFixtures.GLOBEX;
import static io.offerdesk.agreements.AgreementFixtures.GLOBEX_ACCOUNT;
import static io.offerdesk.agreements.AgreementFixtures.INITECH;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.offerdesk.offers.OfferFixtures;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.SignedInSession;
import io.offerdesk.support.TestApi;
import io.offerdesk.support.TestApi.Reply;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Entitlements as both sides see them after acceptance, GetEntitlements' filters, SaaS registration through the
 * seller's fulfillment URL (a local HTTP server plays the seller) and ResolveCustomer, and delivery details for the
 * entitled buyer only.
 */
// Moves the shared simulated clock forward: runs after the tests that do not (junit-platform.properties).
@Order(Order.DEFAULT + 2)
@EndToEndTest
class EntitlementTests {

    static final String NIMBUS = OfferFixtures.NIMBUS;
    static final String GLOBEX_SECOND_ACCOUNT = "400000000002";
    static final String PASSWORD = "offerdesk-demo";
    static final java.util.regex.Pattern CSRF = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    TestApi api;

    AgreementFixtures fixtures;
    HttpServer seller;
    BlockingQueue<Received> registrations = new LinkedBlockingQueue<>();

    record Received(String contentType, String body) {}

    @BeforeEach
    void fixtures() throws IOException {
        fixtures = new AgreementFixtures(api);
        seller = HttpServer.create(new InetSocketAddress(0), 0);
        seller.createContext("/register", exchange -> {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            registrations.add(new Received(exchange.getRequestHeaders().getFirst("Content-Type"), body));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        seller.start();
    }

    @AfterEach
    void stopSeller() {
        seller.stop(0);
    }

    @Test
    void acceptingAnOfferProvisionsOneEntitlementPerGrantedDimensionForBothSides() {
        var product = saasProduct();
        var offer = twoDimensionOffer(product, GLOBEX_ACCOUNT);
        var agreement = fixtures.buy(offer);
        assertThat(agreement.status()).as(agreement.body()).isEqualTo(201);
        var agreementId = agreement.json().at("/agreementId").asString();

        var entitlements = awaitEntitlements(agreementId, GLOBEX, 2);
        var stored = api.get("/api/v1/agreements/" + agreementId, GLOBEX).json();

        assertThat(dimension(entitlements, "analysts").at("/value/integerValue").asInt())
                .isEqualTo(10);
        assertThat(dimension(entitlements, "viewers").at("/value/booleanValue").asBoolean())
                .isTrue();
        for (var e : entitlements) {
            assertThat(e.at("/status").asString()).isEqualTo("PROVISIONED");
            assertThat(e.at("/statusReasonCode").asString()).isEqualTo("AGREEMENT_ACTIVE");
            assertThat(e.at("/resource/id").asString()).isEqualTo(product);
            assertThat(e.at("/resource/type").asString()).isEqualTo("SaaSProduct");
            assertThat(e.at("/type").asString()).isEqualTo("FixedUpfrontPricingTerm");
            assertThat(e.at("/licenseArn").asString())
                    .matches("arn:aws:license-manager::200000000001:license:l-[0-9a-f]{32}");
            assertThat(e.at("/customerIdentifier").asString()).matches("[A-Za-z0-9]{11}");
            assertThat(e.at("/customerAwsAccountId").asString()).isEqualTo(GLOBEX_ACCOUNT);
            assertThat(Instant.parse(e.at("/expirationDate").asString()))
                    .isEqualTo(Instant.parse(stored.at("/endTime").asString()));
        }
        assertThat(api.get("/api/v1/agreements/" + agreementId + "/entitlements", AUTHOR)
                        .json()
                        .at("/agreementEntitlements"))
                .hasSize(2);
        assertThat(api.get("/api/v1/agreements/" + agreementId + "/entitlements", INITECH)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/agreements/" + agreementId + "/entitlements", NIMBUS)
                        .status())
                .isEqualTo(404);

        var mine =
                api.get("/api/v1/buyer/entitlements?limit=100", GLOBEX).json().at("/entitlements");
        assertThat(mine.findValuesAsString("agreementId")).contains(agreementId);
    }

    @Test
    void getEntitlementsOrsValuesOfOneFilterAndAndsTheFilters() {
        var product = saasProduct();
        var first = fixtures.buy(twoDimensionOffer(product, GLOBEX_ACCOUNT));
        var quote = fixtures.quote(GLOBEX, twoDimensionOffer(product, GLOBEX_SECOND_ACCOUNT), GLOBEX_SECOND_ACCOUNT);
        assertThat(quote.status()).as(quote.body()).isEqualTo(201);
        var second =
                fixtures.accept(GLOBEX, quote.json().at("/agreementRequestId").asString());
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        var firstCustomer = awaitEntitlements(first.json().at("/agreementId").asString(), GLOBEX, 2)
                .get(0)
                .at("/customerIdentifier")
                .asString();
        awaitEntitlements(second.json().at("/agreementId").asString(), GLOBEX, 2);
        var base = "/api/v1/entitlements?productCode=" + product;

        assertThat(entitlements(base)).hasSize(4);
        var analysts = entitlements(base + "&dimension=analysts");
        assertThat(analysts).hasSize(2);
        assertThat(analysts)
                .allSatisfy(e -> assertThat(e.at("/dimension").asString()).isEqualTo("analysts"));
        assertThat(entitlements(base + "&dimension=analysts&dimension=viewers")).hasSize(4);
        var viewersOfSecond = entitlements(base + "&dimension=viewers&customerAwsAccountId=" + GLOBEX_SECOND_ACCOUNT);
        assertThat(viewersOfSecond).hasSize(1);
        assertThat(viewersOfSecond.getFirst().at("/value/booleanValue").asBoolean())
                .isTrue();
        assertThat(viewersOfSecond.getFirst().at("/productCode").asString()).isEqualTo(product);
        var ofFirstCustomer = entitlements(base + "&customerIdentifier=" + firstCustomer);
        assertThat(ofFirstCustomer).hasSize(2);
        assertThat(ofFirstCustomer)
                .allSatisfy(e ->
                        assertThat(e.at("/customerAwsAccountId").asString()).isEqualTo(GLOBEX_ACCOUNT));
        assertThat(entitlements(base + "&dimension=nothing")).isEmpty();

        var seen = new HashSet<String>();
        var next = "";
        var pages = 0;
        do {
            var page = api.get(base + "&maxResults=1" + next, AUTHOR);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json()
                    .at("/entitlements")
                    .forEach(e -> seen.add(e.at("/customerIdentifier").asString() + "/"
                            + e.at("/dimension").asString()));
            next = page.json().at("/nextToken").isString()
                    ? "&nextToken=" + page.json().at("/nextToken").asString()
                    : "";
            pages++;
        } while (!next.isEmpty() && pages < 10);
        assertThat(seen).hasSize(4);

        assertError(api.get(base + "&maxResults=26", AUTHOR), "maxResults");
        assertError(api.get(base + "&maxResults=0", AUTHOR), "maxResults");
        assertError(api.get(base + "&nextToken=bm9uc2Vuc2U", AUTHOR), "nextToken");
        assertError(
                api.get(
                        base + "&customerIdentifier=" + firstCustomer + "&customerAwsAccountId=" + GLOBEX_ACCOUNT,
                        AUTHOR),
                "customerAwsAccountId");
        assertThat(api.get(base, NIMBUS).status()).isEqualTo(404);
        assertThat(api.get(base, GLOBEX).status()).isEqualTo(404);
    }

    @Test
    void theSellerGetsTheRegistrationTokenAndResolvesItToTheBuyer() throws InterruptedException {
        var product = saasProduct();
        var agreement = fixtures.buy(fixtures.installmentOffer(product, GLOBEX_ACCOUNT));
        assertThat(agreement.status()).as(agreement.body()).isEqualTo(201);
        var entitlement = awaitEntitlements(agreement.json().at("/agreementId").asString(), AUTHOR, 1)
                .get(0);

        var posted = registrations.poll(60, TimeUnit.SECONDS);

        assertThat(posted)
                .as("the registration post to the seller's fulfillment URL")
                .isNotNull();
        assertThat(posted.contentType()).startsWith("application/x-www-form-urlencoded");
        assertThat(posted.body()).startsWith("x-amzn-marketplace-token=");
        var token = URLDecoder.decode(
                posted.body().substring("x-amzn-marketplace-token=".length()), StandardCharsets.UTF_8);
        var resolved = resolve(AUTHOR, token);
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertThat(resolved.json().at("/customerAwsAccountId").asString()).isEqualTo(GLOBEX_ACCOUNT);
        assertThat(resolved.json().at("/productCode").asString()).isEqualTo(product);
        assertThat(resolved.json().at("/customerIdentifier").asString())
                .isEqualTo(entitlement.at("/customerIdentifier").asString());
        assertThat(resolved.json().at("/licenseArn").asString())
                .isEqualTo(entitlement.at("/licenseArn").asString());

        assertError(resolve(NIMBUS, token), "registrationToken", "entitlement.INVALID_TOKEN");
        assertError(resolve(AUTHOR, "not-a-token-anyone-issued"), "registrationToken", "entitlement.INVALID_TOKEN");
        assertError(resolve(AUTHOR, "spaces are not allowed"), "registrationToken", "entitlement.INVALID_TOKEN");

        var setUp = api.post("/api/v1/buyer/entitlements/" + product + "/registration-token", GLOBEX, "");
        assertThat(setUp.status()).as(setUp.body()).isEqualTo(200);
        assertThat(setUp.json().at("/fulfillmentUrl").asString())
                .isEqualTo(fulfillmentUrl().replace("https:", "http:"));
        assertThat(setUp.json().at("/tokenField").asString()).isEqualTo("x-amzn-marketplace-token");
        var buttonToken = setUp.json().at("/registrationToken").asString();
        assertThat(resolve(AUTHOR, buttonToken).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/buyer/entitlements/" + product + "/registration-token", INITECH, "")
                        .status())
                .isEqualTo(404);

        advanceClockBy("PT31M");
        assertError(resolve(AUTHOR, buttonToken), "registrationToken", "entitlement.EXPIRED_TOKEN");
    }

    @Test
    void deliveryDetailsAndTheLicenseAreShownOnlyToTheEntitledBuyer() {
        var saas = saasProduct();
        fixtures.buy(fixtures.installmentOffer(saas, GLOBEX_ACCOUNT));
        var ami = amiProduct();
        var amiAgreement = fixtures.buy(twoDimensionOffer(ami, GLOBEX_ACCOUNT));
        assertThat(amiAgreement.status()).as(amiAgreement.body()).isEqualTo(201);
        var amiEntitlement = awaitEntitlements(
                        amiAgreement.json().at("/agreementId").asString(), GLOBEX, 2)
                .get(0);
        awaitDelivery(saas);

        var delivery = api.get("/api/v1/buyer/entitlements/" + ami + "/delivery", GLOBEX);

        assertThat(delivery.status()).as(delivery.body()).isEqualTo(200);
        assertThat(delivery.json().at("/productType").asString()).isEqualTo("AMI");
        assertThat(delivery.json().at("/delivery/amis/0/amiId").asString()).isEqualTo("ami-0123456789abcdef0");
        assertThat(delivery.json().at("/delivery/amis/0/region").asString()).isEqualTo("eu-central-1");
        assertThat(delivery.json().at("/delivery/usageInstructions").asString())
                .isEqualTo("Launch it with at least 8 GB of memory.");
        assertThat(delivery.json().at("/licenses/0/licenseArn").asString())
                .isEqualTo(amiEntitlement.at("/licenseArn").asString());
        assertThat(delivery.json().at("/licenses/0/customerAwsAccountId").asString())
                .isEqualTo(GLOBEX_ACCOUNT);
        var saasDelivery = api.get("/api/v1/buyer/entitlements/" + saas + "/delivery", GLOBEX);
        assertThat(saasDelivery.json().at("/delivery/fulfillmentUrl").asString())
                .isEqualTo(fulfillmentUrl());

        assertThat(api.get("/api/v1/buyer/entitlements/" + ami + "/delivery", INITECH)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/buyer/entitlements/" + saas + "/delivery", INITECH)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/buyer/entitlements/" + ami + "/delivery", AUTHOR)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/buyer/entitlements/" + amiProduct() + "/delivery", GLOBEX)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void pagesShowTheBuyerItsEntitlementsAndTheSellerItsCustomers() {
        var product = saasProduct();
        var agreement = fixtures.buy(twoDimensionOffer(product, GLOBEX_ACCOUNT));
        var agreementId = agreement.json().at("/agreementId").asString();
        var customer = awaitEntitlements(agreementId, GLOBEX, 2)
                .get(0)
                .at("/customerIdentifier")
                .asString();
        var globex = new SignedInSession(api, GLOBEX, PASSWORD);

        assertThat(html(globex.get("/buyer/entitlements?lang=en")))
                .contains("data-agreement-id=\"" + agreementId + "\"", "Provisioned", "Unlimited");
        var delivery = html(globex.get("/buyer/entitlements/" + product + "?lang=zh-CN"));
        assertThat(delivery).contains("设置您的账户", "arn:aws:license-manager::200000000001:license:l-");
        var csrf = CSRF.matcher(delivery);
        assertThat(csrf.find()).isTrue();

        var page = html(globex.post("/buyer/entitlements/" + product + "/setup", "_csrf=" + csrf.group(1)));

        // The browser posts the token to the seller's page, and nothing of Offerdesk's session goes with it.
        var form = page.substring(page.indexOf("id=\"registration\""));
        var setUp = form.substring(0, form.indexOf("</form>"));
        assertThat(setUp)
                .contains("action=\"" + fulfillmentUrl().replace("https:", "http:") + "\"")
                .contains("name=\"x-amzn-marketplace-token\"")
                .doesNotContain("_csrf");
        var initech = new SignedInSession(api, INITECH, PASSWORD);
        assertThat(initech.get("/buyer/entitlements/" + product).statusCode()).isEqualTo(404);

        var seller = html(new SignedInSession(api, AUTHOR, PASSWORD)
                .get("/entitlements?lang=en&productCode=" + product + "&dimension=analysts"));
        assertThat(seller).contains(customer, GLOBEX_ACCOUNT).doesNotContain("<code>viewers</code>");
        assertThat(html(new SignedInSession(api, AUTHOR, PASSWORD)
                        .get("/entitlements?lang=en&productCode=" + product + "&customerIdentifier=x"
                                + "&customerAwsAccountId=" + GLOBEX_ACCOUNT)))
                .contains("not both");
    }

    private static String html(java.net.http.HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static JsonNode dimension(List<JsonNode> entitlements, String key) {
        return entitlements.stream()
                .filter(e -> e.at("/dimension").asString().equals(key))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no entitlement to " + key));
    }

    private String fulfillmentUrl() {
        return "https://localhost:" + seller.getAddress().getPort() + "/register";
    }

    /** A SaaS product with two entitled dimensions whose fulfillment URL is this test's seller server. */
    private String saasProduct() {
        return product("""
                {"type":"SAAS","title":"%s","shortDescription":"Analytics for entitlement tests",
                 "dimensions":[{"key":"analysts","name":"Analysts","unit":"Users","type":"ENTITLED"},
                               {"key":"viewers","name":"Viewers","unit":"Users","type":"ENTITLED"}],
                 "fulfillmentUrl":"%s",
                 "publicOffer":{"pricingModels":["CONTRACT"],
                   "prices":[{"model":"CONTRACT","dimensionKey":"analysts","durationMonths":12,"amount":"1200","currency":"USD"},
                             {"model":"CONTRACT","dimensionKey":"viewers","durationMonths":12,"amount":"120","currency":"USD"}]}}""".formatted(OfferFixtures.unique("Entitled product"), fulfillmentUrl()));
    }

    private String amiProduct() {
        return product("""
                {"type":"AMI","title":"%s","shortDescription":"An appliance for entitlement tests",
                 "dimensions":[{"key":"analysts","name":"Analyst seats","unit":"Units","type":"ENTITLED"},
                               {"key":"viewers","name":"Viewer seats","unit":"Units","type":"ENTITLED"}],
                 "delivery":{"amis":[{"amiId":"ami-0123456789abcdef0","region":"eu-central-1","operatingSystem":"Amazon Linux 2023"}],
                             "usageInstructions":"Launch it with at least 8 GB of memory."},
                 "publicOffer":{"pricingModels":["CONTRACT"],
                   "prices":[{"model":"CONTRACT","dimensionKey":"analysts","durationMonths":12,"amount":"876","currency":"USD"},
                             {"model":"CONTRACT","dimensionKey":"viewers","durationMonths":12,"amount":"87","currency":"USD"}]}}""".formatted(OfferFixtures.unique("Entitled appliance")));
    }

    private String product(String json) {
        var created = api.post("/api/v1/products", AUTHOR, json);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().at("/id").asString();
    }

    /** Acme's 12-installment offer, granting 10 analysts and unlimited viewers. */
    private String twoDimensionOffer(String productId, String account) {
        var changes = fixtures.offers().privateOffer(productId, OfferFixtures.unique("Offer"), account, null).stream()
                .map(change -> change.contains("\"UpdatePricingTerms\"")
                        ? change.replace(
                                "[{\"DimensionKey\":\"analysts\",\"MaxQuantity\":10}]",
                                "[{\"DimensionKey\":\"analysts\",\"MaxQuantity\":10},{\"DimensionKey\":\"viewers\"}]")
                        : change)
                .toList();
        return fixtures.released(changes);
    }

    /** Entitlements appear once the acceptance's event has been handled, moments after the acceptance. */
    private List<JsonNode> awaitEntitlements(String agreementId, String email, int expected) {
        for (int i = 0; i < 600; i++) {
            var read = api.get("/api/v1/agreements/" + agreementId + "/entitlements", email);
            assertThat(read.status()).as(read.body()).isEqualTo(200);
            var found = new ArrayList<JsonNode>();
            read.json().at("/agreementEntitlements").forEach(found::add);
            if (found.size() >= expected) {
                assertThat(found).hasSize(expected);
                return found;
            }
            pause();
        }
        throw new AssertionError("agreement " + agreementId + " got no entitlements");
    }

    private void awaitDelivery(String productId) {
        for (int i = 0; i < 600; i++) {
            if (api.get("/api/v1/buyer/entitlements/" + productId + "/delivery", GLOBEX)
                            .status()
                    == 200) {
                return;
            }
            pause();
        }
        throw new AssertionError("no delivery for " + productId);
    }

    private List<JsonNode> entitlements(String path) {
        var reply = api.get(path, AUTHOR);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        var found = new ArrayList<JsonNode>();
        reply.json().at("/entitlements").forEach(found::add);
        return found;
    }

    private Reply resolve(String email, String token) {
        return api.post("/api/v1/saas/resolve-customer", email, "{\"registrationToken\":\"" + token + "\"}");
    }

    private void advanceClockBy(String duration) {
        var moved = api.post(
                "/api/v1/simulation/clock/advance", "operator@offerdesk.example", "{\"by\":\"" + duration + "\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    }

    private static void assertError(Reply reply, String field) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(422);
        assertThat(reply.json().at("/errors/0/field").asString()).isEqualTo(field);
    }

    private static void assertError(Reply reply, String field, String code) {
        assertError(reply, field);
        assertThat(reply.json().at("/errors/0/code").asString()).isEqualTo(code);
    }

    private static void pause() {
        try {
            Thread.sleep(25);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
