/**
 * The collections part of the invoice pages: payments, credit and reminders of one invoice, with the operator's
 * "Record payment" form and the buyer finance user's "Pay" button, loaded by htmx into the invoice's detail page.
 */
@NullMarked
package io.offerdesk.invoicing.internal.web;

import org.jspecify.annotations.NullMarked;
