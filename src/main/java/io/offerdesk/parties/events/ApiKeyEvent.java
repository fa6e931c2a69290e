package io.offerdesk.parties.events;

import java.util.UUID;

/** A change to one bearer API key. */
public sealed interface ApiKeyEvent extends PartyEvent permits ApiKeyIssued, ApiKeyRevoked {

    UUID userId();

    String keyId();

    @Override
    default String entityType() {
        return "api-key";
    }

    @Override
    default String entityId() {
        return keyId();
    }
}
