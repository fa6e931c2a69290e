/**
 * Invoicing's pure rules: how due charges group into invoices, their due dates and their tax; how a payment meets an
 * invoice's open amount, how collected money is shared out among the payees of the invoice's lines, an invoice's
 * status, when dunning reminders fall due; and receivables by month and by age. No Spring, no SQL.
 */
@NullMarked
package io.offerdesk.invoicing.internal.domain;

import org.jspecify.annotations.NullMarked;
