package io.offerdesk.governance;

/** Whether an experience governs its audience; a disabled one is kept but governs no one. */
public enum ExperienceStatus {
    ENABLED("Enabled"),
    DISABLED("Disabled");

    private final String wireName;

    ExperienceStatus(String wireName) {
        this.wireName = wireName;
    }

    /** As the Catalog API writes it. */
    public String wireName() {
        return wireName;
    }
}
