package io.offerdesk.changesets;

/** {@code APPLY} keeps the changes; {@code VALIDATE} runs every check and keeps nothing. */
public enum Intent {
    APPLY,
    VALIDATE
}
