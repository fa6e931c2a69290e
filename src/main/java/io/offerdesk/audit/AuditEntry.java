package io.offerdesk.audit;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One entry of the audit trail as readers see it. */
public record AuditEntry(
        long sequence,
        Instant occurredAt,
        String actorKind,
        @Nullable UUID actorUserId,
        @Nullable UUID actorPartyId,
        String actorName,
        String action,
        String entityType,
        String entityId,
        String ownerPartyId,
        String payload,
        String payloadDigest,
        String previousHash,
        String hash) {

    /** This entry sealed with its chain hash. */
    public AuditEntry withHash(String chainHash) {
        return new AuditEntry(
                sequence,
                occurredAt,
                actorKind,
                actorUserId,
                actorPartyId,
                actorName,
                action,
                entityType,
                entityId,
                ownerPartyId,
                payload,
                payloadDigest,
                previousHash,
                chainHash);
    }
}
