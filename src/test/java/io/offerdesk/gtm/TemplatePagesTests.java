package io.offerdesk.gtm;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.offers.OfferFixtures;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.SignedInSession;
import io.offerdesk.support.TestApi;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The template library's pages without a browser: create a clause and a version, see the redline, start an offer. */
@EndToEndTest
class TemplatePagesTests {

    static final String PASSWORD = "offerdesk-demo";

    @Autowired
    TestApi api;

    static String text(java.net.http.HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void anAuthorKeepsClausesAndStartsAnOfferFromATemplateOnThePages() {
        var author = new SignedInSession(api, OfferFixtures.AUTHOR, PASSWORD);
        var library = author.get("/templates");
        assertThat(library.statusCode()).isEqualTo(200);
        assertThat(text(library)).contains("Template library", "new-clause", "new-offer-template");

        var created = author.post(
                "/templates",
                "/templates/clauses",
                "kind=SLA&title=" + encode("Service levels") + "&text=" + encode("99.5 % monthly uptime."));
        assertThat(created.statusCode()).isEqualTo(302);
        var clausePage = created.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "");
        assertThat(clausePage).startsWith("/templates/clauses/clause-");
        assertThat(author.post(
                                clausePage,
                                clausePage + "/versions",
                                "title=" + encode("Service levels") + "&text=" + encode("99.9 % monthly uptime."))
                        .statusCode())
                .isEqualTo(302);
        var redline = text(author.get(clausePage + "?from=1&to=2"));
        assertThat(redline).contains("<del class=\"text-danger\">99.5</del>", "<ins class=\"text-success\">99.9</ins>");

        var invalid =
                author.post("/templates", "/templates/pricing", "name=x&shape=ANNUAL_IN_ADVANCE&durationMonths=7");
        assertThat(invalid.statusCode()).isEqualTo(302);
        assertThat(text(author.get("/templates"))).contains("whole years");

        var pricing = api.post("/api/v1/pricing-templates", OfferFixtures.AUTHOR, """
                        {"name":"12 monthly installments","shape":"MONTHLY_INSTALLMENTS","durationMonths":12}""")
                .json()
                .at("/id")
                .asString();
        var template = api.post(
                        "/api/v1/offer-templates",
                        OfferFixtures.AUTHOR,
                        "{\"name\":\"Monthly\",\"pricingTemplateId\":\"" + pricing + "\"}")
                .json()
                .at("/id")
                .asString();
        var templatePage = "/templates/offer-templates/" + template;
        var page = text(author.get(templatePage));
        assertThat(page).contains("start-offer", "Acme Insights");
        var productId = page.replaceAll("(?s).*<option value=\"(prod-[a-z0-9]{13})\">Acme Insights</option>.*", "$1");
        var started = author.post(
                templatePage,
                templatePage + "/offers",
                "productId=" + productId + "&buyerAccounts=" + OfferFixtures.GLOBEX_ACCOUNT
                        + "&contractPrice=1000.00&quantity=5&discountPercent=0&name=" + encode("From the page"));
        assertThat(started.statusCode()).isEqualTo(302);
        var offerPage = started.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "");
        assertThat(offerPage).matches("/offers/offer-[a-z0-9]{13}");
        var offer = api.get("/api/v1/offers/" + offerPage.substring("/offers/".length()), OfferFixtures.AUTHOR)
                .json()
                .at("/offer");
        assertThat(offer.at("/name").asString()).isEqualTo("From the page");
    }

    @Test
    void theLibraryIsInChineseToo() {
        var author = new SignedInSession(api, OfferFixtures.AUTHOR, PASSWORD);
        var response = author.get("/templates?lang=zh-CN");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(text(response)).contains("模板库", "报价模板");
    }
}
