/**
 * The seller's offer pages: the offer list with AWS's OfferFilters, the offers expiring soon, one offer with its
 * history and everyday actions, and the guided composer that builds a draft step by step. Every write is a change set
 * through the engine, built in AWS's DetailsDocument shapes, so the pages decide nothing the engine does not.
 */
@NullMarked
package io.offerdesk.offers.internal.web;

import org.jspecify.annotations.NullMarked;
