package io.offerdesk.commitments.internal;

import io.offerdesk.commitments.internal.domain.CommitmentTerms;
import java.time.Instant;
import java.util.UUID;

/** A buyer organization's commitment contract as stored. */
public record Commitment(
        String id,
        UUID ownerPartyId,
        CommitmentTerms terms,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        long version) {}
