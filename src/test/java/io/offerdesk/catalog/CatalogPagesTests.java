package io.offerdesk.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.TestApi;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The catalog pages as a browser uses them: signed in with a session, forms posted with the CSRF token. */
@EndToEndTest
class CatalogPagesTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern LOGIN_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    TestApi api;

    /** A signed-in browser session. */
    final class Browser {
        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        private String csrf = "";

        Browser(String email) {
            var login = get("/login");
            var token = LOGIN_CSRF.matcher(login.body());
            assertThat(token.find()).isTrue();
            var signedIn =
                    post("/login", Map.of("username", email, "password", "offerdesk-demo", "_csrf", token.group(1)));
            assertThat(signedIn.statusCode()).isEqualTo(302);
            assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        }

        HttpResponse<String> get(String path) {
            var response = send(
                    HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).GET());
            var token = CSRF.matcher(response.body());
            if (token.find()) {
                csrf = token.group(1);
            }
            return response;
        }

        HttpResponse<String> post(String path, Map<String, String> form) {
            var fields = new LinkedHashMap<>(form);
            fields.putIfAbsent("_csrf", csrf);
            var body = fields.entrySet().stream()
                    .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                    .collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static String encode(String text) {
            return URLEncoder.encode(text, StandardCharsets.UTF_8);
        }
    }

    @Test
    void sellerCreatesAProductThroughTheFormAndPricesIt() {
        var browser = new Browser("author@acme.example");
        assertThat(browser.get("/products").body()).contains("Acme Insights", "id=\"new-product\"");
        assertThat(browser.get("/products/new?type=AMI").body()).contains("delivery.amis[0].amiId");

        var title = "Form product " + UUID.randomUUID();
        var withRow = browser.post(
                "/products/new",
                Map.of("type", "SAAS", "title", title, "dimensions[0].key", "seats", "action", "addDimension"));
        assertThat(withRow.statusCode()).isEqualTo(200);
        assertThat(withRow.body()).contains("dimensions[1].key").contains(title);

        var rejected = browser.post(
                "/products/new",
                Map.of(
                        "type", "SAAS",
                        "title", title,
                        "shortDescription", "Made in a form",
                        "dimensions[0].key", "bad key",
                        "dimensions[0].name", "Seats",
                        "dimensions[0].unit", "Users",
                        "dimensions[0].type", "ENTITLED",
                        "delivery.fulfillmentUrl", "http://insecure.example",
                        "action", "save"));
        assertThat(rejected.statusCode()).isEqualTo(200);
        assertThat(rejected.body()).contains("must be an https URL").contains("must be 1 to 100 letters");

        var created = browser.post(
                "/products/new",
                Map.of(
                        "type", "SAAS",
                        "title", title,
                        "shortDescription", "Made in a form",
                        "categories", "Analytics, BI",
                        "dimensions[0].key", "seats",
                        "dimensions[0].name", "Seats",
                        "dimensions[0].unit", "Users",
                        "dimensions[0].type", "ENTITLED",
                        "delivery.fulfillmentUrl", "https://form.example/signup",
                        "action", "save"));
        assertThat(created.statusCode()).isEqualTo(302);
        var location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/products/prod-[a-z0-9]{13}");
        var path = URI.create(location).getPath();
        assertThat(browser.get(path).body()).contains(title, "https://form.example/signup", "Analytics");
        assertThat(browser.get(path + "/edit").body()).contains("value=\"seats\"");

        assertThat(browser.get(path + "/public-offer").statusCode()).isEqualTo(200);
        var priced = browser.post(
                path + "/public-offer",
                Map.of(
                        "version", "1",
                        "pricingModels", "CONTRACT",
                        "prices[0].model", "CONTRACT",
                        "prices[0].dimensionKey", "seats",
                        "prices[0].durationMonths", "12",
                        "prices[0].amount", "99.5",
                        "action", "save"));
        assertThat(priced.statusCode()).isEqualTo(302);
        assertThat(browser.get(path).body()).contains("99.50 USD", "visibility-PUBLIC");

        var published = browser.post(path + "/visibility", Map.of("visibility", "PUBLIC", "version", "2"));
        assertThat(published.statusCode()).isEqualTo(302);
        assertThat(browser.get(path).body()).contains("visibility-RESTRICTED");
    }

    @Test
    void showsPagesInChineseWhenAsked() {
        var browser = new Browser("admin@acme.example");
        assertThat(browser.get("/products?lang=zh-CN").body()).contains("产品", "新建产品");
        assertThat(browser.get("/standard-contracts").body()).contains("标准合同");
    }

    @Test
    void operatorSeesAllProductsAndPublishesAContractVersion() {
        var browser = new Browser("operator@offerdesk.example");
        assertThat(browser.get("/products").body()).contains("Acme Insights", "Nimbus Threat Guard");
        var list = browser.get("/standard-contracts");
        assertThat(list.body()).contains("Offerdesk Standard Contract", "create-contract");

        var title = "Page contract " + UUID.randomUUID();
        var created = browser.post("/standard-contracts", Map.of("title", title, "version", "1.0", "body", "First."));
        assertThat(created.statusCode()).isEqualTo(302);
        var path = URI.create(created.headers().firstValue("Location").orElseThrow())
                .getPath();
        assertThat(browser.get(path).body()).contains(title, "add-version");
        var bad = browser.post(path + "/versions", Map.of("version", "no spaces allowed", "body", "Second."));
        assertThat(bad.statusCode()).isEqualTo(302);
        assertThat(browser.get(path).body()).contains("must be 1 to 20 letters").contains("Second.");
        browser.post(path + "/versions", Map.of("version", "2.0", "body", "Second."));
        assertThat(browser.get(path).body()).contains("id=\"current-version\">2.0<");
    }

    @Test
    void buyersReadContractsButNotProducts() {
        var browser = new Browser("procurement@globex.example");
        assertThat(browser.get("/standard-contracts").body())
                .contains("Offerdesk Standard Contract")
                .doesNotContain("create-contract");
        assertThat(browser.get("/products/new").statusCode()).isEqualTo(403);
        var acme = api.get("/api/v1/products?limit=1", "admin@acme.example")
                .json()
                .at("/items/0/id")
                .asString();
        assertThat(browser.get("/products/" + acme).statusCode()).isEqualTo(404);
    }
}
