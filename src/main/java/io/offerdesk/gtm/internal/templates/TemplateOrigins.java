package io.offerdesk.gtm.internal.templates;

import io.offerdesk.gtm.internal.templates.TemplateRepository.ClauseRef;
import io.offerdesk.gtm.internal.templates.TemplateRepository.EulaTemplateVersion;
import io.offerdesk.gtm.internal.templates.TemplateRepository.Origin;
import io.offerdesk.offers.events.OfferCreated;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which offer template version each offer came from. The origin is written with the change set that creates the offer
 * (keyed by the change set) and completed with the offer id when offers reports the offer created.
 */
@Component
public class TemplateOrigins {

    private final TemplateRepository repository;

    TemplateOrigins(TemplateRepository repository) {
        this.repository = repository;
    }

    @Transactional
    public void record(Origin origin) {
        repository.insertOrigin(origin);
    }

    /** Idempotent: the listener and a client waiting for the change set may both complete it. */
    @Transactional
    public void complete(UUID owner, String changeSetId, String offerId) {
        repository.completeOrigin(owner, changeSetId, offerId);
    }

    /** Idempotent too: it completes only an origin that has no offer yet, so a redelivered event changes nothing. */
    @ApplicationModuleListener
    void on(OfferCreated created) {
        repository.completeOrigin(created.sellerPartyId(), created.changeSetId(), created.offerId());
    }

    @Transactional(readOnly = true)
    public Optional<Origin> ofOffer(UUID owner, String offerId) {
        return repository.originOfOffer(owner, offerId);
    }

    /**
     * The clauses by which the EULA the offer was made with departs from the standard contract: those its EULA
     * template version picked. Empty for an offer made without a template, or from one on the standard contract.
     */
    @Transactional(readOnly = true)
    public List<ClauseRef> changedClauses(UUID owner, String offerId) {
        return repository
                .originOfOffer(owner, offerId)
                .filter(o -> o.eulaTemplateId() != null && o.eulaVersion() != null)
                .flatMap(o -> repository.eulaVersion(
                        owner,
                        java.util.Objects.requireNonNull(o.eulaTemplateId()),
                        java.util.Objects.requireNonNull(o.eulaVersion())))
                .map(EulaTemplateVersion::clauses)
                .orElse(List.of());
    }

    @Transactional(readOnly = true)
    public Optional<Origin> ofChangeSet(UUID owner, String changeSetId) {
        return repository.originOfChangeSet(owner, changeSetId);
    }
}
