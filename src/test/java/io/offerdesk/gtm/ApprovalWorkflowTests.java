package io.offerdesk.gtm;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.offers.OfferFixtures;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.Polls;
import io.offerdesk.support.Redelivery;
import io.offerdesk.support.SignedInSession;
import io.offerdesk.support.TestApi;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import tools.jackson.databind.JsonNode;

/**
 * Approval workflows end to end, as the acceptance tries them: a seller's policy asks a 30 % discount for two
 * sequential approvals; the release is refused, naming the missing approvals, until both are in; then the offer is
 * released. Also: step order, who may decide, rejection, invalidation by a later change, policy validation, and that
 * another seller sees none of it.
 */
@EndToEndTest
class ApprovalWorkflowTests {

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IncompleteEventPublications publications;

    ApprovalFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new ApprovalFixtures(api);
    }

    @Test
    void aThirtyPercentDiscountNeedsTwoSequentialApprovalsBeforeTheOfferIsReleased() {
        var seller = fixtures.seller();
        fixtures.discountRule(seller);
        var offer = fixtures.draft(seller, "700.00");

        var refused = fixtures.release(seller.author(), offer);

        assertThat(refused.at("/status").asString()).isEqualTo("FAILED");
        assertThat(refused.at("/changeSet/0/errorDetailList/0/code").asString()).isEqualTo("APPROVAL_REQUIRED");
        assertThat(refused.at("/changeSet/0/errorDetailList/0/message").asString())
                .contains("ReleaseOffer")
                .contains("2 approval(s) missing: OFFER_APPROVER (step 1), FINANCE (step 2)");
        var before = fixtures.overview(seller.author(), offer);
        assertThat(strings(before.at("/required"))).containsExactly("OFFER_APPROVER (step 1)", "FINANCE (step 2)");
        assertThat(before.at("/releasable").asBoolean()).isFalse();

        var requested = api.post("/api/v1/offers/" + offer + "/approvals", seller.author(), "");
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        assertThat(requested.json().at("/status").asString()).isEqualTo("PENDING");
        assertThat(requested.json().at("/offerRevision").asLong())
                .isEqualTo(before.at("/offerRevision").asLong());
        var first = requested.json().at("/approvals/0");
        var second = requested.json().at("/approvals/1");
        assertThat(first.at("/role").asString()).isEqualTo("OFFER_APPROVER");
        assertThat(first.at("/state").asString()).isEqualTo("OPEN");
        assertThat(second.at("/role").asString()).isEqualTo("FINANCE");
        assertThat(second.at("/state").asString()).isEqualTo("WAITING");
        // Asking again for the same revision answers the same request.
        assertThat(api.post("/api/v1/offers/" + offer + "/approvals", seller.author(), "")
                        .json()
                        .at("/id")
                        .asString())
                .isEqualTo(requested.json().at("/id").asString());

        // Step 2 cannot approve before step 1; nobody but an approver of the step may decide it.
        var early = decide(seller.finance(), offer, second, "approve", "Looks fine");
        assertThat(early.status()).as(early.body()).isEqualTo(409);
        assertThat(early.json().at("/detail").asString()).contains("Step 2 is not open yet");
        assertThat(decide(seller.author(), offer, first, "approve", null).status())
                .isEqualTo(403);
        assertThat(waitingOffers(seller.approver())).contains(offer);
        assertThat(waitingOffers(seller.finance())).doesNotContain(offer);

        var approved = decide(seller.approver(), offer, first, "approve", "Strategic account");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().at("/approvals/0/state").asString()).isEqualTo("APPROVED");
        assertThat(approved.json().at("/approvals/0/comment").asString()).isEqualTo("Strategic account");
        assertThat(approved.json().at("/approvals/1/state").asString()).isEqualTo("OPEN");
        assertThat(waitingOffers(seller.finance())).contains(offer);

        var stillRefused = fixtures.release(seller.author(), offer);
        assertThat(stillRefused.at("/status").asString()).isEqualTo("FAILED");
        assertThat(stillRefused.at("/changeSet/0/errorDetailList/0/message").asString())
                .contains("1 approval(s) missing: FINANCE (step 2)")
                .doesNotContain("OFFER_APPROVER");

        var complete = decide(seller.finance(), offer, second, "approve", null);
        assertThat(complete.status()).as(complete.body()).isEqualTo(200);
        assertThat(complete.json().at("/status").asString()).isEqualTo("APPROVED");
        assertThat(fixtures.overview(seller.author(), offer).at("/releasable").asBoolean())
                .isTrue();

        var released = fixtures.release(seller.author(), offer);
        assertThat(released.at("/status").asString()).as(released.toString()).isEqualTo("SUCCEEDED");
        var after = fixtures.overview(seller.admin(), offer);
        assertThat(after.at("/draft").asBoolean()).isFalse();
        assertThat(after.at("/latest/status").asString()).isEqualTo("APPROVED");
        assertThat(actions(after))
                .containsExactly(
                        "ApprovalRequested",
                        "ApprovalStepOpened",
                        "ApprovalGranted",
                        "ApprovalStepOpened",
                        "ApprovalGranted");
        assertThat(after.at("/trail/2/comment").asString()).isEqualTo("Strategic account");
        assertThat(after.at("/trail/2/actor").asString()).contains(seller.approver());
        // The audit trail holds the same events, against the offer.
        var audit = api.get("/api/v1/audit/entries?entityType=offer&entityId=" + offer, seller.admin());
        assertThat(audit.status()).as(audit.body()).isEqualTo(200);
        assertThat(audit.json().findValuesAsString("action"))
                .contains("ApprovalRequested", "ApprovalGranted", "OfferReleased");
    }

    @Test
    void changingTheDraftAfterItsApprovalInvalidatesIt() {
        var seller = fixtures.seller();
        fixtures.discountRule(seller);
        var offer = fixtures.draft(seller, "700.00");
        var request = api.post("/api/v1/offers/" + offer + "/approvals", seller.author(), "")
                .json();
        decide(seller.approver(), offer, request.at("/approvals/0"), "approve", null);
        assertThat(decide(seller.finance(), offer, request.at("/approvals/1"), "approve", null)
                        .json()
                        .at("/status")
                        .asString())
                .isEqualTo("APPROVED");

        fixtures.rename(seller.author(), offer);

        var refused = fixtures.release(seller.author(), offer);
        assertThat(refused.at("/status").asString()).isEqualTo("FAILED");
        assertThat(refused.at("/changeSet/0/errorDetailList/0/message").asString())
                .contains("2 approval(s) missing")
                .contains("Request approval of revision");
        var invalidated = fixtures.awaitOverview(
                seller.author(), offer, o -> o.at("/latest/status").asString().equals("INVALIDATED"));
        assertThat(actions(invalidated)).last().isEqualTo("ApprovalInvalidated");

        var again = api.post("/api/v1/offers/" + offer + "/approvals", seller.author(), "");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().at("/status").asString()).isEqualTo("PENDING");
        assertThat(again.json().at("/offerRevision").asLong())
                .isEqualTo(invalidated.at("/offerRevision").asLong());
    }

    /**
     * The listener that invalidates approvals, handed the change and then the release again as resubmitted
     * publications would (ADR 0043, 0051), ends no request twice, announces no second invalidation, spares the request
     * made for the changed revision, and keeps the release's first time.
     */
    @Test
    void redeliveredChangesAndReleasesChangeNothingMore() {
        var seller = fixtures.seller();
        fixtures.discountRule(seller);
        var offer = fixtures.draft(seller, "700.00");
        var first = api.post("/api/v1/offers/" + offer + "/approvals", seller.author(), "");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        fixtures.rename(seller.author(), offer);
        fixtures.awaitOverview(
                seller.author(), offer, o -> o.at("/latest/status").asString().equals("INVALIDATED"));
        var second = api.post("/api/v1/offers/" + offer + "/approvals", seller.author(), "");
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        var redelivery = new Redelivery(jdbc, publications);

        redelivery.redeliver("OfferChangesForApprovals", "OfferUpdated", offer);

        assertThat(statuses(offer)).containsExactly("INVALIDATED", "PENDING");
        // The audit trail records each announcement in the announcing transaction.
        assertThat(jdbc.sql("""
                                SELECT count(*) FROM audit.entry
                                WHERE action = 'ApprovalInvalidated' AND entity_id = ?
                                """).param(offer).query(Long.class).single())
                .as("invalidations announced")
                .isOne();

        decide(seller.approver(), offer, second.json().at("/approvals/0"), "approve", null);
        decide(seller.finance(), offer, second.json().at("/approvals/1"), "approve", null);
        var released = fixtures.release(seller.author(), offer);
        assertThat(released.at("/status").asString()).as(released.toString()).isEqualTo("SUCCEEDED");
        var releasedAt = await("the release of " + offer + " on its approval request", () -> releasedAt(offer));

        redelivery.redeliver("OfferChangesForApprovals", "OfferReleased", offer);

        assertThat(releasedAt(offer)).isEqualTo(releasedAt);
        assertThat(statuses(offer)).containsExactly("INVALIDATED", "APPROVED");
    }

    private List<String> statuses(String offer) {
        return jdbc.sql("SELECT status FROM gtm.approval_request WHERE offer_id = ? ORDER BY offer_revision")
                .param(offer)
                .query((rs, row) -> rs.getString("status"))
                .list();
    }

    /** When the offer's release reached its approval requests; null until it has (single() would throw on null). */
    private java.sql.@Nullable Timestamp releasedAt(String offer) {
        return jdbc.sql("SELECT max(offer_released_at) FROM gtm.approval_request WHERE offer_id = ?")
                .param(offer)
                .query(java.sql.Timestamp.class)
                .optional()
                .orElse(null);
    }

    private static <T> T await(String awaited, java.util.concurrent.Callable<@Nullable T> value) {
        return Polls.poll(awaited, Duration.ofMillis(25), Duration.ofMinutes(1))
                .until(value, java.util.Objects::nonNull);
    }

    @Test
    void aRejectionEndsTheRequestAndTheAuthorMayAskAgainAfterChangingTheOffer() {
        var seller = fixtures.seller();
        fixtures.discountRule(seller);
        var offer = fixtures.draft(seller, "700.00");
        var request = api.post("/api/v1/offers/" + offer + "/approvals", seller.author(), "")
                .json();

        var withoutReason = decide(seller.approver(), offer, request.at("/approvals/0"), "reject", " ");
        assertThat(withoutReason.status()).isEqualTo(422);
        assertThat(withoutReason.json().at("/errors/0/field").asString()).isEqualTo("comment");

        var rejected = decide(seller.approver(), offer, request.at("/approvals/0"), "reject", "Too deep a discount");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.json().at("/status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.json().at("/approvals/1/state").asString()).isEqualTo("CANCELLED");
        assertThat(decide(seller.finance(), offer, request.at("/approvals/1"), "approve", null)
                        .status())
                .isEqualTo(409);
        var refused = fixtures.release(seller.author(), offer);
        assertThat(refused.at("/changeSet/0/errorDetailList/0/message").asString())
                .contains("rejected");

        fixtures.rename(seller.author(), offer);
        var again = api.post("/api/v1/offers/" + offer + "/approvals", seller.author(), "");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().at("/id").asString())
                .isNotEqualTo(request.at("/id").asString());
        var trail = fixtures.overview(seller.admin(), offer);
        assertThat(actions(trail)).contains("ApprovalRejected");
    }

    @Test
    void anOfferNoRuleMatchesIsReleasedWithoutApprovalAndNeedsNone() {
        var seller = fixtures.seller();
        fixtures.discountRule(seller);
        // 1000.00 a month is the list price: no discount.
        var offer = fixtures.draft(seller, "1000.00");

        assertThat(fixtures.overview(seller.author(), offer).at("/required").isEmpty())
                .isTrue();
        var notNeeded = api.post("/api/v1/offers/" + offer + "/approvals", seller.author(), "");
        assertThat(notNeeded.status()).isEqualTo(409);

        var released = fixtures.release(seller.author(), offer);
        assertThat(released.at("/status").asString()).as(released.toString()).isEqualTo("SUCCEEDED");
        // A released offer that never had approvals shows no approvals section.
        var author = new SignedInSession(api, seller.author(), ApprovalFixtures.PASSWORD);
        assertThat(page(author, "/offers/" + offer + "/approvals")).doesNotContain("offer-approvals");
    }

    @Test
    void aDraftChangedAndReleasedInOneChangeSetIsRefusedWhenItNeedsApproval() {
        var seller = fixtures.seller();
        fixtures.discountRule(seller);
        var changes = new java.util.ArrayList<>(fixtures.draftChanges(seller.productId(), "700.00"));
        changes.add(OfferFixtures.change("ReleaseOffer", "$O.Entity.Identifier", null, "{}"));

        var refused = fixtures.offers().run(seller.author(), changes);

        assertThat(refused.at("/status").asString()).isEqualTo("FAILED");
        assertThat(refused.toString()).contains("APPROVAL_REQUIRED").contains("change set of its own");
    }

    @Test
    void anotherSellerSeesNoneOfItAndOnlyAdministratorsChangeThePolicy() {
        var seller = fixtures.seller();
        var rule = fixtures.discountRule(seller);
        var offer = fixtures.draft(seller, "700.00");
        var request = api.post("/api/v1/offers/" + offer + "/approvals", seller.author(), "")
                .json();
        var other = OfferFixtures.AUTHOR;

        assertThat(api.get("/api/v1/offers/" + offer + "/approvals", other).status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/offers/" + offer + "/approvals", other, "").status())
                .isEqualTo(404);
        assertThat(decide(other, offer, request.at("/approvals/0"), "approve", null)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/approval-policies/rules/" + rule.at("/id").asString(), other)
                        .status())
                .isEqualTo(404);
        assertThat(api.delete(
                                "/api/v1/approval-policies/rules/"
                                        + rule.at("/id").asString(),
                                "admin@acme.example")
                        .status())
                .isEqualTo(404);
        assertThat(waitingOffers(other)).doesNotContain(offer);
        assertThat(api.get("/api/v1/approval-policies", seller.author())
                        .json()
                        .at("/rules/0/name")
                        .asString())
                .isEqualTo("Deep discount");
        assertThat(api.post("/api/v1/approval-policies/rules", seller.author(), "{}")
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/approval-policies", OfferFixtures.GLOBEX).status())
                .isEqualTo(403);
    }

    @Test
    void aBadRuleIsRefusedNamingEachField() {
        var seller = fixtures.seller();

        var bad =
                api.post("/api/v1/approval-policies/rules", seller.admin(), """
                {"name":"","condition":"DISCOUNT","threshold":"150","mode":"SIDEWAYS",
                 "approvers":[{"role":"PROCUREMENT"},{"role":"FINANCE","userId":"%s"}]}""".formatted(java.util.UUID.randomUUID()));

        assertThat(bad.status()).as(bad.body()).isEqualTo(422);
        assertThat(bad.json().at("/errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("name", "threshold", "mode", "approvers[0].role", "approvers[1]");
        var unknown = api.post("/api/v1/approval-policies/rules", seller.admin(), """
                {"name":"Big deals","condition":"CONTRACT_VALUE","threshold":"100000.001","currency":"USD",
                 "approvers":[]}""");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().at("/errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("threshold", "approvers");
        var settings = api.put("/api/v1/approval-policies", seller.admin(), "{\"stepDueHours\":0}");
        assertThat(settings.status()).isEqualTo(422);
        assertThat(settings.json().at("/errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("stepDueHours", "escalationHours");
        assertThat(api.get("/api/v1/approval-policies", seller.admin())
                        .json()
                        .at("/rules")
                        .isEmpty())
                .isTrue();
        var good = api.post("/api/v1/approval-policies/rules", seller.admin(), """
                {"name":"Big deals","condition":"contract_value","threshold":"100000","currency":"usd",
                 "mode":"PARALLEL","approvers":[{"role":"FINANCE"},{"role":"ADMIN"}]}""");
        assertThat(good.status()).as(good.body()).isEqualTo(201);
        assertThat(good.json().at("/currency").asString()).isEqualTo("USD");
        assertThat(api.delete(
                                "/api/v1/approval-policies/rules/"
                                        + good.json().at("/id").asString(),
                                seller.admin())
                        .status())
                .isEqualTo(204);
    }

    @Test
    void theOfferPageLoadsTheApprovalsSectionAndThePolicyAndQueuePagesShowInEnglishAndChinese() {
        var seller = fixtures.seller();
        fixtures.discountRule(seller);
        var offer = fixtures.draft(seller, "700.00");
        var author = new SignedInSession(api, seller.author(), ApprovalFixtures.PASSWORD);

        assertThat(page(author, "/offers/" + offer)).contains("/offers/" + offer + "/approvals");
        assertThat(page(author, "/offers/" + offer + "/approvals"))
                .contains("OFFER_APPROVER (step 1)")
                .contains("Request approval of revision");
        var requested = author.post("/offers/" + offer, "/offers/" + offer + "/approvals/request", "");
        assertThat(requested.statusCode()).isEqualTo(302);
        assertThat(fixtures.overview(seller.author(), offer)
                        .at("/latest/status")
                        .asString())
                .isEqualTo("PENDING");

        var approver = new SignedInSession(api, seller.approver(), ApprovalFixtures.PASSWORD);
        assertThat(page(approver, "/approvals")).contains(offer).contains("Approve");
        assertThat(page(approver, "/approvals?lang=zh-CN")).contains("我的审批").contains("批准");
        var approvalId = fixtures.overview(seller.author(), offer)
                .at("/latest/approvals/0/id")
                .asString();
        var decided = approver.post(
                "/approvals", "/offers/" + offer + "/approvals/" + approvalId + "/approve", "comment=OK&back=queue");
        assertThat(decided.statusCode()).isEqualTo(302);
        assertThat(decided.headers().firstValue("Location").orElseThrow()).endsWith("/approvals");
        assertThat(fixtures.overview(seller.author(), offer)
                        .at("/latest/approvals/0/state")
                        .asString())
                .isEqualTo("APPROVED");
        assertThat(page(author, "/offers/" + offer + "/approvals?lang=zh-CN"))
                .contains("审批记录")
                .contains("已批准");

        var admin = new SignedInSession(api, seller.admin(), ApprovalFixtures.PASSWORD);
        assertThat(page(admin, "/approval-policy")).contains("Deep discount").contains("Add the rule");
        assertThat(page(admin, "/approval-policy?lang=zh-CN")).contains("审批策略").contains("添加规则");
        var added = admin.post(
                "/approval-policy",
                "/approval-policy/rules",
                "name=Custom+paper&condition=CUSTOM_EULA&threshold=&currency=&mode=PARALLEL&approver0=role%3AADMIN");
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(api.get("/api/v1/approval-policies", seller.admin())
                        .json()
                        .at("/rules/1/condition")
                        .asString())
                .isEqualTo("CUSTOM_EULA");
    }

    private TestApi.Reply decide(
            String email, String offer, JsonNode approval, String decision, @Nullable String comment) {
        var body = comment == null ? "{}" : "{\"comment\":\"" + comment + "\"}";
        return api.post(
                "/api/v1/offers/" + offer + "/approvals/" + approval.at("/id").asString() + "/" + decision,
                email,
                body);
    }

    private List<String> waitingOffers(String email) {
        var waiting = api.get("/api/v1/approvals?mine=true", email);
        assertThat(waiting.status()).as(waiting.body()).isEqualTo(200);
        return waiting.json().at("/approvals").findValuesAsString("offerId");
    }

    private static List<String> actions(JsonNode overview) {
        return StreamSupport.stream(overview.at("/trail").spliterator(), false)
                .map(t -> t.at("/action").asString())
                .toList();
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asString)
                .toList();
    }

    private static String page(SignedInSession session, String path) {
        var response = session.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
