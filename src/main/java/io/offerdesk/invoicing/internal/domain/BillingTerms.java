package io.offerdesk.invoicing.internal.domain;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * What decides a buyer's due dates and tax beyond the charges themselves.
 *
 * @param country the buyer's country (ISO 3166 alpha-2), absent when not known
 * @param taxRate the rate in percent the operator keeps for that country, absent when none applies
 * @param defaultNetPaymentDays days to pay a charge whose offer has no net payment term
 */
public record BillingTerms(
        @Nullable String country, @Nullable BigDecimal taxRate, int defaultNetPaymentDays) {}
