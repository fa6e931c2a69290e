package io.offerdesk.commitments.events;

import io.offerdesk.shared.Actor;
import io.offerdesk.shared.AuditedEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A buyer organization changed the terms of a spend commitment contract.
 *
 * @param yearlyCommitments one amount per contract year, decimals with the currency's scale
 */
public record CommitmentChanged(
        String commitmentId,
        UUID buyerPartyId,
        String name,
        String currencyCode,
        LocalDate startDate,
        List<BigDecimal> yearlyCommitments,
        BigDecimal shareCapPercent,
        List<String> excludedProductTypes,
        List<Integer> milestones,
        Actor actor,
        Instant occurredAt)
        implements AuditedEvent {

    public CommitmentChanged {
        yearlyCommitments = List.copyOf(yearlyCommitments);
        excludedProductTypes = List.copyOf(excludedProductTypes);
        milestones = List.copyOf(milestones);
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
