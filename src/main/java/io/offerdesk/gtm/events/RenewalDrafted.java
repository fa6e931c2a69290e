package io.offerdesk.gtm.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The renewal engine drafted the renewal of an agreement approaching its end and queued it for approval.
 *
 * @param partyId the seller or channel partner who proposed the agreement and owns the draft
 * @param mode how the draft renews it: {@code REPLACEMENT}, {@code FUTURE_DATED} or {@code NEW_OFFER}
 */
public record RenewalDrafted(
        String agreementId, String offerId, UUID partyId, String mode, Instant agreementEnd, Instant occurredAt) {}
