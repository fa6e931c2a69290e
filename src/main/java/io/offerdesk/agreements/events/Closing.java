package io.offerdesk.agreements.events;

import java.util.Locale;
import java.util.UUID;

/** How the audit trail names the end of a seller's request (cancellation or payment), and whose data it is. */
final class Closing {

    private Closing() {}

    /** APPROVED becomes Approved; a seller's CANCELLED is a withdrawal. */
    static String verb(String status) {
        if (status.equals("CANCELLED")) {
            return "Withdrawn";
        }
        var words = status.toLowerCase(Locale.ROOT).split("_");
        var verb = new StringBuilder();
        for (var word : words) {
            verb.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return verb.toString();
    }

    static UUID owner(String status, UUID proposer, UUID acceptor) {
        return status.equals("CANCELLED") ? proposer : acceptor;
    }
}
