/**
 * Invoicing's rules as pure functions: what a billing adjustment may credit, how a credit memo splits the credited
 * amount into net and tax and over the original's lines, and the ledger entries that give the money back. No
 * framework, no database, no clock: the invoice's state and the time arrive as arguments.
 */
@NullMarked
package io.offerdesk.invoicing.internal.domain;

import org.jspecify.annotations.NullMarked;
