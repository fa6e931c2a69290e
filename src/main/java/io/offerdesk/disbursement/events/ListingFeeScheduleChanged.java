package io.offerdesk.disbursement.events;

import io.offerdesk.shared.Actor;
import io.offerdesk.shared.AuditedEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * The operator added a version of the listing-fee schedule (or withdrew one not yet in force); agreements accepted
 * from {@code effectiveFrom} on take their fee from it.
 *
 * @param withdrawn true when the version was withdrawn before it came into force
 * @param rates the version's rates in percent by name, public ones as {@code public.<PRODUCT_TYPE>}
 */
public record ListingFeeScheduleChanged(
        String scheduleId,
        Instant effectiveFrom,
        boolean withdrawn,
        Map<String, BigDecimal> rates,
        Actor actor,
        Instant occurredAt)
        implements AuditedEvent {

    public ListingFeeScheduleChanged {
        rates = Map.copyOf(rates);
    }

    @Override
    public String entityType() {
        return "listing-fee-schedule";
    }

    @Override
    public String entityId() {
        return scheduleId;
    }

    @Override
    public String ownerPartyId() {
        // The operator keeps the schedule for the whole marketplace.
        return String.valueOf(actor.partyId());
    }
}
