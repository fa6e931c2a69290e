package io.offerdesk.parties;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A node of a buyer organization's tree; the root has no parent. */
public record OrganizationalUnit(
        UUID id, UUID partyId, @Nullable UUID parentId, String name) {}
