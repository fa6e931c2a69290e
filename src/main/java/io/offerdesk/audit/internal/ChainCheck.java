package io.offerdesk.audit.internal;

import io.offerdesk.audit.AuditEntry;
import io.offerdesk.audit.ChainVerification;
import io.offerdesk.shared.Sha256;
import org.jspecify.annotations.Nullable;

/** Walks the trail in sequence order and remembers the first entry that breaks the chain. */
public final class ChainCheck {

    private String previousHash = ChainHash.GENESIS;
    private long checked;
    private @Nullable Long brokenAt;
    private @Nullable String reason;

    public void accept(AuditEntry entry) {
        if (brokenAt != null) {
            return;
        }
        checked++;
        if (!entry.previousHash().equals(previousHash)) {
            breakAt(entry, "LINK");
        } else if (!Sha256.hex(entry.payload()).equals(entry.payloadDigest())
                || !ChainHash.of(entry).equals(entry.hash())) {
            breakAt(entry, "CONTENT");
        }
        previousHash = entry.hash();
    }

    /** The verdict, given the hash the chain head says the last entry has. */
    public ChainVerification result(String headHash) {
        if (brokenAt != null) {
            return new ChainVerification(false, checked, brokenAt, reason, headHash);
        }
        if (!headHash.equals(previousHash)) {
            return new ChainVerification(false, checked, null, "HEAD", headHash);
        }
        return new ChainVerification(true, checked, null, null, headHash);
    }

    private void breakAt(AuditEntry entry, String why) {
        brokenAt = entry.sequence();
        reason = why;
    }
}
