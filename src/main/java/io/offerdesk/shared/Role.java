package io.offerdesk.shared;

import java.util.Arrays;
import java.util.List;

/** What a user may do for their party. Each role belongs to the party kinds that can grant it. */
public enum Role {
    OPERATOR_ADMIN(PartyKind.OPERATOR),
    ADMIN(PartyKind.SELLER, PartyKind.CHANNEL_PARTNER),
    OFFER_AUTHOR(PartyKind.SELLER, PartyKind.CHANNEL_PARTNER),
    OFFER_APPROVER(PartyKind.SELLER, PartyKind.CHANNEL_PARTNER),
    FINANCE(PartyKind.SELLER, PartyKind.CHANNEL_PARTNER, PartyKind.BUYER),
    PROCUREMENT(PartyKind.BUYER),
    MARKETPLACE_ADMIN(PartyKind.BUYER),
    VIEWER(PartyKind.BUYER);

    private final List<PartyKind> grantableBy;

    Role(PartyKind... grantableBy) {
        this.grantableBy = List.of(grantableBy);
    }

    public boolean appliesTo(PartyKind kind) {
        return grantableBy.contains(kind);
    }

    public static List<Role> forParty(PartyKind kind) {
        return Arrays.stream(values()).filter(r -> r.appliesTo(kind)).toList();
    }

    /** The role that administers a party of this kind: it invites users and manages roles and keys. */
    public static Role administratorOf(PartyKind kind) {
        return switch (kind) {
            case OPERATOR -> OPERATOR_ADMIN;
            case SELLER, CHANNEL_PARTNER -> ADMIN;
            case BUYER -> MARKETPLACE_ADMIN;
        };
    }
}
