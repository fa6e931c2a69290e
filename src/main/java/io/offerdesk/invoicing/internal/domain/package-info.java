/** Invoicing's pure rules: how due charges group into invoices, their due dates and their tax. No Spring, no SQL. */
@NullMarked
package io.offerdesk.invoicing.internal.domain;

import org.jspecify.annotations.NullMarked;
