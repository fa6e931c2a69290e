package io.offerdesk.changesets.internal;

import io.offerdesk.platform.DueWork;
import java.time.Instant;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** Forgets finished change sets once their retention is over; deleting is idempotent, so every node may run it. */
@Component
@EnableConfigurationProperties(ChangeSetSettings.class)
class ChangeSetRetention implements DueWork {

    private final ChangeSetRepository changeSets;
    private final ChangeSetSettings settings;

    ChangeSetRetention(ChangeSetRepository changeSets, ChangeSetSettings settings) {
        this.changeSets = changeSets;
        this.settings = settings;
    }

    @Override
    public Optional<Instant> nextDueAfter(Instant after) {
        return changeSets.oldestEnd().map(ended -> ended.plus(settings.retention()));
    }

    @Override
    public void runDue(Instant now) {
        changeSets.deleteEndedBefore(now.minus(settings.retention()));
    }
}
