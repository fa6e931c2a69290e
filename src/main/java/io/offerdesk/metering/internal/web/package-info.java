/** Metering's pages: an agreement's usage by dimension and day, with a chart, for its seller and its buyer. */
@NullMarked
package io.offerdesk.metering.internal.web;

import org.jspecify.annotations.NullMarked;
