package io.offerdesk.changesets;

/** Why a change set failed: the request broke a rule (see each change's errors), or the server failed (retry). */
public enum FailureCode {
    CLIENT_ERROR,
    SERVER_FAULT
}
