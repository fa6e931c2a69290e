package io.offerdesk.invoicing;

import java.time.Instant;
import org.joda.money.Money;

/**
 * Money a buyer paid against an invoice.
 *
 * @param id {@code pay-} and 17 lowercase letters and digits
 * @param applied what the invoice took: at most what was open on it
 * @param reference the payer's reference (bank transfer, cheque), or {@code SIMULATED} for a simulated payment
 * @param simulated made with the simulator's "pay", not received from outside
 * @param recordedBy who recorded it
 */
public record Payment(
        String id,
        String invoiceId,
        Money amount,
        Money applied,
        String reference,
        boolean simulated,
        String recordedBy,
        Instant receivedAt) {

    /** The over-payment, which became the buyer's credit. */
    public Money toCredit() {
        return amount.minus(applied);
    }
}
