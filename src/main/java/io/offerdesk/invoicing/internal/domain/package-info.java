/** Invoicing's rules as pure functions: no Spring, no SQL. */
@NullMarked
package io.offerdesk.invoicing.internal.domain;

import org.jspecify.annotations.NullMarked;
