/**
 * Deal strategy (ADR 0032): a party's segment rules, the position they give an offer, the panel the offer composer
 * shows while an author composes, and the {@link io.offerdesk.gtm.events.OfferPositioned} fact analytics groups
 * outcomes by.
 */
@NullMarked
package io.offerdesk.gtm.internal.strategy;

import org.jspecify.annotations.NullMarked;
