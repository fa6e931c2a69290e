package io.offerdesk.agreements;

/** Which side of agreements a party looks at: the seller proposed them, the buyer accepted them. */
public enum PartyType {
    PROPOSER,
    ACCEPTOR
}
