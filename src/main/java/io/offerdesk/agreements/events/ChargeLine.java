package io.offerdesk.agreements.events;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One charge of an agreement as events carry it: the amount as a decimal with the currency's scale.
 *
 * @param timing ON_ACCEPTANCE, SCHEDULED or BILLING_PERIOD
 */
public record ChargeLine(
        String id,
        int revision,
        Instant time,
        String currencyCode,
        BigDecimal amount,
        String timing,
        @Nullable String purchaseOrderReference) {}
