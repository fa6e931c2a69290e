/**
 * Deal strategy rules and the position they give an offer, free of Spring and SQL: the first segment rule by rank
 * that matches the deal names its segment, its route (public price or private offer), its discount band and its
 * default offer template.
 */
@NullMarked
package io.offerdesk.gtm.internal.strategy.domain;

import org.jspecify.annotations.NullMarked;
