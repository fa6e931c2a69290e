package io.offerdesk.offers.internal.web;

import io.offerdesk.changesets.ChangeSet;
import io.offerdesk.changesets.ChangeSetOutcome;
import io.offerdesk.changesets.ChangeSets;
import io.offerdesk.changesets.StartChangeSet;
import io.offerdesk.changesets.StartChangeSet.RequestedChange;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.FieldViolation;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.QuotaExceeded;
import io.offerdesk.shared.ResourceInUse;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Starts a change set for a page and waits a little for the worker, so that the page can show the outcome at once;
 * an idle worker takes milliseconds, and a busy one leaves the page to show the status and a link instead.
 */
@Component
class ChangeSetSubmissions {

    static final Duration WAIT = Duration.ofSeconds(5);

    /** The prefix the engine puts before a field path of one change's document. */
    private static final Pattern DOCUMENT_PATH = Pattern.compile("^changeSet\\[\\d+]\\.detailsDocument\\.?");

    private final ChangeSets changeSets;

    ChangeSetSubmissions(ChangeSets changeSets) {
        this.changeSets = changeSets;
    }

    ChangeSetOutcome submit(OfferdeskPrincipal me, List<RequestedChange> changes) {
        return run(me, () -> changeSets.start(me, new StartChangeSet(changes, null, null, null)));
    }

    /** Runs an action that starts a change set (such as one of {@code OfferActions}) and waits for its outcome. */
    ChangeSetOutcome run(OfferdeskPrincipal me, Supplier<ChangeSet> start) {
        try {
            var started = start.get();
            return ChangeSetOutcome.of(changeSets.awaitFinal(me.partyId(), started.id(), WAIT));
        } catch (InvalidInput invalid) {
            return ChangeSetOutcome.invalid(invalid.violations().stream()
                    .map(v -> new FieldViolation(
                            DOCUMENT_PATH.matcher(v.field()).replaceFirst(""), v.code(), v.arguments()))
                    .toList());
        } catch (ResourceInUse inUse) {
            return ChangeSetOutcome.refused("offerPages.inUse", List.of(inUse.entityId()));
        } catch (QuotaExceeded quota) {
            return ChangeSetOutcome.refused(quota.code(), quota.arguments());
        }
    }
}
