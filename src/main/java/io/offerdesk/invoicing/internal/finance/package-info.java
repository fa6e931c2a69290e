/**
 * The finance read model: invoices with their balances as buyers, sellers of record and the operator search them,
 * invoice line items grouped per agreement and invoice, billed revenue and receivables by month, and CSV exports.
 * Every query carries the reader's owner predicate; it reads invoicing's own tables only.
 */
@NullMarked
package io.offerdesk.invoicing.internal.finance;

import org.jspecify.annotations.NullMarked;
