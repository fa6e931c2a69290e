package io.offerdesk.audit;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of recomputing the hash chain.
 *
 * @param intact whether every entry matched
 * @param entriesChecked how many entries were read
 * @param firstBrokenSequence the first entry whose content or link does not match, if any
 * @param reason why that entry does not match: {@code CONTENT} (its fields or payload were changed), {@code LINK}
 *     (it does not point at the entry before it: an entry was removed or inserted) or {@code HEAD} (the chain's end
 *     does not match its last entry: the last entries were removed)
 * @param headHash the hash at the end of the chain; kept elsewhere, it exposes even a chain rewritten whole
 */
public record ChainVerification(
        boolean intact,
        long entriesChecked,
        @Nullable Long firstBrokenSequence,
        @Nullable String reason,
        String headHash) {}
