package io.offerdesk.parties;

/**
 * An invitation to a new user. The token is shown once, to the admin who invited, as the link the invitee opens to
 * set a password; only its hash is stored.
 */
public record Invitation(User user, String token) {}
