package io.offerdesk.agreements.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An agreement stopped being active.
 *
 * @param status the status it ended in: EXPIRED, CANCELLED, RENEWED, REPLACED or TERMINATED
 * @param successorAgreementId the agreement that renewed or replaced it
 */
public record AgreementEnded(
        String agreementId,
        UUID proposerPartyId,
        UUID acceptorPartyId,
        String status,
        @Nullable String successorAgreementId,
        Actor actor,
        Instant occurredAt)
        implements AgreementEvent {

    @Override
    public String action() {
        return "Agreement" + status.charAt(0) + status.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String ownerPartyId() {
        return acceptorPartyId.toString();
    }
}
