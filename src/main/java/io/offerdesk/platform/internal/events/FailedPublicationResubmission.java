package io.offerdesk.platform.internal.events;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands event publications whose listener failed (or that went stale in flight, see {@code
 * spring.modulith.events.staleness}) to their listener again, so that a transient failure does not lose a side effect
 * for good. Every node runs it: the registry resubmits a publication only after marking it {@code RESUBMITTED} with an
 * update conditional on its status, which one node wins, so each failed publication goes to one node per round (ADR
 * 0043). Listeners stay idempotent, as the registry's at-least-once delivery asks of them.
 */
@Component
class FailedPublicationResubmission {

    private final IncompleteEventPublications publications;
    private final ResubmissionOptions options;

    FailedPublicationResubmission(
            IncompleteEventPublications publications,
            @Value("${offerdesk.events.resubmit-after:PT5M}") Duration resubmitAfter) {
        this.publications = publications;
        this.options = ResubmissionOptions.defaults().withMinAge(resubmitAfter);
    }

    @Scheduled(
            fixedDelayString = "${offerdesk.events.resubmit-interval:PT1M}",
            initialDelayString = "${offerdesk.events.resubmit-interval:PT1M}")
    void resubmit() {
        publications.resubmitIncompletePublications(options);
    }
}
