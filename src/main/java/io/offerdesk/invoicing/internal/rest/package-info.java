/**
 * Invoicing's REST API: invoicing runs and their progress, tax rates, buyers' billing profiles and invoice PDFs;
 * payments, credit and reminders; invoices for their readers, their CSV exports and agreements' invoice line items.
 */
@NullMarked
package io.offerdesk.invoicing.internal.rest;

import org.jspecify.annotations.NullMarked;
