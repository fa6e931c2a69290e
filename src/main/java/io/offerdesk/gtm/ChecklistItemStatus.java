package io.offerdesk.gtm;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One item of an offer's risk checklist and what has been recorded for it.
 *
 * @param evidence the evidence text or link, for an {@link ChecklistRequirement#EVIDENCE} item
 * @param recordedBy who recorded the evidence or signed off; absent while the item is open
 */
public record ChecklistItemStatus(
        String key,
        String text,
        ChecklistRequirement requirement,
        @Nullable String evidence,
        boolean signedOff,
        @Nullable String recordedBy,
        @Nullable Instant recordedAt) {

    public boolean done() {
        return switch (requirement) {
            case EVIDENCE -> evidence != null && !evidence.isBlank();
            case SIGN_OFF -> signedOff;
        };
    }
}
