/**
 * Invoicing's pure rules: how due charges group into invoices, their due dates and their tax; how a payment meets an
 * invoice's open amount, how collected money is shared out among the payees of the invoice's lines, and an invoice's
 * status. No Spring, no SQL.
 */
@NullMarked
package io.offerdesk.invoicing.internal.domain;

import org.jspecify.annotations.NullMarked;
