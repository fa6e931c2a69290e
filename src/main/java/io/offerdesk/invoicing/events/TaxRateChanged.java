package io.offerdesk.invoicing.events;

import io.offerdesk.shared.Actor;
import io.offerdesk.shared.AuditedEvent;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The operator set or removed the tax rate of a buyer country; invoices issued from now on use it.
 *
 * @param ratePercent absent when removed: the country has no tax
 */
public record TaxRateChanged(String country, @Nullable BigDecimal ratePercent, Actor actor, Instant occurredAt)
        implements AuditedEvent {

    @Override
    public String entityType() {
        return "tax-rate";
    }

    @Override
    public String entityId() {
        return country;
    }

    @Override
    public String ownerPartyId() {
        // The operator keeps the rates for the whole marketplace.
        return String.valueOf(actor.partyId());
    }
}
