package io.offerdesk.shared;

/** The four kinds of party on the marketplace. */
public enum PartyKind {
    OPERATOR,
    SELLER,
    CHANNEL_PARTNER,
    BUYER
}
