package io.offerdesk.notifications.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.notifications.internal.domain.ReminderPlan.Due;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReminderPlanTests {

    static final Instant EXPIRY = Instant.parse("2027-03-10T23:59:59.999Z");

    @Test
    void anOfferIsRemindedSevenThreeAndOneDayBeforeItExpires() {
        assertThat(ReminderPlan.OFFER_EXPIRING.plan(EXPIRY, Instant.parse("2027-02-01T00:00:00Z")))
                .containsExactly(
                        new Due(7, Instant.parse("2027-03-03T23:59:59.999Z")),
                        new Due(3, Instant.parse("2027-03-07T23:59:59.999Z")),
                        new Due(1, Instant.parse("2027-03-09T23:59:59.999Z")));
    }

    @Test
    void leadTimesAlreadyPastAreLeftOut() {
        assertThat(ReminderPlan.OFFER_EXPIRING.plan(EXPIRY, Instant.parse("2027-03-05T12:00:00Z")))
                .extracting(Due::daysBefore)
                .containsExactly(3, 1);
        assertThat(ReminderPlan.OFFER_EXPIRING.plan(EXPIRY, Instant.parse("2027-03-09T23:59:59.999Z")))
                .isEmpty();
    }

    @Test
    void anAgreementIsRemindedNinetySixtyAndThirtyDaysBeforeItEnds() {
        assertThat(ReminderPlan.AGREEMENT_ENDING.plan(
                        Instant.parse("2028-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z")))
                .extracting(Due::dueAt)
                .containsExactly(
                        Instant.parse("2027-10-03T00:00:00Z"),
                        Instant.parse("2027-11-02T00:00:00Z"),
                        Instant.parse("2027-12-02T00:00:00Z"));
    }

    @Test
    void anOfferNotViewedIsRemindedOnceTheConfiguredDaysAfterItsReleaseIfItHasNotExpiredByThen() {
        var released = Instant.parse("2027-03-01T10:00:00Z");
        assertThat(ReminderPlan.notViewed(released, 3, EXPIRY))
                .contains(new Due(3, Instant.parse("2027-03-04T10:00:00Z")));
        assertThat(ReminderPlan.notViewed(released, 10, EXPIRY)).isEmpty();
        assertThat(ReminderPlan.notViewed(released, 0, EXPIRY)).isEmpty();
    }
}
