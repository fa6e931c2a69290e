package io.offerdesk.parties;

import io.offerdesk.shared.PartyKind;
import java.time.Instant;
import java.util.UUID;

/** A participant in the marketplace: the operator, a seller (ISV), a channel partner or a buyer organization. */
public record Party(UUID id, PartyKind kind, String name, Instant createdAt) {}
