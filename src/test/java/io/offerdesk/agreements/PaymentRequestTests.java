package io.offerdesk.agreements;

import static io.offerdesk.agreements.AgreementFixtures.AUTHOR;
import static io.offerdesk.agreements.AgreementFixtures.GLOBEX;
import static io.offerdesk.agreements.AgreementFixtures.INITECH;
import static io.offerdesk.agreements.RequestFixtures.GLOBEX_FINANCE;
import static io.offerdesk.agreements.RequestFixtures.code;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Sellers' payment requests under a variable payment term, the buyer's decisions and automatic approval. */
// Moves the shared simulated clock forward: runs after the tests that do not (junit-platform.properties).
@Order(Order.DEFAULT + 3)
@EndToEndTest
class PaymentRequestTests {

    private static final String REQUESTS = "payment-requests";

    @Autowired
    TestApi api;

    RequestFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new RequestFixtures(api);
    }

    private JsonNode ofAgreement(String agreementId, String email) {
        return api.get("/api/v1/agreements/" + agreementId + "/payment-requests", email)
                .json();
    }

    private JsonNode charge(String agreementId, String chargeId) {
        for (var charge : api.get("/api/v1/agreements/" + agreementId + "/charges", GLOBEX)
                .json()
                .at("/items")) {
            if (charge.at("/id").asString().equals(chargeId)) {
                return charge;
            }
        }
        throw new AssertionError("no charge " + chargeId + " in " + agreementId);
    }

    @Test
    void approvedRequestAddsADueChargeWithThePurchaseOrder() {
        var agreementId = fixtures.variablePayments(null);
        var sent = fixtures.sendPayment(agreementId, AUTHOR, "Extra analysts", "1500");
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        assertThat(sent.json().at("/status").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(sent.json().at("/chargeAmount").asString()).isEqualTo("1500.00");
        assertThat(sent.json().at("/autoApproveAt").isNull()).isTrue();
        var requestId = sent.json().at("/paymentRequestId").asString();
        assertThat(requestId).matches("pr-[a-z0-9]{25}");
        var listed = ofAgreement(agreementId, GLOBEX);
        assertThat(listed.at("/remainingChargeAmount").asString()).isEqualTo("48500.00");
        assertThat(listed.at("/paymentRequestApprovalStrategy").asString()).isEqualTo("WAIT_FOR_APPROVAL");

        var accepted = fixtures.act(REQUESTS, requestId, "accept", GLOBEX, "{\"purchaseOrderReference\":\"PO-77\"}");

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().at("/status").asString()).isEqualTo("APPROVED");
        var chargeId = accepted.json().at("/chargeId").asString();
        assertThat(chargeId).isEqualTo("charge-13");
        var charge = charge(agreementId, chargeId);
        assertThat(charge.at("/amount").asString()).isEqualTo("1500.00");
        assertThat(charge.at("/state").asString()).isEqualTo("DUE");
        assertThat(charge.at("/timing").asString()).isEqualTo("ON_ACCEPTANCE");
        assertThat(charge.at("/purchaseOrderReference").asString()).isEqualTo("PO-77");
        assertThat(ofAgreement(agreementId, AUTHOR).at("/remainingChargeAmount").asString())
                .isEqualTo("48500.00");
        var again = fixtures.act(REQUESTS, requestId, "accept", GLOBEX, "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(code(again)).isEqualTo("agreement.paymentRequestNotPending");
    }

    @Test
    void refusesMoreThanRemainsAndMalformedRequests() {
        var agreementId = fixtures.variablePayments(null);
        fixtures.pendingPayment(agreementId, "30000.00");

        var over = fixtures.sendPayment(agreementId, AUTHOR, "Extra analysts", "20000.01");
        assertThat(over.status()).as(over.body()).isEqualTo(422);
        assertThat(code(over)).isEqualTo("agreement.INVALID_CHARGE_AMOUNT");
        assertThat(over.json().at("/errors/0/field").asString()).isEqualTo("chargeAmount");
        assertThat(fixtures.sendPayment(agreementId, AUTHOR, "Extra analysts", "20000.00")
                        .status())
                .isEqualTo(201);
        assertThat(code(fixtures.sendPayment(agreementId, AUTHOR, "Extra analysts", "0.01")))
                .isEqualTo("agreement.INVALID_CHARGE_AMOUNT");
        var other = fixtures.variablePayments(null);
        assertThat(code(fixtures.sendPayment(other, AUTHOR, "Extra analysts", "1.005")))
                .isEqualTo("agreement.INVALID_CHARGE_AMOUNT");
        assertThat(code(fixtures.sendPayment(other, AUTHOR, "Extra analysts", "-5")))
                .isEqualTo("agreement.INVALID_CHARGE_AMOUNT");
        assertThat(code(fixtures.sendPayment(other, AUTHOR, "Tiny", "5"))).isEqualTo("agreement.INVALID_NAME");
        var wrongTerm = api.post(
                "/api/v1/agreements/" + other + "/payment-requests",
                AUTHOR,
                "{\"termId\":\"term-nope\",\"name\":\"Extra analysts\",\"chargeAmount\":\"5\"}");
        assertThat(code(wrongTerm)).isEqualTo("agreement.INVALID_TERM_ID");
        assertThat(code(fixtures.sendPayment(fixtures.contract(), AUTHOR, "Extra analysts", "5")))
                .isEqualTo("agreement.INVALID_TERM_ID");
        assertThat(fixtures.sendPayment(other, INITECH, "Extra analysts", "5").status())
                .isEqualTo(404);
        assertThat(fixtures.sendPayment(other, GLOBEX, "Extra analysts", "5").status())
                .isEqualTo(403);
    }

    @Test
    void buyerRejectsSellerWithdrawsAndOthersCannotAct() {
        var agreementId = fixtures.variablePayments(null);
        var rejectedId = fixtures.pendingPayment(agreementId, "1000.00");
        var withdrawnId = fixtures.pendingPayment(agreementId, "2000.00");

        assertThat(api.get("/api/v1/payment-requests/" + rejectedId, INITECH).status())
                .isEqualTo(404);
        assertThat(fixtures.act(REQUESTS, rejectedId, "accept", INITECH, "{}").status())
                .isEqualTo(404);
        assertThat(fixtures.act(REQUESTS, rejectedId, "accept", GLOBEX_FINANCE, "{}")
                        .status())
                .isEqualTo(403);
        assertThat(fixtures.act(REQUESTS, rejectedId, "accept", AUTHOR, "{}").status())
                .isEqualTo(403);
        assertThat(fixtures.act(REQUESTS, withdrawnId, "withdraw", GLOBEX, "").status())
                .isEqualTo(403);
        var rejected = fixtures.act(REQUESTS, rejectedId, "reject", GLOBEX, "{\"reason\":\"Not agreed\"}");
        var withdrawn = fixtures.act(REQUESTS, withdrawnId, "withdraw", AUTHOR, "");

        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.json().at("/status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.json().at("/statusMessage").asString()).isEqualTo("Not agreed");
        assertThat(withdrawn.json().at("/status").asString()).isEqualTo("CANCELLED");
        assertThat(ofAgreement(agreementId, AUTHOR).at("/remainingChargeAmount").asString())
                .isEqualTo("50000.00");
        assertThat(code(fixtures.act(REQUESTS, withdrawnId, "accept", GLOBEX, "{}")))
                .isEqualTo("agreement.paymentRequestNotPending");
        var inbox = api.get("/api/v1/payment-requests?agreementId=" + agreementId, GLOBEX);
        assertThat(inbox.json().at("/items").findValuesAsString("status")).containsExactly("CANCELLED", "REJECTED");
        assertThat(api.get("/api/v1/payment-requests?agreementId=" + agreementId, INITECH)
                        .json()
                        .at("/items"))
                .isEmpty();
    }

    @Test
    void aWaitingRequestFailsWhenTheAgreementIsCancelled() {
        var agreementId = fixtures.variablePayments(null);
        var paymentId = fixtures.pendingPayment(agreementId, "1000.00");
        var cancellationId = fixtures.pendingCancellation(agreementId);

        assertThat(fixtures.act("cancellation-requests", cancellationId, "accept", GLOBEX, "")
                        .status())
                .isEqualTo(200);

        var payment = api.get("/api/v1/payment-requests/" + paymentId, GLOBEX).json();
        assertThat(payment.at("/status").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(code(fixtures.sendPayment(agreementId, AUTHOR, "Extra analysts", "5")))
                .isEqualTo("agreement.INACTIVE_AGREEMENT");
    }

    @Test
    void autoApprovesAfterTheBuyersExpirationDuration() {
        var agreementId = fixtures.variablePayments("""
                {"@type":"VariablePaymentConfiguration","paymentRequestApprovalStrategy":"AUTO_APPROVE_ON_EXPIRATION",\
                "expirationDuration":"P2D"}""");
        assertThat(ofAgreement(agreementId, GLOBEX).at("/expirationDuration").asString())
                .isEqualTo("P2D");
        var sent = fixtures.sendPayment(agreementId, AUTHOR, "Extra analysts", "750.50");
        assertThat(sent.json().at("/autoApproveAt").isString()).isTrue();
        var requestId = sent.json().at("/paymentRequestId").asString();

        var advanced = api.post("/api/v1/simulation/clock/advance", "operator@offerdesk.example", "{\"by\":\"P3D\"}");
        assertThat(advanced.status()).as(advanced.body()).isEqualTo(200);

        var approved = api.get("/api/v1/payment-requests/" + requestId, GLOBEX).json();
        assertThat(approved.at("/status").asString()).isEqualTo("APPROVED");
        var charge = charge(agreementId, approved.at("/chargeId").asString());
        assertThat(charge.at("/amount").asString()).isEqualTo("750.50");
        assertThat(charge.at("/state").asString()).isEqualTo("DUE");
    }
}
