package io.offerdesk.gtm.internal.templates.domain;

/**
 * How the renewal engine renews an agreement approaching its end (ADR 0033), after AWS's renewal paths: a replacement
 * (agreement-based) offer of the agreement, a future-dated offer whose agreement starts where the old one ends, or a
 * plain new private offer for the same buyer.
 */
public enum RenewalMode {
    REPLACEMENT,
    FUTURE_DATED,
    NEW_OFFER
}
