package io.offerdesk.metering.internal;

import io.offerdesk.agreements.Agreement;
import io.offerdesk.agreements.Agreements;
import io.offerdesk.metering.Tag;
import io.offerdesk.metering.UsageAllocation;
import io.offerdesk.metering.events.UsageRated;
import io.offerdesk.metering.internal.RatingRepository.Period;
import io.offerdesk.metering.internal.RatingRepository.UsedRecord;
import io.offerdesk.metering.internal.domain.Rating;
import io.offerdesk.offers.Term;
import io.offerdesk.platform.DueWork;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rates each billing period of an agreement with a usage rate card once the metering window after its end has passed,
 * so that usage reported late but within the window is billed in its own period (ADR 0021). A period is claimed by one
 * worker with {@code SKIP LOCKED}; its lines, its mark, the next period and the charges invoicing takes in from
 * {@link UsageRated} commit together, so each period is rated exactly once, on any node.
 */
@Component
class UsageRating implements DueWork {

    private static final int BATCH = 100;
    private static final TypeReference<List<UsageAllocation>> ALLOCATIONS = new TypeReference<>() {};
    private static final DateTimeFormatter CHARGE_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private final RatingRepository ratings;
    private final Agreements agreements;
    private final MeteringSettings settings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final JsonMapper json;

    UsageRating(
            RatingRepository ratings,
            Agreements agreements,
            MeteringSettings settings,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            JsonMapper json) {
        this.ratings = ratings;
        this.agreements = agreements;
        this.settings = settings;
        this.events = events;
        this.transactions = transactions;
        this.json = json;
    }

    @Override
    public Optional<Instant> nextDueAfter(Instant after) {
        return ratings.nextEndAfter(after.minus(settings.window())).map(end -> end.plus(settings.window()));
    }

    @Override
    public void runDue(Instant now) {
        var endedBy = now.minus(settings.window());
        boolean more = true;
        // A rated period adds the next one, which may be due as well when the clock jumped: go on until none is left.
        while (more) {
            more = Boolean.TRUE.equals(transactions.execute(status -> {
                var due = ratings.claim(endedBy, BATCH);
                due.forEach(period -> rate(period, now));
                return !due.isEmpty();
            }));
        }
    }

    private void rate(Period period, Instant now) {
        var agreement = agreements
                .find(period.agreementId())
                .orElseThrow(() -> new IllegalStateException("No agreement " + period.agreementId()));
        var wholesale = agreement.wholesale();
        var card = Rating.RateCard.of(agreement.terms(), wholesale == null ? null : wholesale.terms())
                .orElseThrow(() -> new IllegalStateException("No usage rate card in " + period.agreementId()));
        var lines = Rating.rate(
                card, ratings.usedBefore(period.agreementId(), period.start()), usage(ratings.usage(period)));
        var chargeIds = new ArrayList<@Nullable String>();
        var charges = new ArrayList<UsageRated.Line>();
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            if (line.billed() == 0) {
                chargeIds.add(null);
                continue;
            }
            // unique per agreement: periods of one agreement start on different UTC days
            var chargeId = "usage-" + CHARGE_DATE.format(period.start()) + "-" + (i + 1);
            chargeIds.add(chargeId);
            var lineWholesale = line.wholesale();
            charges.add(new UsageRated.Line(
                    chargeId,
                    line.dimension(),
                    line.tags(),
                    line.billed(),
                    line.unitPrice(),
                    card.currency().getCode(),
                    line.amount().getAmount(),
                    lineWholesale == null ? null : lineWholesale.getAmount()));
        }
        ratings.rated(period, lines, chargeIds, now);
        var endsAt = ratings.endsAt(period.agreementId()).orElse(null);
        if (endsAt == null || period.end().isBefore(endsAt)) {
            ratings.addPeriod(new Period(period.agreementId(), period.end(), Rating.periodEnd(period.end(), endsAt)));
        }
        events.publishEvent(rated(agreement, period, charges, now));
    }

    private List<Rating.Usage> usage(List<UsedRecord> records) {
        var usage = new ArrayList<Rating.Usage>();
        for (var record : records) {
            var allocations = json.readValue(record.allocations(), ALLOCATIONS);
            if (allocations.isEmpty()) {
                usage.add(new Rating.Usage(record.dimension(), Map.of(), record.quantity()));
                continue;
            }
            for (var allocation : allocations) {
                usage.add(new Rating.Usage(
                        record.dimension(),
                        allocation.tags().stream().collect(Collectors.toMap(Tag::key, Tag::value)),
                        allocation.allocatedUsageQuantity()));
            }
        }
        return usage;
    }

    private static UsageRated rated(Agreement agreement, Period period, List<UsageRated.Line> lines, Instant now) {
        return new UsageRated(
                agreement.id().value(),
                agreement.offerId(),
                agreement.productId(),
                agreement.proposerPartyId(),
                agreement.publisherPartyId(),
                agreement.acceptorPartyId(),
                agreement.billingAccountId().value(),
                agreement
                        .term(Term.NetPaymentTerm.class)
                        .map(t -> t.paymentDuePeriod().getDays())
                        .orElse(null),
                period.start(),
                period.end(),
                lines,
                now);
    }
}
