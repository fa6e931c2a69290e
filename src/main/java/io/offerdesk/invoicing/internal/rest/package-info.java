/** The invoicing REST API. */
@NullMarked
package io.offerdesk.invoicing.internal.rest;

import org.jspecify.annotations.NullMarked;
