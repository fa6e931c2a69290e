package io.offerdesk.notifications.internal.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When to remind people that something ends: an offer expiring 7, 3 and 1 days before its expiry, an agreement 90, 60
 * and 30 days before its end. A lead time already past when the plan is made is left out: the people concerned have
 * just heard of the offer or agreement, and a reminder then would say less than what they were told.
 *
 * <p>An offer not yet viewed is reminded once, a configured number of days after its release ({@link #notViewed});
 * its {@link Due#daysBefore()} holds those days after the release.
 */
public enum ReminderPlan {
    OFFER_EXPIRING(List.of(7, 3, 1)),
    AGREEMENT_ENDING(List.of(90, 60, 30)),
    OFFER_NOT_VIEWED(List.of());

    /** One reminder: {@code daysBefore} days before the end, due at {@code dueAt}. */
    public record Due(int daysBefore, Instant dueAt) {}

    private final List<Integer> daysBefore;

    ReminderPlan(List<Integer> daysBefore) {
        this.daysBefore = daysBefore;
    }

    public List<Integer> daysBefore() {
        return daysBefore;
    }

    /**
     * The one "not yet viewed" reminder of an offer released at {@code releasedAt}: {@code daysAfter} days later, if
     * that is before the offer expires (after its expiry nobody can act on it any more).
     */
    public static Optional<Due> notViewed(Instant releasedAt, int daysAfter, Instant expiresAt) {
        var due = releasedAt.plus(Duration.ofDays(daysAfter));
        return daysAfter > 0 && due.isBefore(expiresAt) ? Optional.of(new Due(daysAfter, due)) : Optional.empty();
    }

    /** The reminders still ahead at {@code now} for something that ends at {@code end}. */
    public List<Due> plan(Instant end, Instant now) {
        return daysBefore.stream()
                .map(days -> new Due(days, end.minus(Duration.ofDays(days))))
                .filter(due -> due.dueAt().isAfter(now))
                .toList();
    }
}
