/**
 * What metering tells other modules: the usage of a billing period rated into usage charges, which invoicing takes in
 * synchronously in the rating's transaction.
 */
@NamedInterface("events")
@NullMarked
package io.offerdesk.metering.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
