package io.offerdesk.invoicing.internal;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The tax rate the operator keeps for a buyer country.
 *
 * @param country ISO 3166 alpha-2
 * @param ratePercent e.g. {@code 19.0000} for 19 %
 */
// Serializable: a flash attribute across its page's redirect, kept in the database-backed session (ADR 0043).
public record TaxRate(String country, BigDecimal ratePercent, Instant updatedAt) implements Serializable {}
