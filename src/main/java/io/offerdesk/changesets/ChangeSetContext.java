package io.offerdesk.changesets;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.UUID;

/**
 * What every change of a change set shares.
 *
 * @param changeSetId the change set being applied, recorded in each entity's revision history
 * @param ownerPartyId the party that started it and owns the entities it changes
 * @param actor who started it, for the audit trail
 * @param now the instant the changes take effect
 */
public record ChangeSetContext(String changeSetId, UUID ownerPartyId, Actor actor, Instant now) {}
