/**
 * What happened in invoicing, for other modules: invoices issued by a run (one event per batch) and runs completed;
 * payments received, invoices paid, dunning reminders sent and agreements terminated for non-payment; billing
 * adjustments requested, completed or failed, and the credit memos they issued.
 */
@NamedInterface("events")
@NullMarked
package io.offerdesk.invoicing.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
