/**
 * Invoicing's pages: the operator's invoicing runs with their progress, tax rates and buyers' billing profiles, a
 * buyer's own billing profile, and the collections panel of an invoice (payments, credit and reminders, "Record
 * payment" for the operator and the buyer's finance users, and their "Pay" button in simulation mode), loaded by htmx
 * into the invoice's detail page; the invoice lists and pages of buyers and sellers, an agreement's invoices, and
 * billed revenue and receivables.
 */
@NullMarked
package io.offerdesk.invoicing.internal.web;

import org.jspecify.annotations.NullMarked;
