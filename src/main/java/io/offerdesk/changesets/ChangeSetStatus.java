package io.offerdesk.changesets;

/** Where a change set is in its life; the last three are final. */
public enum ChangeSetStatus {
    PREPARING,
    APPLYING,
    SUCCEEDED,
    CANCELLED,
    FAILED;

    public boolean isFinal() {
        return switch (this) {
            case PREPARING, APPLYING -> false;
            case SUCCEEDED, CANCELLED, FAILED -> true;
        };
    }
}
