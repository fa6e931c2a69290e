/** The template library's pages. */
@NullMarked
package io.offerdesk.gtm.internal.templates.web;

import org.jspecify.annotations.NullMarked;
