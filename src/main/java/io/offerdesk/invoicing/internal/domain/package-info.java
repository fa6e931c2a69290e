/**
 * Invoicing's rules as pure functions: how due charges group into invoices, their due dates and their tax; what a
 * billing adjustment may credit, how a credit memo divides the credited amount into net and tax and over the original's
 * lines, and the ledger entries that give the money back. No Spring, no SQL, no clock: state and time arrive as
 * arguments.
 */
@NullMarked
package io.offerdesk.invoicing.internal.domain;

import org.jspecify.annotations.NullMarked;
