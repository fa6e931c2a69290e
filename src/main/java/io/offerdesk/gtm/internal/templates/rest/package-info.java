/** The template library's REST API under {@code /api/v1}. */
@NullMarked
package io.offerdesk.gtm.internal.templates.rest;

import org.jspecify.annotations.NullMarked;
