package io.offerdesk.audit;

import io.offerdesk.audit.internal.AuditRepository;
import io.offerdesk.audit.internal.ChainHash;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Reading and verifying the audit trail. Entries are written by listening to audited events, never through here. */
@Service
public class AuditTrail {

    private final AuditRepository entries;

    AuditTrail(AuditRepository entries) {
        this.entries = entries;
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> search(AuditFilter filter) {
        return entries.search(filter);
    }

    /**
     * Recomputes every hash from the first entry to the chain head and reports the first mismatch. Repeatable read
     * gives the scan and the head one snapshot, so entries appended meanwhile do not look like a broken end.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public ChainVerification verify() {
        var previous = new String[] {ChainHash.GENESIS};
        var checked = new long[] {0};
        var broken = new ChainVerification[1];
        entries.forEachInOrder(entry -> {
            if (broken[0] != null) {
                return;
            }
            checked[0]++;
            if (!entry.previousHash().equals(previous[0])) {
                broken[0] = new ChainVerification(false, checked[0], entry.sequence(), "LINK");
            } else if (!ChainHash.digest(entry.payload()).equals(entry.payloadDigest())
                    || !ChainHash.of(entry).equals(entry.hash())) {
                broken[0] = new ChainVerification(false, checked[0], entry.sequence(), "CONTENT");
            }
            previous[0] = entry.hash();
        });
        if (broken[0] != null) {
            return broken[0];
        }
        if (!entries.headHash().equals(previous[0])) {
            return new ChainVerification(false, checked[0], null, "HEAD");
        }
        return new ChainVerification(true, checked[0], null, null);
    }
}
