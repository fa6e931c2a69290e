package io.offerdesk.gtm;

/** What a risk checklist item needs before it counts as done. */
public enum ChecklistRequirement {
    /** A text or a link that shows the item was done, e.g. a security review report. */
    EVIDENCE,
    /** A named user's sign-off. */
    SIGN_OFF
}
