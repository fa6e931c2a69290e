package io.offerdesk.parties.events;

import java.util.UUID;

/** A change to one SigV4 access key. */
public sealed interface AccessKeyEvent extends PartyEvent permits AccessKeyIssued, AccessKeyRevoked {

    UUID userId();

    String accessKeyId();

    @Override
    default String entityType() {
        return "access-key";
    }

    @Override
    default String entityId() {
        return accessKeyId();
    }
}
