/**
 * Invoicing's pure rules: how due charges group into invoices, their due dates and their tax; how a payment meets an
 * invoice's open amount, how collected money is shared out among the payees of the invoice's lines, an invoice's
 * status, when dunning reminders fall due; what a billing adjustment may credit, how a credit memo divides the
 * credited amount into net and tax and over the original's lines, and the ledger entries that give the money back;
 * and receivables by month and by age. No Spring, no SQL, no clock: state and time arrive as arguments.
 */
@NullMarked
package io.offerdesk.invoicing.internal.domain;

import org.jspecify.annotations.NullMarked;
