/**
 * Invoicing's pages: the operator's invoicing runs with their progress, tax rates and buyers' billing profiles, a
 * buyer's own billing profile, and the collections panel of an invoice (payments, credit and reminders, the operator's
 * "Record payment" form and the buyer finance user's "Pay" button), loaded by htmx into the invoice's detail page.
 */
@NullMarked
package io.offerdesk.invoicing.internal.web;

import org.jspecify.annotations.NullMarked;
