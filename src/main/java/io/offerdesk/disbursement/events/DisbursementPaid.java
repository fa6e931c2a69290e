package io.offerdesk.disbursement.events;

import io.offerdesk.shared.Actor;
import io.offerdesk.shared.AuditedEvent;
import java.time.Instant;
import java.util.UUID;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * A payee's payable balance was transferred to it.
 *
 * @param payableRole SELLER_PAYABLE or PARTNER_PAYABLE, the account it was paid out of
 * @param retryOf the failed disbursement this one pays again, if it is a retry
 */
public record DisbursementPaid(
        String disbursementId,
        UUID payeePartyId,
        String payableRole,
        Money amount,
        @Nullable String retryOf,
        Actor actor,
        Instant occurredAt)
        implements AuditedEvent {

    @Override
    public String entityType() {
        return "disbursement";
    }

    @Override
    public String entityId() {
        return disbursementId;
    }

    @Override
    public String ownerPartyId() {
        return payeePartyId.toString();
    }
}
