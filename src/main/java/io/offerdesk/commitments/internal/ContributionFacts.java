package io.offerdesk.commitments.internal;

import io.offerdesk.commitments.CommitmentContributions;
import io.offerdesk.commitments.internal.domain.CommitmentTerms;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import org.joda.money.Money;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The commitments' answer to what sellers' agreements contributed, from the recorded spend lines. */
@Component
class ContributionFacts implements CommitmentContributions {

    private final SpendRepository spend;
    private final CommitmentRepository commitments;

    ContributionFacts(SpendRepository spend, CommitmentRepository commitments) {
        this.spend = spend;
        this.commitments = commitments;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Contribution> of(Collection<String> agreementIds, YearMonth from, YearMonth to) {
        if (agreementIds.isEmpty()) {
            return List.of();
        }
        var contracts = new HashMap<UUID, List<CommitmentTerms>>();
        // Keyed by "yyyy-MM CUR": months sort as text, then currencies.
        var sums = new TreeMap<String, Contribution>();
        for (var owned :
                spend.ofAgreements(agreementIds, from.atDay(1), to.plusMonths(1).atDay(1))) {
            var line = owned.spend();
            var amount = line.amount();
            var terms = contracts.computeIfAbsent(
                    owned.ownerPartyId(),
                    owner -> commitments.of(owner).stream()
                            .map(Commitment::terms)
                            .toList());
            var counts = terms.stream()
                    .anyMatch(t -> t.currency().equals(amount.getCurrencyUnit())
                            && t.yearOf(line.invoiceDate()) != null
                            && t.counts(line.productType(), line.productEligible()));
            var month = YearMonth.from(line.invoiceDate());
            var zero = Money.zero(amount.getCurrencyUnit());
            sums.merge(
                    month + " " + amount.getCurrencyUnit().getCode(),
                    new Contribution(month, amount, counts ? amount : zero),
                    (a, b) -> new Contribution(
                            a.month(), a.billed().plus(b.billed()), a.counted().plus(b.counted())));
        }
        return List.copyOf(sums.values());
    }
}
