package io.offerdesk.agreements.events;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One charge of an agreement as events carry it: the amount as a decimal with the currency's scale.
 *
 * @param timing ON_ACCEPTANCE, SCHEDULED or BILLING_PERIOD
 * @param wholesaleAmount for a channel partner private offer, the part of {@code amount} the ISV is paid before its
 *     fee (the partner keeps the rest); absent for a direct offer
 */
public record ChargeLine(
        String id,
        int revision,
        Instant time,
        String currencyCode,
        BigDecimal amount,
        String timing,
        @Nullable String purchaseOrderReference,
        @Nullable BigDecimal wholesaleAmount) {}
