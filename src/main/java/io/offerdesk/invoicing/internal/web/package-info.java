/**
 * Invoicing's pages: the operator's invoicing runs with their progress, tax rates and buyers' billing profiles, and a
 * buyer's own billing profile; the invoice lists and pages of buyers and sellers, with the collections part of an
 * invoice's page (payments, credit and reminders, the operator's "Record payment" form and the buyer finance user's
 * "Pay" button, loaded by htmx); an agreement's invoices; billed revenue and receivables.
 */
@NullMarked
package io.offerdesk.invoicing.internal.web;

import org.jspecify.annotations.NullMarked;
