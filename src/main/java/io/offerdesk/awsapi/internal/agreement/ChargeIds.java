package io.offerdesk.awsapi.internal.agreement;

import io.offerdesk.agreements.AgreementCharge;
import java.util.regex.Pattern;

/**
 * Charge ids on the wire. The model's {@code ChargeId} (a payment request's charge) is {@code ch-} and letters or
 * digits, while the agreements module numbers an agreement's charges {@code charge-<n>}: the wire writes {@code
 * ch-<n>} everywhere a charge is named (quotes, charges, payment requests), so one charge has one id, and reads either
 * form back. Like the module's, the id names the charge within its agreement, which every input that takes one names
 * too.
 */
final class ChargeIds {

    static final String WIRE_PREFIX = "ch-";

    private static final Pattern WIRE = Pattern.compile(WIRE_PREFIX + "(\\d+)");

    private ChargeIds() {}

    static String wire(String chargeId) {
        return chargeId.startsWith(AgreementCharge.ID_PREFIX)
                ? WIRE_PREFIX + chargeId.substring(AgreementCharge.ID_PREFIX.length())
                : chargeId;
    }

    /** The module's id of a charge the wire names; anything else is left as given, to be refused as unknown. */
    static String module(String chargeId) {
        var wire = WIRE.matcher(chargeId);
        return wire.matches() ? AgreementCharge.ID_PREFIX + wire.group(1) : chargeId;
    }
}
