/**
 * Audit: the append-only, hash-chained trail of every state change. Each {@link io.offerdesk.shared.AuditedEvent}
 * is written in the transaction that published it, linked to the previous entry by a SHA-256 hash, so that editing
 * or deleting any past entry breaks the chain at that entry; {@link io.offerdesk.audit.AuditTrail#verify()} finds
 * the first broken link.
 */
@ApplicationModule(
        displayName = "Audit trail",
        allowedDependencies = {"platform"})
@NullMarked
package io.offerdesk.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
