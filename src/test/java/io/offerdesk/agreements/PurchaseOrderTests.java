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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Purchase orders a buyer puts on charges after accepting (UpdatePurchaseOrders) and the charges' list. */
@EndToEndTest
class PurchaseOrderTests {

    private static final String PATH = "/api/v1/buyer/purchase-orders";

    @Autowired
    TestApi api;

    RequestFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new RequestFixtures(api);
    }

    private static String order(String agreementId, String chargeId, String reference) {
        return "{\"purchaseOrders\":[{\"agreementId\":\"%s\",\"chargeId\":\"%s\",\"purchaseOrderReference\":\"%s\"}]}"
                .formatted(agreementId, chargeId, reference);
    }

    @Test
    void purchaseOrderMakesTheChargesNextRevision() {
        var agreementId = fixtures.contract();
        var charges = "/api/v1/agreements/" + agreementId + "/charges";
        assertThat(api.get(charges, GLOBEX).json().at("/items/1/revision").asInt())
                .isEqualTo(1);

        var updated = api.put(PATH, GLOBEX, order(agreementId, "charge-2", "PO-4711"));

        assertThat(updated.status()).as(updated.body()).isEqualTo(204);
        var listed = api.get(charges, GLOBEX).json().at("/items");
        assertThat(listed).hasSize(12);
        assertThat(listed.get(1).at("/id").asString()).isEqualTo("charge-2");
        assertThat(listed.get(1).at("/revision").asInt()).isEqualTo(2);
        assertThat(listed.get(1).at("/purchaseOrderReference").asString()).isEqualTo("PO-4711");
        assertThat(listed.get(1).at("/agreementType").asString()).isEqualTo("PurchaseAgreement");
        assertThat(listed.get(0).at("/revision").asInt()).isEqualTo(1);
        assertThat(api.get(charges, AUTHOR)
                        .json()
                        .at("/items/1/purchaseOrderReference")
                        .asString())
                .isEqualTo("PO-4711");
        var stale = api.put(
                PATH,
                GLOBEX,
                "{\"purchaseOrders\":[{\"agreementId\":\"%s\",\"chargeId\":\"charge-2\",\"chargeRevision\":1,\"purchaseOrderReference\":\"PO-2\"}]}"
                        .formatted(agreementId));
        assertThat(stale.status()).isEqualTo(422);
        assertThat(code(stale)).isEqualTo("agreement.INVALID_CHARGE_REVISION");
    }

    @Test
    void refusesUnknownChargesOtherPartiesAndNonProcurementUsers() {
        var agreementId = fixtures.contract();

        var unknown = api.put(PATH, GLOBEX, order(agreementId, "charge-99", "PO-1"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(code(unknown)).isEqualTo("agreement.INVALID_PURCHASE_ORDERS");
        assertThat(unknown.json().at("/errors/0/field").asString()).isEqualTo("purchaseOrders[0].chargeId");
        var empty = api.put(PATH, GLOBEX, "{\"purchaseOrders\":[]}");
        assertThat(code(empty)).isEqualTo("agreement.INVALID_PURCHASE_ORDERS");
        assertThat(api.put(PATH, INITECH, order(agreementId, "charge-1", "PO-1"))
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/agreements/" + agreementId + "/charges", INITECH)
                        .status())
                .isEqualTo(404);
        assertThat(api.put(PATH, GLOBEX_FINANCE, order(agreementId, "charge-1", "PO-1"))
                        .status())
                .isEqualTo(403);
        assertThat(api.put(PATH, AUTHOR, order(agreementId, "charge-1", "PO-1")).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/agreements/" + agreementId + "/charges", GLOBEX)
                        .json()
                        .at("/items/0/revision")
                        .asInt())
                .isEqualTo(1);
    }
}
