/**
 * Invoicing's REST API: invoicing runs and their progress, tax rates, buyers' billing profiles, invoice PDFs, and
 * collections (payments, credit balances, dunning reminders); invoices for their readers, their CSV exports,
 * agreements' invoice line items, and billed revenue and receivables.
 */
@NullMarked
package io.offerdesk.invoicing.internal.rest;

import org.jspecify.annotations.NullMarked;
