/**
 * The agreement pages: the buyer quotes an offer, reviews every charge and accepts it, and reads its agreements; the
 * seller searches the agreements made from its offers. Every page about an agreement or a quote answers the 404 page
 * to anyone but its buyer, its seller and the operator.
 */
@NullMarked
package io.offerdesk.agreements.internal.web;

import org.jspecify.annotations.NullMarked;
