package io.offerdesk.gtm;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.offers.OfferFixtures;
import io.offerdesk.platform.PrincipalSource;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.Redelivery;
import io.offerdesk.support.TestApi;
import io.offerdesk.support.TestApi.Reply;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import tools.jackson.databind.JsonNode;

/**
 * The template library over REST as an author uses it: clause versions and their redline, a EULA template composed
 * and rendered to PDF, and a full draft offer from an offer template in one step, with its checklist.
 */
@EndToEndTest
class TemplateLibraryTests {

    static final String AUTHOR = OfferFixtures.AUTHOR;
    static final String APPROVER = "approver@acme.example";
    static final String NIMBUS = OfferFixtures.NIMBUS;
    static final String GLOBEX = OfferFixtures.GLOBEX;

    @Autowired
    TestApi api;

    @Autowired
    OfferChecklists checklists;

    @Autowired
    PrincipalSource principals;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IncompleteEventPublications publications;

    Reply post(String path, String email, String body) {
        return api.post(path, email, body);
    }

    JsonNode created(String path, String body) {
        var reply = post(path, AUTHOR, body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }

    static List<String> texts(JsonNode segments, String op) {
        var texts = new ArrayList<String>();
        for (var segment : segments) {
            if (segment.at("/op").asString().equals(op)) {
                texts.add(segment.at("/text").asString());
            }
        }
        return texts;
    }

    String clause(String kind, String title, String text) {
        return created("/api/v1/eula-clauses", """
                        {"kind":"%s","title":"%s","text":"%s"}""".formatted(kind, title, text))
                .at("/id")
                .asString();
    }

    @Test
    void clauseVersionsComposeIntoEulaTemplateVersionsWithRedlinesAndPdf() throws Exception {
        var cap = clause("LIABILITY_CAP", "Liability cap", "Liability is capped at the fees paid in twelve months.");
        var v2 = created("/api/v1/eula-clauses/" + cap + "/versions", """
                {"title":"Liability cap","text":"Liability is capped at twice the fees paid in twelve months."}""");
        assertThat(v2.at("/version").asInt()).isEqualTo(2);
        var dpa = clause("DATA_PROTECTION", "Data processing addendum", "Buyer data stays in the EU.");

        var clauseRedline = api.get("/api/v1/eula-clauses/" + cap + "/redline?from=1&to=2", AUTHOR);
        assertThat(clauseRedline.status()).isEqualTo(200);
        assertThat(texts(clauseRedline.json().at("/segments"), "INSERT")).containsExactly("twice ");
        assertThat(texts(clauseRedline.json().at("/segments"), "DELETE")).isEmpty();

        var first = created("/api/v1/eula-templates", """
                {"name":"Enterprise EULA","clauses":[{"clauseId":"%s","version":1},{"clauseId":"%s"}]}""".formatted(cap, dpa));
        var template = first.at("/templateId").asString();
        assertThat(first.at("/version").asInt()).isEqualTo(1);
        var headings = new ArrayList<String>();
        first.at("/sections").forEach(s -> headings.add(s.at("/heading").asString()));
        assertThat(headings).containsSubsequence("License and use", "Data processing addendum", "Liability cap");
        assertThat(headings).doesNotContain("Limitation of liability", "Data protection");

        var second = created("/api/v1/eula-templates/" + template + "/versions", """
                {"name":"Enterprise EULA","clauses":[{"clauseId":"%s","version":2},{"clauseId":"%s"}]}""".formatted(cap, dpa));
        assertThat(second.at("/version").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/eula-templates/" + template, AUTHOR)
                        .json()
                        .at("/versions")
                        .size())
                .isEqualTo(2);

        var eulaRedline = api.get("/api/v1/eula-templates/" + template + "/redline?from=1&to=2", AUTHOR);
        assertThat(eulaRedline.status()).isEqualTo(200);
        assertThat(texts(eulaRedline.json().at("/segments"), "INSERT")).containsExactly("twice ");

        var pdf = pdf("/api/v1/eula-templates/" + template + "/versions/2/pdf", AUTHOR);
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        try (var document = Loader.loadPDF(pdf)) {
            var text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Liability is capped at twice the fees paid in twelve months.");
            assertThat(text).contains("Buyer data stays in the EU.");
            assertThat(text).contains("Term and termination");
        }

        // Another seller does not see any of it; a buyer may not use a template library.
        assertThat(api.get("/api/v1/eula-clauses/" + cap, NIMBUS).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/eula-templates/" + template + "/redline?from=1&to=2", NIMBUS)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/eula-templates/" + template + "/versions/1/pdf", NIMBUS)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/eula-clauses", GLOBEX).status()).isEqualTo(403);
        assertThat(post("/api/v1/eula-clauses", APPROVER, "{\"kind\":\"SLA\",\"title\":\"t\",\"text\":\"t\"}")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aNewOfferStartsFromAnOfferTemplateInOneStep() throws Exception {
        var fixtures = new OfferFixtures(api);
        var cap = clause("LIABILITY_CAP", "Liability cap", "Liability is capped at the fees paid in one year.");
        var eula = created("/api/v1/eula-templates", """
                        {"name":"Startup EULA","clauses":[{"clauseId":"%s"}]}""".formatted(cap))
                .at("/templateId")
                .asString();
        var pricing = created("/api/v1/pricing-templates", """
                {"name":"36 months, annual in advance","shape":"ANNUAL_IN_ADVANCE","durationMonths":36}""");
        assertThat(pricing.at("/terms/PaymentScheduleTerm/Schedule").asString()).isEqualTo("{{schedule:3:P12M}}");
        var checklist = created("/api/v1/checklists", """
                        {"name":"Enterprise risk","items":[
                          {"key":"security-review","text":"Security review report","requirement":"EVIDENCE"},
                          {"key":"legal","text":"Legal has read the EULA","requirement":"SIGN_OFF"}]}""").at("/id").asString();
        var form = created("/api/v1/approval-forms", """
                        {"name":"Discount approval","fields":[
                          {"key":"justification","label":"Why this discount?","required":true},
                          {"key":"competitor","label":"Competitor","required":false}]}""").at("/id").asString();
        var offerTemplate = created(
                "/api/v1/offer-templates", """
                {"name":"Enterprise 3-year","eulaTemplateId":"%s","pricingTemplateId":"%s","approvalFormId":"%s",
                 "checklistId":"%s","expiryDays":30}""".formatted(eula, pricing.at("/id").asString(), form, checklist));
        var templateId = offerTemplate.at("/id").asString();
        assertThat(offerTemplate.at("/eulaVersion").asInt()).isEqualTo(1);

        var name = OfferFixtures.unique("Template");
        var started = post("/api/v1/offer-templates/" + templateId + "/offers", AUTHOR, """
                {"productId":"%s","buyerAccounts":["%s"],"name":"%s","discountPercent":30,"quantity":10}""".formatted(
                        fixtures.productId("Acme Insights"), OfferFixtures.GLOBEX_ACCOUNT, name));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertThat(started.json().at("/status").asString()).isEqualTo("SUCCEEDED");
        assertThat(started.json().at("/templateVersion").asInt()).isEqualTo(1);
        var offerId = started.json().at("/offerId").asString();

        var offer = api.get("/api/v1/offers/" + offerId, AUTHOR).json().at("/offer");
        assertThat(offer.at("/state").asString()).isEqualTo("Draft");
        assertThat(offer.at("/name").asString()).isEqualTo(name);
        assertThat(offer.at("/buyerAccounts/0").asString()).isEqualTo(OfferFixtures.GLOBEX_ACCOUNT);
        assertThat(offer.at("/availabilityEndDate").asString())
                .isEqualTo(fixtures.today().plusDays(30).toString());
        var terms = offer.at("/details/Terms");
        var schedule = term(terms, "PaymentScheduleTerm").at("/Schedule");
        assertThat(schedule.size()).isEqualTo(3);
        var total = BigDecimal.ZERO;
        for (var charge : schedule) {
            total = total.add(new BigDecimal(charge.at("/ChargeAmount").asString()));
        }
        // Acme Insights lists analysts at 1200 and viewers at 240 a year: 3 years x 10 units x 70 %.
        assertThat(total).isEqualByComparingTo("30240.00");
        assertThat(term(terms, "ValidityTerm").at("/AgreementDuration").asString())
                .isEqualTo("P36M");
        assertThat(term(terms, "FixedUpfrontPricingTerm").at("/Grants").size()).isEqualTo(2);
        var legal = term(terms, "LegalTerm").at("/Documents/0");
        assertThat(legal.at("/Type").asString()).isEqualTo("CustomEula");
        var eulaPdf = pdf("/api/v1/offers/" + offerId + "/eula", AUTHOR);
        assertThat(new String(eulaPdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");

        // The offer's checklist comes from its template; evidence by the author, sign-off by an approver.
        var items = api.get("/api/v1/offers/" + offerId + "/checklist", AUTHOR).json();
        assertThat(items.at("/checklistId").asString()).isEqualTo(checklist);
        assertThat(items.at("/items").size()).isEqualTo(2);
        var seller = principals.findLogin(AUTHOR).orElseThrow().principal().partyId();
        assertThat(checklists.missingItems(seller, offerId))
                .extracting(ChecklistItemStatus::key)
                .containsExactly("security-review", "legal");
        var evidence = post(
                "/api/v1/offers/" + offerId + "/checklist/security-review/evidence",
                AUTHOR,
                "{\"evidence\":\"https://wiki.acme.example/security/review-42\"}");
        assertThat(evidence.status()).as(evidence.body()).isEqualTo(200);
        assertThat(evidence.json().at("/evidence").asString()).endsWith("review-42");
        assertThat(post("/api/v1/offers/" + offerId + "/checklist/legal/sign-off", AUTHOR, "{}")
                        .status())
                .isEqualTo(403);
        var wrongKind = post("/api/v1/offers/" + offerId + "/checklist/legal/evidence", AUTHOR, "{\"evidence\":\"x\"}");
        assertThat(wrongKind.status()).isEqualTo(422);
        assertThat(checklists.missingItems(seller, offerId))
                .extracting(ChecklistItemStatus::key)
                .containsExactly("legal");
        assertThat(post("/api/v1/offers/" + offerId + "/checklist/legal/sign-off", APPROVER, "{}")
                        .status())
                .isEqualTo(200);
        assertThat(checklists.missingItems(seller, offerId)).isEmpty();

        // Another seller can neither use the template nor read the offer's checklist.
        assertThat(api.get("/api/v1/offer-templates/" + templateId, NIMBUS).status())
                .isEqualTo(404);
        assertThat(post(
                                "/api/v1/offer-templates/" + templateId + "/offers",
                                NIMBUS,
                                "{\"productId\":\"prod-aaaaaaaaaaaaa\",\"buyerAccounts\":[\"400000000001\"]}")
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/offers/" + offerId + "/checklist", NIMBUS).status())
                .isEqualTo(404);
    }

    /**
     * The listener that completes an offer's template origin, handed the offer's creation again as a resubmitted
     * publication would (ADR 0043, 0051), leaves the one origin as it was.
     */
    @Test
    void aRedeliveredOfferCreationLeavesItsOriginAsItWas() {
        var template = created("/api/v1/offer-templates", "{\"name\":\"Redelivered\"}")
                .at("/id")
                .asString();
        var started = post("/api/v1/offer-templates/" + template + "/offers", AUTHOR, """
                {"productId":"%s","buyerAccounts":["%s"],"name":"%s"}""".formatted(
                        new OfferFixtures(api).productId("Acme Insights"),
                        OfferFixtures.GLOBEX_ACCOUNT,
                        OfferFixtures.unique("Redelivered")));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        var offerId = started.json().at("/offerId").asString();

        new Redelivery(jdbc, publications).redeliver("TemplateOrigins", "OfferCreated", offerId);

        assertThat(jdbc.sql("SELECT template_id FROM gtm.offer_origin WHERE offer_id = ?")
                        .param(offerId)
                        .query(String.class)
                        .list())
                .containsExactly(template);
    }

    @Test
    void badInputIsRefusedNamingTheFields() {
        var clause = post("/api/v1/eula-clauses", AUTHOR, "{\"kind\":\"NOPE\",\"text\":\"t\"}");
        assertThat(clause.status()).isEqualTo(422);
        assertThat(fields(clause)).containsExactlyInAnyOrder("kind", "title");

        var a = clause("SLA", "SLA A", "99.9 %");
        var b = clause("SLA", "SLA B", "99.99 %");
        var twice = post("/api/v1/eula-templates", AUTHOR, """
                {"name":"Twice","clauses":[{"clauseId":"%s"},{"clauseId":"%s","version":7}]}""".formatted(a, b));
        assertThat(twice.status()).isEqualTo(422);
        assertThat(fields(twice)).containsExactlyInAnyOrder("clauses[1].clauseId", "clauses[1].version");

        var pricing = post("/api/v1/pricing-templates", AUTHOR, """
                {"name":"18 months","shape":"ANNUAL_IN_ADVANCE","durationMonths":18,"currency":"CHF"}""");
        assertThat(pricing.status()).isEqualTo(422);
        assertThat(fields(pricing)).containsExactlyInAnyOrder("durationMonths", "currency");

        var checklist = post("/api/v1/checklists", AUTHOR, """
                {"name":"x","items":[{"key":"Bad Key","text":"t"}]}""");
        assertThat(checklist.status()).isEqualTo(422);
        assertThat(fields(checklist)).containsExactlyInAnyOrder("items[0].key", "items[0].requirement");

        var template = created("/api/v1/offer-templates", "{\"name\":\"Bare\"}")
                .at("/id")
                .asString();
        var unknown = post("/api/v1/offer-templates", AUTHOR, "{\"name\":\"x\",\"checklistId\":\"checklist-nope\"}");
        assertThat(fields(unknown)).containsExactly("checklistId");
        var start = post(
                "/api/v1/offer-templates/" + template + "/offers",
                AUTHOR,
                "{\"buyerAccounts\":[\"12\"],\"discountPercent\":120}");
        assertThat(start.status()).isEqualTo(422);
        assertThat(fields(start)).containsExactlyInAnyOrder("productId", "buyerAccounts[0]", "discountPercent");
    }

    static List<String> fields(Reply reply) {
        var fields = new ArrayList<String>();
        reply.json().at("/errors").forEach(e -> fields.add(e.at("/field").asString()));
        return fields;
    }

    static JsonNode term(JsonNode terms, String type) {
        for (var term : terms) {
            if (term.at("/Type").asString().equals(type)) {
                return term;
            }
        }
        throw new AssertionError("no " + type + " in " + terms);
    }

    byte[] pdf(String path, String email) throws IOException, InterruptedException {
        var response = HttpClient.newHttpClient()
                .send(api.request(path, email).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
