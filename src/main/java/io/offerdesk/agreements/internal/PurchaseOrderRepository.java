package io.offerdesk.agreements.internal;

import io.offerdesk.agreements.AgreementId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Purchase orders the buyer puts on an agreement's charges after acceptance. */
@Repository
public class PurchaseOrderRepository {

    private final JdbcClient jdbc;

    PurchaseOrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Sets the charge's purchase order and makes it the charge's next revision; cancelled charges stay as they are. */
    public boolean attach(AgreementId agreement, String chargeId, String reference) {
        return jdbc.sql("""
                        UPDATE agreements.charge SET purchase_order_reference = :reference, revision = revision + 1
                        WHERE agreement_id = :agreement AND id = :charge AND state <> 'CANCELLED'
                        """)
                        .param("agreement", agreement.value())
                        .param("charge", chargeId)
                        .param("reference", reference)
                        .update()
                == 1;
    }
}
