/**
 * Invoicing's pages: the operator's invoicing runs with their progress, tax rates and buyers' billing profiles, a
 * buyer's own billing profile, and the collections panel of an invoice (payments, credit and reminders, "Record
 * payment" for the operator and the buyer's finance users, and their "Pay" button in simulation mode), loaded by htmx
 * into the invoice's detail page.
 */
@NullMarked
package io.offerdesk.invoicing.internal.web;

import org.jspecify.annotations.NullMarked;
