/**
 * The renewal engine (ADR 0033): for agreements approaching their end it drafts the renewal offer and queues it for
 * approval, acting for the party as its renewal engine.
 */
@NullMarked
package io.offerdesk.gtm.internal.renewals;

import org.jspecify.annotations.NullMarked;
