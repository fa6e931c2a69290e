package io.offerdesk.commitments.events;

import io.offerdesk.shared.Actor;
import io.offerdesk.shared.AuditedEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The spend a commitment year counted reached a milestone (a percent of the year's cap), once per year and
 * milestone. Amounts are decimals with the currency's scale.
 */
public record CommitmentMilestoneReached(
        String commitmentId,
        UUID buyerPartyId,
        String name,
        int year,
        LocalDate yearStart,
        int percent,
        String currencyCode,
        BigDecimal counted,
        BigDecimal cap,
        Instant occurredAt)
        implements AuditedEvent {

    @Override
    public Actor actor() {
        return Actor.system("spend commitment drawdown");
    }

    @Override
    public String entityType() {
        return "commitment";
    }

    @Override
    public String entityId() {
        return commitmentId;
    }

    @Override
    public String ownerPartyId() {
        return buyerPartyId.toString();
    }
}
