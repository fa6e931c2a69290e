/**
 * Invoicing's rules as pure functions: how a payment meets an invoice's open amount, how collected money is shared
 * out among the payees of the invoice's lines, an invoice's status, and when dunning reminders fall due. No Spring,
 * no SQL.
 */
@NullMarked
package io.offerdesk.invoicing.internal.domain;

import org.jspecify.annotations.NullMarked;
