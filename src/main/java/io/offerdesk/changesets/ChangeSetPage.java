package io.offerdesk.changesets;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of change sets; {@code nextToken} fetches the next one and is absent on the last. */
public record ChangeSetPage(
        List<ChangeSet> changeSets, @Nullable String nextToken) {

    public ChangeSetPage {
        changeSets = List.copyOf(changeSets);
    }
}
