package io.offerdesk.commitments;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.SignedInSession;
import io.offerdesk.support.TestApi;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who sees and changes spend commitments: another organization's are not found, only finance users and
 * administrators record them, a seller sees a buyer's headroom only while the buyer shares it, and bad input is
 * refused naming the field and changing nothing.
 */
@EndToEndTest
class CommitmentAccessTests {

    @Autowired
    TestApi api;

    @Test
    void anotherOrganizationsCommitmentsAreNotFound() {
        var fixtures = new CommitmentFixtures(api);
        var buyer = fixtures.onboard("BUYER", "buyer");
        var other = fixtures.onboard("BUYER", "other");
        var viewer = fixtures.invite(buyer, "viewer", "VIEWER");
        var id = fixtures.commitment(buyer.admin(), fixtures.today(), "500000.00")
                .at("/id")
                .asString();

        assertThat(api.get("/api/v1/buyer/commitments/" + id, viewer).status()).isEqualTo(200);
        for (var path : new String[] {"", "/spend", "/forecast"}) {
            assertThat(api.get("/api/v1/buyer/commitments/" + id + path, other.admin())
                            .status())
                    .as(path)
                    .isEqualTo(404);
        }
        assertThat(api.put("/api/v1/buyer/commitments/" + id, other.admin(), """
                        {"name":"Taken over","startDate":"%s","yearlyCommitments":["1.00"]}""".formatted(fixtures.today()))
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/buyer/commitments", other.admin()).json().at("/items"))
                .isEmpty();
        // A viewer reads but does not record.
        assertThat(api.post("/api/v1/buyer/commitments", viewer, """
                        {"name":"Mine","startDate":"%s","yearlyCommitments":["1.00"]}""".formatted(
                                        fixtures.today().plusYears(3)))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void badTermsAreRefusedNamingTheFieldAndChangeNothing() {
        var fixtures = new CommitmentFixtures(api);
        var buyer = fixtures.onboard("BUYER", "buyer");
        var today = fixtures.today();
        var refused = api.post("/api/v1/buyer/commitments", buyer.admin(), """
                {"name":"","startDate":"%s","yearlyCommitments":["1.001","-5","1","1","1","1"],
                 "shareCapPercent":0,"excludedProductTypes":["CONSULTING"],"milestones":[50,50,101],
                 "currencyCode":"EUR"}""".formatted(today));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        var fields = new ArrayList<String>();
        refused.json().at("/errors").forEach(e -> fields.add(e.at("/field").asString()));
        assertThat(fields)
                .contains(
                        "name",
                        "currencyCode",
                        "yearlyCommitments",
                        "yearlyCommitments[0]",
                        "yearlyCommitments[1]",
                        "shareCapPercent",
                        "excludedProductTypes[0]",
                        "milestones[1]",
                        "milestones[2]");
        assertThat(api.get("/api/v1/buyer/commitments", buyer.admin()).json().at("/items"))
                .isEmpty();

        fixtures.commitment(buyer.admin(), today, "100.00", "100.00");
        var overlapping = api.post("/api/v1/buyer/commitments", buyer.admin(), """
                {"name":"Overlap","startDate":"%s","yearlyCommitments":["100.00"]}""".formatted(today.plusYears(1)));
        assertThat(overlapping.status()).as(overlapping.body()).isEqualTo(422);
        assertThat(overlapping.json().at("/errors/0/field").asString()).isEqualTo("startDate");
        assertThat(api.get("/api/v1/buyer/commitments", buyer.admin()).json().at("/items"))
                .hasSize(1);
    }

    @Test
    void aSellerSeesTheHeadroomOnlyWhileTheBuyerSharesIt() {
        var fixtures = new CommitmentFixtures(api);
        var buyer = fixtures.onboard("BUYER", "buyer");
        var seller = fixtures.onboard("SELLER", "seller");
        var stranger = fixtures.onboard("SELLER", "stranger");
        var finance = fixtures.invite(buyer, "finance", "FINANCE");
        fixtures.commitment(finance, fixtures.today(), "1000000.00");
        var path = "/api/v1/seller/commitment-headroom?buyerPartyId=" + buyer.id();

        assertThat(api.get(path, seller.admin()).status()).isEqualTo(404);
        var unknown = api.post("/api/v1/buyer/commitment-headroom-shares", finance, "{\"seller\":\"No such seller\"}");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().at("/errors/0/field").asString()).isEqualTo("seller");
        // A buyer organization is not a seller.
        assertThat(api.post("/api/v1/buyer/commitment-headroom-shares", finance, "{\"seller\":\"" + buyer.id() + "\"}")
                        .status())
                .isEqualTo(422);

        var shared =
                api.post("/api/v1/buyer/commitment-headroom-shares", finance, "{\"seller\":\"" + seller.name() + "\"}");
        assertThat(shared.status()).as(shared.body()).isEqualTo(201);
        assertThat(shared.json().at("/sellerPartyId").asString())
                .isEqualTo(seller.id().toString());

        var headroom = api.get(path, seller.admin());
        assertThat(headroom.status()).as(headroom.body()).isEqualTo(200);
        assertThat(headroom.json().at("/buyerName").asString()).isEqualTo(buyer.name());
        assertThat(headroom.json().at("/years/0/cap").asString()).isEqualTo("250000.00");
        assertThat(headroom.json().at("/years/0/headroom").asString()).isEqualTo("250000.00");
        assertThat(api.get("/api/v1/seller/commitment-headroom", seller.admin())
                        .json()
                        .at("/items"))
                .hasSize(1);
        assertThat(api.get(path, stranger.admin()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/seller/commitment-headroom", stranger.admin())
                        .json()
                        .at("/items"))
                .isEmpty();
        var page = new SignedInSession(api, seller.admin(), CommitmentFixtures.PASSWORD);
        var fragment = page.get("/seller/commitment-headroom/fragment?lang=en&buyerPartyId=" + buyer.id());
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(new String(fragment.body(), StandardCharsets.UTF_8)).contains("USD 250,000.00");
        var byAccount = page.get("/seller/commitment-headroom/fragment?buyerAccountId=" + buyer.accountId());
        assertThat(byAccount.statusCode()).isEqualTo(200);

        var revoked = api.delete("/api/v1/buyer/commitment-headroom-shares/" + seller.id(), finance);
        assertThat(revoked.status()).isEqualTo(204);
        assertThat(api.get(path, seller.admin()).status()).isEqualTo(404);
        assertThat(page.get("/seller/commitment-headroom/fragment?buyerPartyId=" + buyer.id())
                        .statusCode())
                .isEqualTo(404);
        assertThat(api.delete("/api/v1/buyer/commitment-headroom-shares/" + seller.id(), finance)
                        .status())
                .isEqualTo(404);
        var audit = api.get(
                "/api/v1/audit/entries?entityType=commitment-headroom-share&entityId=" + seller.id(),
                CommitmentFixtures.OPERATOR);
        assertThat(audit.json().findValuesAsString("action"))
                .contains("CommitmentHeadroomShared", "CommitmentHeadroomRevoked");
    }

    @Test
    void onlyTheOperatorSetsProductEligibilityAndTheFlagIsAudited() {
        var fixtures = new CommitmentFixtures(api);
        var seller = fixtures.onboard("SELLER", "seller");
        var product = fixtures.product(seller, "SAAS");
        var path = "/api/v1/operator/commitment-eligibility/" + product;
        assertThat(api.get(path, CommitmentFixtures.OPERATOR)
                        .json()
                        .at("/eligible")
                        .asBoolean())
                .as("eligible by default")
                .isTrue();
        assertThat(api.put(path, seller.admin(), "{\"eligible\":false}").status())
                .isEqualTo(403);
        var missing = api.put(path, CommitmentFixtures.OPERATOR, "{\"note\":\"no flag\"}");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().at("/errors/0/field").asString()).isEqualTo("eligible");
        var set = api.put(path, CommitmentFixtures.OPERATOR, "{\"eligible\":false,\"note\":\"Not deployed on AWS\"}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().at("/eligible").asBoolean()).isFalse();
        assertThat(api.get(path, CommitmentFixtures.OPERATOR).json().at("/note").asString())
                .isEqualTo("Not deployed on AWS");
        assertThat(api.get("/api/v1/audit/entries?entityType=product&entityId=" + product, CommitmentFixtures.OPERATOR)
                        .json()
                        .findValuesAsString("action"))
                .contains("ProductEligibilityChanged");
        assertThat(api.put(
                                "/api/v1/operator/commitment-eligibility/prod-nosuchproduct1",
                                CommitmentFixtures.OPERATOR,
                                "{\"eligible\":true}")
                        .status())
                .isEqualTo(404);
    }
}
