package io.offerdesk.gtm;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.offers.OfferFixtures;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.TestApi;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The approval conditions that read the template library: an offer made from a template whose EULA changes the
 * standard contract's clauses needs legal's approver, and one whose risk checklist still lacks evidence or a sign-off
 * needs finance, until the checklist is complete.
 */
@EndToEndTest
class TemplateApprovalConditionsTests {

    @Autowired
    TestApi api;

    @Test
    void changedClausesAndMissingChecklistEvidenceSelectTheirApproversUntilTheChecklistIsDone() {
        var fixtures = new ApprovalFixtures(api);
        var seller = fixtures.seller();
        rule(seller, "Changed clauses", "CHANGED_CLAUSES", "OFFER_APPROVER");
        rule(seller, "Open checklist", "MISSING_EVIDENCE", "FINANCE");

        var clause =
                created(seller.author(), "/api/v1/eula-clauses", """
                        {"kind":"LIABILITY_CAP","title":"Liability cap","text":"Liability is capped at the fees paid."}""").at("/id").asString();
        var eula = created(seller.author(), "/api/v1/eula-templates", """
                        {"name":"Negotiated EULA","clauses":[{"clauseId":"%s"}]}""".formatted(clause))
                .at("/templateId")
                .asString();
        var pricing = created(seller.author(), "/api/v1/pricing-templates", """
                        {"name":"One year upfront","shape":"ANNUAL_IN_ADVANCE","durationMonths":12}""")
                .at("/id")
                .asString();
        var checklist =
                created(seller.author(), "/api/v1/checklists", """
                        {"name":"Risk","items":[
                          {"key":"security-review","text":"Security review","requirement":"EVIDENCE"},
                          {"key":"legal","text":"Legal read the EULA","requirement":"SIGN_OFF"}]}""").at("/id").asString();
        var negotiated =
                offerTemplate(seller, "Negotiated", "\"eulaTemplateId\":\"%s\",".formatted(eula), pricing, checklist);
        var standard = offerTemplate(seller, "Standard", "", pricing, null);

        var onStandard = start(seller, standard);
        assertThat(required(fixtures, seller, onStandard)).isEmpty();

        var offer = start(seller, negotiated);
        assertThat(required(fixtures, seller, offer)).containsExactly("OFFER_APPROVER (step 1)", "FINANCE (step 1)");

        var evidence = api.post(
                "/api/v1/offers/" + offer + "/checklist/security-review/evidence",
                seller.author(),
                "{\"evidence\":\"https://wiki.example/security/42\"}");
        assertThat(evidence.status()).as(evidence.body()).isEqualTo(200);
        assertThat(required(fixtures, seller, offer)).containsExactly("OFFER_APPROVER (step 1)", "FINANCE (step 1)");
        var signOff = api.post("/api/v1/offers/" + offer + "/checklist/legal/sign-off", seller.approver(), "{}");
        assertThat(signOff.status()).as(signOff.body()).isEqualTo(200);
        assertThat(required(fixtures, seller, offer)).containsExactly("OFFER_APPROVER (step 1)");

        var policy = api.get("/api/v1/approval-policies", seller.author()).json();
        assertThat(policy.findValuesAsString("condition")).contains("CHANGED_CLAUSES", "MISSING_EVIDENCE");
    }

    void rule(ApprovalFixtures.Seller seller, String name, String condition, String role) {
        var rule = api.post("/api/v1/approval-policies/rules", seller.admin(), """
                {"name":"%s","condition":"%s","approvers":[{"role":"%s"}]}""".formatted(name, condition, role));
        assertThat(rule.status()).as(rule.body()).isEqualTo(201);
    }

    String offerTemplate(
            ApprovalFixtures.Seller seller, String name, String eula, String pricing, @Nullable String checklist) {
        var checklistMember = checklist == null ? "" : ",\"checklistId\":\"" + checklist + "\"";
        return created(seller.author(), "/api/v1/offer-templates", """
                        {"name":"%s",%s"pricingTemplateId":"%s","expiryDays":30%s}""".formatted(name, eula, pricing, checklistMember))
                .at("/id")
                .asString();
    }

    String start(ApprovalFixtures.Seller seller, String template) {
        var started = api.post("/api/v1/offer-templates/" + template + "/offers", seller.author(), """
                {"productId":"%s","buyerAccounts":["%s"]}""".formatted(
                        seller.productId(), OfferFixtures.GLOBEX_ACCOUNT));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json().at("/offerId").asString();
    }

    static List<String> required(ApprovalFixtures fixtures, ApprovalFixtures.Seller seller, String offer) {
        var names = new ArrayList<String>();
        fixtures.overview(seller.author(), offer).at("/required").forEach(r -> names.add(r.asString()));
        return names;
    }

    JsonNode created(String email, String path, String body) {
        var reply = api.post(path, email, body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }
}
