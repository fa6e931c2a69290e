package io.offerdesk.audit.internal;

import io.offerdesk.audit.AuditEntry;
import io.offerdesk.shared.Sha256;
import java.util.Objects;

/** How an entry's hash is computed: SHA-256 over its fields, its payload digest and the previous entry's hash. */
public final class ChainHash {

    /** The "previous hash" of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private ChainHash() {}

    public static String of(AuditEntry entry) {
        return of(
                entry.previousHash(),
                entry.occurredAt().toString(),
                entry.actorKind(),
                Objects.toString(entry.actorUserId(), ""),
                Objects.toString(entry.actorPartyId(), ""),
                entry.actorName(),
                entry.action(),
                entry.entityType(),
                entry.entityId(),
                entry.ownerPartyId(),
                entry.payloadDigest());
    }

    static String of(String... fields) {
        // A unit separator cannot occur in the fields' text, so distinct field lists never hash alike.
        return Sha256.hex(String.join("\u001f", fields));
    }
}
