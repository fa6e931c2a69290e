package io.offerdesk.agreements;

import static io.offerdesk.agreements.AgreementFixtures.AUTHOR;
import static io.offerdesk.agreements.AgreementFixtures.GLOBEX;
import static io.offerdesk.agreements.AgreementFixtures.INITECH;
import static io.offerdesk.agreements.RequestFixtures.GLOBEX_FINANCE;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.SignedInSession;
import io.offerdesk.support.TestApi;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The buyer's inbox of waiting requests and the form posts behind the request fragments. */
@EndToEndTest
class RequestPagesTests {

    static final String PASSWORD = "offerdesk-demo";

    @Autowired
    TestApi api;

    RequestFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new RequestFixtures(api);
    }

    @Test
    void procurementDecidesFromTheInboxOthersOnlyRead() {
        var agreementId = fixtures.variablePayments(null);
        var cancellationId = fixtures.pendingCancellation(agreementId);
        var paymentId = fixtures.pendingPayment(agreementId, "1500.00");
        var globex = new SignedInSession(api, GLOBEX, PASSWORD);

        var inbox = new String(globex.get("/buyer/requests").body(), StandardCharsets.UTF_8);
        assertThat(inbox).contains(cancellationId, paymentId, "/payment-requests/" + paymentId + "/accept");
        var finance = new String(
                new SignedInSession(api, GLOBEX_FINANCE, PASSWORD)
                        .get("/buyer/requests")
                        .body(),
                StandardCharsets.UTF_8);
        assertThat(finance).contains(paymentId).doesNotContain("/payment-requests/" + paymentId + "/accept");
        assertThat(new String(
                        new SignedInSession(api, INITECH, PASSWORD)
                                .get("/buyer/requests")
                                .body(),
                        StandardCharsets.UTF_8))
                .doesNotContain(paymentId);

        var approved = globex.post(
                "/buyer/requests",
                "/payment-requests/" + paymentId + "/accept?from=inbox",
                "purchaseOrderReference=PO-9");

        assertThat(approved.statusCode()).isEqualTo(302);
        assertThat(approved.headers().firstValue("Location").orElse("")).endsWith("/buyer/requests");
        assertThat(api.get("/api/v1/payment-requests/" + paymentId, AUTHOR)
                        .json()
                        .at("/purchaseOrderReference")
                        .asString())
                .isEqualTo("PO-9");
        var rejected = globex.post(
                "/buyer/requests", "/cancellation-requests/" + cancellationId + "/reject", "reason=Still+needed");
        assertThat(rejected.headers().firstValue("Location").orElse("")).endsWith("/buyer/agreements/" + agreementId);
        assertThat(api.get("/api/v1/cancellation-requests/" + cancellationId, AUTHOR)
                        .json()
                        .at("/status")
                        .asString())
                .isEqualTo("REJECTED");
    }

    @Test
    void sellerFormsSendAndAnswerTheirRefusalsOnTheAgreementPage() {
        var agreementId = fixtures.variablePayments(null);
        var acme = new SignedInSession(api, AUTHOR, PASSWORD);

        var over = acme.post(
                "/offers",
                "/agreements/" + agreementId + "/payment-requests",
                "name=Extra+analysts&chargeAmount=60000");
        var sent = acme.post(
                "/offers", "/agreements/" + agreementId + "/cancellation-requests", "reasonCode=TEST_AGREEMENT");

        assertThat(over.statusCode()).isEqualTo(302);
        assertThat(over.headers().firstValue("Location").orElse("")).endsWith("/agreements/" + agreementId);
        assertThat(api.get("/api/v1/payment-requests?agreementId=" + agreementId, AUTHOR)
                        .json()
                        .at("/items"))
                .isEmpty();
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(api.get("/api/v1/cancellation-requests?agreementId=" + agreementId, AUTHOR)
                        .json()
                        .at("/items/0/status")
                        .asString())
                .isEqualTo("PENDING_APPROVAL");
    }
}
