package io.offerdesk.commitments;

import java.time.Instant;
import java.util.UUID;

/**
 * A cost center of a buyer organization, to which its finance team charges back marketplace spend.
 *
 * @param id {@code cc-} and 17 lowercase alphanumerics
 * @param code the organization's own code, unique within it regardless of case, e.g. {@code CC-1042}
 */
public record CostCenter(String id, UUID partyId, String code, String name, Instant createdAt) {}
