/**
 * The renewal engine's pure rules: the dates of a renewal by its mode and the agreement's accepted terms with the price
 * increase applied. No Spring, no JDBC.
 */
@NullMarked
package io.offerdesk.gtm.internal.renewals.domain;

import org.jspecify.annotations.NullMarked;
