package io.offerdesk.changesets;

import java.util.Map;

/**
 * Applies the changes of one change set to one handler's entities. The engine calls {@link #apply} for each change in
 * order and {@link #finish} once all have been applied; everything runs in one transaction, so when any change is
 * rejected nothing of the change set is kept.
 */
public interface ChangeSession {

    /**
     * Applies one change, usually to entities held in memory until {@link #finish}.
     *
     * @return the id of the entity changed, or created by a creating change
     * @throws ChangeRejected when the change breaks a business rule
     */
    String apply(ResolvedChange change);

    /** Writes every entity the changes touched and returns each one's new revision by entity id. */
    Map<String, Long> finish();

    /**
     * Publishes the events of what {@link #finish} wrote. Called last in the transaction: audited events take the audit
     * trail's lock, which every writer shares, so the later they are published the shorter it is held.
     */
    default void publish() {}
}
