package io.offerdesk.notifications.internal.reminders;

import io.offerdesk.agreements.events.AgreementAccepted;
import io.offerdesk.agreements.events.AgreementEnded;
import io.offerdesk.notifications.internal.domain.ReminderPlan;
import io.offerdesk.offers.events.OfferExpired;
import io.offerdesk.offers.events.OfferReleased;
import io.offerdesk.offers.events.OfferViewed;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Plans reminders from the events that start and end their subjects: a released private offer's expiry (and, a few
 * days after its release, that no buyer has opened it yet), an accepted agreement's end. A subject that ends early (an offer cancelled by a past expiry date, an agreement replaced or
 * cancelled) drops the reminders not yet sent. Planning is idempotent, so a redelivered event plans nothing new.
 *
 * <p>Further reminders (approvals waiting, once approval workflows publish their requests) are a new {@link
 * ReminderPlan} kind planned here from their event, with their recipients and message in {@link Reminders}.
 */
@Component
@EnableConfigurationProperties(ReminderSettings.class)
class ReminderSchedule {

    private final ReminderRepository reminders;
    private final ReminderSettings settings;

    ReminderSchedule(ReminderRepository reminders, ReminderSettings settings) {
        this.reminders = reminders;
        this.settings = settings;
    }

    @ApplicationModuleListener
    void on(OfferReleased released) {
        var expiresAt = released.expiresAt();
        // A public offer has no buyers to remind, and nobody is told when it goes.
        if (expiresAt == null || released.buyerAccounts().isEmpty()) {
            return;
        }
        var kind = ReminderPlan.OFFER_EXPIRING;
        kind.plan(expiresAt, released.occurredAt())
                .forEach(due -> reminders.plan(
                        kind,
                        released.offerId(),
                        due,
                        expiresAt,
                        released.sellerPartyId(),
                        released.productId(),
                        released.buyerAccounts()));
        ReminderPlan.notViewed(released.occurredAt(), settings.offerNotViewedDays(), expiresAt)
                .ifPresent(due -> reminders.plan(
                        ReminderPlan.OFFER_NOT_VIEWED,
                        released.offerId(),
                        due,
                        expiresAt,
                        released.sellerPartyId(),
                        released.productId(),
                        released.buyerAccounts()));
    }

    @ApplicationModuleListener
    void on(OfferExpired expired) {
        reminders.cancel(ReminderPlan.OFFER_EXPIRING, expired.offerId());
        reminders.cancel(ReminderPlan.OFFER_NOT_VIEWED, expired.offerId());
    }

    /**
     * Any targeted account opening the offer drops its "not yet viewed" reminder: the seller then knows the buyer has
     * it. The view may be handled before the release that plans the reminder (listeners run independently), so the
     * cancellation is kept as a cancelled row that the later plan leaves as it is.
     */
    @ApplicationModuleListener
    void on(OfferViewed viewed) {
        reminders.cancelAhead(
                ReminderPlan.OFFER_NOT_VIEWED,
                viewed.offerId(),
                settings.offerNotViewedDays(),
                viewed.occurredAt(),
                viewed.sellerPartyId(),
                viewed.productId());
    }

    @ApplicationModuleListener
    void on(AgreementAccepted accepted) {
        var endTime = accepted.endTime();
        if (endTime == null) {
            return;
        }
        var kind = ReminderPlan.AGREEMENT_ENDING;
        kind.plan(endTime, accepted.occurredAt())
                .forEach(due -> reminders.plan(
                        kind,
                        accepted.agreementId(),
                        due,
                        endTime,
                        accepted.proposerPartyId(),
                        accepted.productId(),
                        List.of(accepted.acceptorAccountId())));
    }

    @ApplicationModuleListener
    void on(AgreementEnded ended) {
        reminders.cancel(ReminderPlan.AGREEMENT_ENDING, ended.agreementId());
    }
}
