/**
 * The catalog's rules as pure functions: which dimensions, delivery options and pricing models a product type allows,
 * and what a valid product, dimension and list price is. No framework, no database, no clock.
 */
@NullMarked
package io.offerdesk.catalog.internal.domain;

import org.jspecify.annotations.NullMarked;
