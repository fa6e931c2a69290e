package io.offerdesk.audit;

import io.offerdesk.audit.internal.AuditRepository;
import io.offerdesk.audit.internal.ChainCheck;
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
        var check = new ChainCheck();
        entries.forEachInOrder(check::accept);
        return check.result(entries.headHash());
    }
}
