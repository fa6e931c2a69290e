package io.offerdesk.agreements.internal;

import io.offerdesk.agreements.AgreementCharge;
import io.offerdesk.agreements.Agreements;
import io.offerdesk.agreements.internal.AgreementRepository.DueCharge;
import io.offerdesk.platform.DueWork;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands scheduled charges to invoicing when their time comes (00:00 UTC of an installment's date, the start of a
 * billing period): each charge is claimed by one node with {@code SKIP LOCKED}, marked due and announced once.
 */
@Component
class ChargeSchedule implements DueWork {

    private static final int BATCH = 500;

    private final AgreementRepository agreements;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    ChargeSchedule(AgreementRepository agreements, ApplicationEventPublisher events, TransactionTemplate transactions) {
        this.agreements = agreements;
        this.events = events;
        this.transactions = transactions;
    }

    @Override
    public Optional<Instant> nextDueAfter(Instant after) {
        return agreements.nextScheduledCharge();
    }

    @Override
    public void runDue(Instant now) {
        boolean more = true;
        while (more) {
            more = Boolean.TRUE.equals(transactions.execute(status -> {
                var due = agreements.claimDueCharges(now, BATCH);
                // An agreement with several charges due at once (a catch-up after downtime) is read once.
                var byAgreement = due.stream()
                        .collect(Collectors.groupingBy(
                                DueCharge::agreementId,
                                LinkedHashMap::new,
                                Collectors.mapping(DueCharge::chargeId, Collectors.toList())));
                byAgreement.forEach((agreementId, chargeIds) -> {
                    agreements.moveScheduledCharges(agreementId, chargeIds, AgreementCharge.State.DUE);
                    var agreement = agreements.find(agreementId).orElseThrow();
                    agreement.charges().stream()
                            .filter(c -> chargeIds.contains(c.id()))
                            .forEach(c -> events.publishEvent(Agreements.chargeDue(agreement, c, now)));
                });
                return due.size() == BATCH;
            }));
        }
    }
}
