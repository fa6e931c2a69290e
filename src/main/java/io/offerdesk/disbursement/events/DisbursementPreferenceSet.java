package io.offerdesk.disbursement.events;

import io.offerdesk.shared.Actor;
import io.offerdesk.shared.AuditedEvent;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A seller or channel partner set how it is paid in a currency.
 *
 * @param dayOfMonth of a monthly preference; null for daily
 * @param maskedBankAccount the bank account's last characters only: the audit trail keeps no account numbers
 */
public record DisbursementPreferenceSet(
        UUID partyId,
        String currency,
        String frequency,
        @Nullable Integer dayOfMonth,
        @Nullable String maskedBankAccount,
        Actor actor,
        Instant occurredAt)
        implements AuditedEvent {

    @Override
    public String entityType() {
        return "disbursement-preference";
    }

    @Override
    public String entityId() {
        return partyId + "/" + currency;
    }

    @Override
    public String ownerPartyId() {
        return partyId.toString();
    }
}
