package io.offerdesk.agreements;

import java.time.Instant;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * One charge of an agreement and how far it got: scheduled charges fall due at their time and go to invoicing; a
 * replacement cancels the ones not yet due.
 *
 * @param revision increases when the buyer changes the purchase order after acceptance
 * @param wholesaleAmount for a channel partner private offer, the part of {@code amount} the ISV is paid (before its
 *     fee); the partner keeps the rest. Absent for a direct offer
 */
public record AgreementCharge(
        String id,
        int revision,
        Instant time,
        Money amount,
        ChargeTiming timing,
        State state,
        @Nullable String purchaseOrderReference,
        @Nullable Money wholesaleAmount) {

    /** Charges are numbered per agreement, in the order they were made: {@code charge-1}, {@code charge-2}, ... */
    public static final String ID_PREFIX = "charge-";

    /** The id of an agreement's {@code n}th charge (from 1). */
    public static String id(int n) {
        return ID_PREFIX + n;
    }

    public enum State {
        /** Waiting for its time. */
        SCHEDULED,
        /** Its time came; invoicing bills it. Due charges stand whatever happens to the agreement later. */
        DUE,
        /** Dropped before it fell due: the agreement was replaced or ended early. */
        CANCELLED
    }
}
