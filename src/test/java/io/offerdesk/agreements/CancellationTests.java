package io.offerdesk.agreements;

import static io.offerdesk.agreements.AgreementFixtures.AUTHOR;
import static io.offerdesk.agreements.AgreementFixtures.GLOBEX;
import static io.offerdesk.agreements.AgreementFixtures.INITECH;
import static io.offerdesk.agreements.RequestFixtures.ACME_APPROVER;
import static io.offerdesk.agreements.RequestFixtures.GLOBEX_FINANCE;
import static io.offerdesk.agreements.RequestFixtures.code;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Buyers cancelling agreements, sellers asking them to, and every refusal on the way, through the REST API. */
@EndToEndTest
class CancellationTests {

    private static final String REQUESTS = "cancellation-requests";

    @Autowired
    TestApi api;

    RequestFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new RequestFixtures(api);
    }

    @Test
    void buyerCancelsAPayAsYouGoAgreementOnce() {
        var agreementId = fixtures.payAsYouGo();
        var cancel = "/api/v1/agreements/" + agreementId + "/cancel";

        assertThat(api.post(cancel, INITECH, "").status()).isEqualTo(404);
        assertThat(api.post(cancel, AUTHOR, "").status()).isEqualTo(403);
        assertThat(api.post(cancel, GLOBEX_FINANCE, "").status()).isEqualTo(403);
        var cancelled = api.post(cancel, GLOBEX, "");

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().at("/status").asString()).isEqualTo("CANCELLED");
        assertThat(fixtures.agreement(agreementId).json().at("/status").asString())
                .isEqualTo("CANCELLED");
        var again = api.post(cancel, GLOBEX, "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(code(again)).isEqualTo("agreement.INACTIVE_AGREEMENT");
    }

    @Test
    void refusesToLetTheBuyerCancelAContractAlone() {
        var agreementId = fixtures.contract();

        var refused = api.post("/api/v1/agreements/" + agreementId + "/cancel", GLOBEX, "");

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(code(refused)).isEqualTo("agreement.UNSUPPORTED_ACTION");
        assertThat(refused.json().at("/errors/0/field").asString()).isEqualTo("agreementId");
        assertThat(refused.json().at("/errors/0/message").asString()).contains("PaymentScheduleTerm");
        assertThat(fixtures.agreement(agreementId).json().at("/status").asString())
                .isEqualTo("ACTIVE");
    }

    @Test
    void approvedRequestCancelsTheContractAndItsScheduledCharges() {
        var agreementId = fixtures.contract();
        var sent = fixtures.sendCancellation(agreementId, AUTHOR, "TEST_AGREEMENT");
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        assertThat(sent.json().at("/status").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(sent.json().at("/reasonCode").asString()).isEqualTo("TEST_AGREEMENT");
        var requestId = sent.json().at("/agreementCancellationRequestId").asString();
        assertThat(requestId).matches("acr-[a-z0-9]{25}");

        var inbox = api.get("/api/v1/cancellation-requests?status=PENDING_APPROVAL&agreementId=" + agreementId, GLOBEX);
        assertThat(inbox.json().at("/items").findValuesAsString("agreementCancellationRequestId"))
                .containsExactly(requestId);
        var accepted = fixtures.act(REQUESTS, requestId, "accept", GLOBEX, "");

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().at("/status").asString()).isEqualTo("APPROVED");
        var agreement = fixtures.agreement(agreementId).json();
        assertThat(agreement.at("/status").asString()).isEqualTo("CANCELLED");
        assertThat(agreement.at("/charges").findValuesAsString("state"))
                .hasSize(12)
                .containsOnly("CANCELLED");
        var late = fixtures.act(REQUESTS, requestId, "reject", GLOBEX, "{\"reason\":\"Too late\"}");
        assertThat(late.status()).isEqualTo(409);
        assertThat(code(late)).isEqualTo("agreement.cancellationRequestNotPending");
        assertThat(fixtures.sendCancellation(agreementId, AUTHOR, "OTHER").status())
                .isEqualTo(409);
    }

    @Test
    void rejectedRequestKeepsTheAgreementActive() {
        var agreementId = fixtures.contract();
        var requestId = fixtures.pendingCancellation(agreementId);

        var noReason = fixtures.act(REQUESTS, requestId, "reject", GLOBEX, "{}");
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(code(noReason)).isEqualTo("agreement.INVALID_REASON");
        var rejected = fixtures.act(REQUESTS, requestId, "reject", GLOBEX, "{\"reason\":\"We still use it\"}");

        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.json().at("/status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.json().at("/statusMessage").asString()).isEqualTo("We still use it");
        var agreement = fixtures.agreement(agreementId).json();
        assertThat(agreement.at("/status").asString()).isEqualTo("ACTIVE");
        assertThat(agreement.at("/charges").findValuesAsString("state")).containsOnly("SCHEDULED");
        var accepted = fixtures.act(REQUESTS, requestId, "accept", GLOBEX, "");
        assertThat(accepted.status()).isEqualTo(409);
        assertThat(code(accepted)).isEqualTo("agreement.cancellationRequestNotPending");
    }

    @Test
    void sellerWithdrawsAndMaySendAgain() {
        var agreementId = fixtures.contract();
        var requestId = fixtures.pendingCancellation(agreementId);
        var second = fixtures.sendCancellation(agreementId, AUTHOR, "OTHER");
        assertThat(second.status()).isEqualTo(409);
        assertThat(code(second)).isEqualTo("agreement.cancellationRequestPending");

        assertThat(fixtures.act(REQUESTS, requestId, "withdraw", GLOBEX, "{\"reason\":\"x\"}")
                        .status())
                .isEqualTo(403);
        var withdrawn = fixtures.act(REQUESTS, requestId, "withdraw", AUTHOR, "{\"reason\":\"Sent by mistake\"}");

        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.json().at("/status").asString()).isEqualTo("CANCELLED");
        assertThat(fixtures.act(REQUESTS, requestId, "accept", GLOBEX, "").status())
                .isEqualTo(409);
        assertThat(fixtures.sendCancellation(agreementId, AUTHOR, "OTHER").status())
                .isEqualTo(201);
        var sellerList = api.get("/api/v1/agreements/" + agreementId + "/cancellation-requests", AUTHOR);
        assertThat(sellerList.json().at("/items").findValuesAsString("status"))
                .containsExactly("PENDING_APPROVAL", "CANCELLED");
    }

    @Test
    void refusesEveryoneButTheTwoSidesAndBadInput() {
        var agreementId = fixtures.contract();
        var requestId = fixtures.pendingCancellation(agreementId);

        assertThat(fixtures.sendCancellation(agreementId, INITECH, "OTHER").status())
                .isEqualTo(404);
        assertThat(fixtures.sendCancellation(agreementId, GLOBEX, "OTHER").status())
                .isEqualTo(403);
        assertThat(fixtures.sendCancellation(agreementId, ACME_APPROVER, "OTHER")
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/cancellation-requests/" + requestId, INITECH)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/agreements/" + agreementId + "/cancellation-requests", INITECH)
                        .status())
                .isEqualTo(404);
        assertThat(fixtures.act(REQUESTS, requestId, "accept", INITECH, "").status())
                .isEqualTo(404);
        assertThat(fixtures.act(REQUESTS, requestId, "accept", GLOBEX_FINANCE, "")
                        .status())
                .isEqualTo(403);
        assertThat(fixtures.act(REQUESTS, requestId, "accept", AUTHOR, "").status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/cancellation-requests/" + requestId, GLOBEX)
                        .json()
                        .at("/status")
                        .asString())
                .isEqualTo("PENDING_APPROVAL");
        var badCode = fixtures.sendCancellation(fixtures.contract(), AUTHOR, "BORED");
        assertThat(badCode.status()).isEqualTo(422);
        assertThat(code(badCode)).isEqualTo("agreement.INVALID_REASON_CODE");
        var badPage = api.get("/api/v1/cancellation-requests?limit=51", AUTHOR);
        assertThat(badPage.status()).isEqualTo(422);
        assertThat(code(badPage)).isEqualTo("agreement.INVALID_MAX_RESULTS");
        var badStatus = api.get("/api/v1/cancellation-requests?status=DONE", AUTHOR);
        assertThat(code(badStatus)).isEqualTo("agreement.INVALID_STATUS");
    }

    @Test
    void aWaitingRequestFailsWhenTheBuyerCancelsTheAgreement() {
        var agreementId = fixtures.payAsYouGo();
        var requestId = fixtures.pendingCancellation(agreementId);

        assertThat(api.post("/api/v1/agreements/" + agreementId + "/cancel", GLOBEX, "")
                        .status())
                .isEqualTo(200);

        var request = api.get("/api/v1/cancellation-requests/" + requestId, AUTHOR);
        assertThat(request.json().at("/status").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(request.json().at("/statusMessage").asString()).contains("CANCELLED");
    }
}
