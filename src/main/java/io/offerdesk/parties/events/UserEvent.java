package io.offerdesk.parties.events;

import java.util.UUID;

/** A change to one user. */
public sealed interface UserEvent extends PartyEvent
        permits UserInvited, InvitationAccepted, UserRolesChanged, UserStatusChanged {

    UUID userId();

    @Override
    default String entityType() {
        return "user";
    }

    @Override
    default String entityId() {
        return userId().toString();
    }
}
