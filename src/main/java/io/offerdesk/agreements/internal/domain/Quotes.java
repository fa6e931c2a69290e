package io.offerdesk.agreements.internal.domain;

import io.offerdesk.agreements.AcceptedTerm;
import io.offerdesk.agreements.AgreementCharge;
import io.offerdesk.agreements.ChargeSummary;
import io.offerdesk.agreements.ChargeTiming;
import io.offerdesk.agreements.ExpectedCharge;
import io.offerdesk.agreements.RefusalReason;
import io.offerdesk.agreements.RequestedTerm;
import io.offerdesk.agreements.TermConfiguration;
import io.offerdesk.agreements.TermConfiguration.ContractConfiguration;
import io.offerdesk.agreements.TermConfiguration.RenewalConfiguration;
import io.offerdesk.agreements.TermConfiguration.VariablePaymentConfiguration;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.Term;
import io.offerdesk.offers.Term.ConfigurableUpfrontPricingTerm;
import io.offerdesk.offers.Term.Constraint;
import io.offerdesk.offers.Term.ContractRateCard;
import io.offerdesk.offers.Term.FixedUpfrontPricingTerm;
import io.offerdesk.offers.Term.PaymentScheduleTerm;
import io.offerdesk.offers.Term.RecurringPaymentTerm;
import io.offerdesk.offers.Term.RenewalTerm;
import io.offerdesk.offers.Term.UsageBasedPricingTerm;
import io.offerdesk.offers.Term.ValidityTerm;
import io.offerdesk.offers.Term.VariablePaymentTerm;
import io.offerdesk.shared.FieldViolation;
import io.offerdesk.shared.InvalidInput;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.joda.money.BigMoney;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * Prices an agreement request: checks the buyer's requested terms against the offer and works out the agreement's
 * dates, every expected charge and the agreement value by AWS's rules (the contract value for upfront and configurable
 * contracts, the schedule total for installments, the known billing periods of a subscription, nothing for usage).
 */
public final class Quotes {

    /** Start dates begin at 00:00 UTC; end dates end at the last millisecond of their day, as AWS writes them. */
    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59, 999_000_000);

    private Quotes() {}

    /** The accepted terms and what they cost, as of {@code now}. */
    public record Quote(List<AcceptedTerm> terms, ChargeSummary charges) {
        public Quote {
            terms = List.copyOf(terms);
        }
    }

    /**
     * The wholesale side of a channel partner private offer's quote: the resale authorization's terms priced with the
     * buyer's configuration over the same dates, and what the ISV is paid of each buyer charge.
     *
     * @param amounts the wholesale amount of each of the quote's charges, in the same order
     */
    public record WholesaleQuote(List<AcceptedTerm> terms, Money value, List<Money> amounts) {
        public WholesaleQuote {
            terms = List.copyOf(terms);
            amounts = List.copyOf(amounts);
        }
    }

    /**
     * Prices the accepted configuration with the offer's wholesale terms and pairs the charges one to one by time and
     * timing. A wholesale term has the same id as the buyer's term of its type (term ids name the offer and the type),
     * so each takes the configuration the buyer chose for its counterpart. The partner's own schedule keeps the
     * wholesale charge dates (a rule of the offer), so every charge finds its pair.
     *
     * @return absent for a direct offer
     * @throws IllegalStateException when the two schedules do not pair, which the offer's rules exclude
     */
    public static @Nullable WholesaleQuote wholesale(Offer offer, Quote buyer, Instant now) {
        var resale = offer.resale();
        if (resale == null) {
            return null;
        }
        var configurations = new HashMap<String, @Nullable TermConfiguration>();
        buyer.terms().forEach(term -> configurations.put(term.id(), term.configuration()));
        var terms = resale.wholesaleTerms().stream()
                .map(term -> new AcceptedTerm(offer.termId(term), term, configurations.get(offer.termId(term))))
                .toList();
        var summary = buyer.charges();
        var wholesale = charges(
                terms, summary.currency(), summary.startTime(), summary.endTime(), now, summary.invoicingEntity());
        return new WholesaleQuote(
                terms, wholesale.agreementValue(), pair(summary.expectedCharges(), wholesale.expectedCharges()));
    }

    /** The wholesale amount of each buyer charge: the wholesale charge at the same time with the same timing. */
    public static List<Money> pair(List<ExpectedCharge> buyer, List<ExpectedCharge> wholesale) {
        var unpaired = new ArrayList<>(wholesale);
        var amounts = new ArrayList<Money>();
        for (var charge : buyer) {
            var pair = unpaired.stream()
                    .filter(w -> w.time().equals(charge.time()) && w.timing() == charge.timing())
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "no wholesale charge pairs with the buyer's charge at " + charge.time()));
            unpaired.remove(pair);
            amounts.add(pair.amount());
        }
        if (!unpaired.isEmpty()) {
            throw new IllegalStateException("wholesale charges without a buyer charge: " + unpaired);
        }
        return amounts;
    }

    /**
     * @throws InvalidInput with a {@link RefusalReason} per broken rule, the field naming the requested term
     */
    public static Quote quote(Offer offer, List<RequestedTerm> requested, Instant now, String invoicingEntity) {
        if (offer.isExpired(now)) {
            throw RefusalReason.EXPIRED_AGREEMENT_PROPOSAL.at(
                    "agreementProposalIdentifier", offer.id().value());
        }
        var accepted = acceptedTerms(offer, requested);
        var start = startOf(offer, now);
        var end = endOf(offer, accepted, start);
        var currency = offer.currency().orElse(CurrencyUnit.USD);
        return new Quote(accepted, charges(accepted, currency, start, end, now, invoicingEntity));
    }

    /**
     * The charges of accepted terms for an agreement running from {@code start} to {@code end}, as of {@code now}: what
     * a quote charges, and what an automatic renewal charges for its renewed terms.
     */
    public static ChargeSummary charges(
            List<AcceptedTerm> accepted,
            CurrencyUnit currency,
            Instant start,
            @Nullable Instant end,
            Instant now,
            String invoicingEntity) {
        var charges = new Charges(currency);
        for (var term : accepted) {
            switch (term.term()) {
                case FixedUpfrontPricingTerm fixed
                when fixed.price().signum() > 0 ->
                    charges.add(now, Money.of(currency, fixed.price()), ChargeTiming.ON_ACCEPTANCE);
                case ConfigurableUpfrontPricingTerm contract ->
                    charges.add(now, contractPrice(contract, contractOf(term), currency), ChargeTiming.ON_ACCEPTANCE);
                case PaymentScheduleTerm schedule -> {
                    for (var installment : schedule.schedule()) {
                        var due = installment.chargeDate().atStartOfDay().toInstant(ZoneOffset.UTC);
                        // A past-due installment is invoiced as the buyer accepts.
                        var timing = due.isAfter(now) ? ChargeTiming.SCHEDULED : ChargeTiming.ON_ACCEPTANCE;
                        charges.add(
                                due.isAfter(now) ? due : now, Money.of(currency, installment.chargeAmount()), timing);
                    }
                }
                case RecurringPaymentTerm recurring -> {
                    var price = Money.of(currency, recurring.price());
                    var period = start;
                    do {
                        charges.add(period, price, ChargeTiming.BILLING_PERIOD);
                        period = period.atZone(ZoneOffset.UTC).plusMonths(1).toInstant();
                    } while (end != null && period.isBefore(end));
                }
                default -> {}
            }
        }
        var usage = accepted.stream().anyMatch(t -> t.term() instanceof UsageBasedPricingTerm);
        return new ChargeSummary(currency, charges.total, charges.list, start, end, usage, invoicingEntity);
    }

    /** Every offer term, under its term id, with the buyer's configuration where the term takes one. */
    static List<AcceptedTerm> acceptedTerms(Offer offer, List<RequestedTerm> requested) {
        var byId = new HashMap<String, Term>();
        offer.terms().forEach(term -> byId.put(offer.termId(term), term));
        var violations = new ArrayList<FieldViolation>();
        var configurations = new HashMap<String, @Nullable TermConfiguration>();
        for (int i = 0; i < requested.size(); i++) {
            var field = "requestedTerms[" + i + "]";
            var request = requested.get(i);
            var term = byId.get(request.id());
            if (term == null || configurations.containsKey(request.id())) {
                violations.add(violation(field + ".id", RefusalReason.INVALID_REQUESTED_TERM_ID, request.id()));
                continue;
            }
            configurations.put(request.id(), request.configuration());
            checkConfiguration(term, request.configuration(), field + ".configuration", violations);
        }
        var missing = byId.keySet().stream()
                .filter(id -> !configurations.containsKey(id))
                .sorted()
                .toList();
        if (!missing.isEmpty()) {
            violations.add(
                    violation("requestedTerms", RefusalReason.MISSING_MANDATORY_TERMS, String.join(", ", missing)));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        return offer.terms().stream()
                .map(term -> new AcceptedTerm(offer.termId(term), term, configurations.get(offer.termId(term))))
                .toList();
    }

    private static void checkConfiguration(
            Term term, @Nullable TermConfiguration configuration, String field, List<FieldViolation> violations) {
        switch (term) {
            case ConfigurableUpfrontPricingTerm contract -> {
                if (!(configuration instanceof ContractConfiguration chosen)) {
                    violations.add(violation(
                            field,
                            configuration == null
                                    ? RefusalReason.MISSING_REQUESTED_TERM_CONFIGURATION
                                    : RefusalReason.INVALID_REQUESTED_TERM_CONFIGURATION));
                    return;
                }
                checkContract(contract, chosen, field, violations);
            }
            case RenewalTerm renewal -> {
                if (!(configuration instanceof RenewalConfiguration)) {
                    violations.add(violation(
                            field,
                            configuration == null
                                    ? RefusalReason.MISSING_REQUESTED_TERM_CONFIGURATION
                                    : RefusalReason.INVALID_REQUESTED_TERM_CONFIGURATION));
                }
            }
            case VariablePaymentTerm variable -> {
                if (!(configuration instanceof VariablePaymentConfiguration chosen)) {
                    violations.add(violation(
                            field,
                            configuration == null
                                    ? RefusalReason.MISSING_REQUESTED_TERM_CONFIGURATION
                                    : RefusalReason.INVALID_REQUESTED_TERM_CONFIGURATION));
                } else if (!PaymentRules.fits(chosen)) {
                    violations.add(violation(
                            field + ".expirationDuration", RefusalReason.INVALID_REQUESTED_TERM_CONFIGURATION));
                }
            }
            default -> {
                if (configuration != null) {
                    violations.add(violation(field, RefusalReason.INVALID_REQUESTED_TERM_CONFIGURATION));
                }
            }
        }
    }

    private static void checkContract(
            ConfigurableUpfrontPricingTerm contract,
            ContractConfiguration chosen,
            String field,
            List<FieldViolation> violations) {
        var card = rateCard(contract, chosen.selectorValue());
        if (card == null) {
            violations.add(violation(field + ".selectorValue", RefusalReason.INVALID_REQUESTED_TERM_CONFIGURATION));
            return;
        }
        var keys = new HashSet<String>();
        card.rateCard().forEach(rate -> keys.add(rate.dimensionKey()));
        var seen = new HashSet<String>();
        for (int i = 0; i < chosen.dimensions().size(); i++) {
            var dimension = chosen.dimensions().get(i);
            var path = field + ".dimensions[" + i + "]";
            if (!keys.contains(dimension.dimensionKey()) || !seen.add(dimension.dimensionKey())) {
                violations.add(violation(path + ".dimensionKey", RefusalReason.INVALID_REQUESTED_TERM_CONFIGURATION));
            }
            var fixedQuantity = card.constraints().quantityConfiguration() == Constraint.DISALLOWED;
            if (dimension.dimensionValue() < 1 || (fixedQuantity && dimension.dimensionValue() != 1)) {
                violations.add(violation(path + ".dimensionValue", RefusalReason.INVALID_REQUESTED_TERM_CONFIGURATION));
            }
        }
        var single = card.constraints().multipleDimensionSelection() == Constraint.DISALLOWED;
        if (chosen.dimensions().isEmpty() || (single && chosen.dimensions().size() > 1)) {
            violations.add(violation(field + ".dimensions", RefusalReason.INVALID_REQUESTED_TERM_CONFIGURATION));
        }
    }

    private static @Nullable ContractRateCard rateCard(ConfigurableUpfrontPricingTerm contract, Period duration) {
        return contract.rateCards().stream()
                .filter(card -> card.duration().equals(duration))
                .findFirst()
                .orElse(null);
    }

    private static ContractConfiguration contractOf(AcceptedTerm term) {
        return (ContractConfiguration) Objects.requireNonNull(term.configuration());
    }

    /** The contract's price: rate times quantity per dimension, rounded half-up to the currency once, at the end. */
    private static Money contractPrice(
            ConfigurableUpfrontPricingTerm contract, ContractConfiguration chosen, CurrencyUnit currency) {
        var card = Objects.requireNonNull(rateCard(contract, chosen.selectorValue()));
        Map<String, BigDecimal> prices = new HashMap<>();
        card.rateCard().forEach(rate -> prices.put(rate.dimensionKey(), rate.price()));
        var total = BigMoney.zero(currency);
        for (var dimension : chosen.dimensions()) {
            var price = Objects.requireNonNull(prices.get(dimension.dimensionKey()), "checked dimension");
            total = total.plus(price.multiply(BigDecimal.valueOf(dimension.dimensionValue())));
        }
        return total.toMoney(RoundingMode.HALF_UP);
    }

    /** A future {@code AgreementStartDate} makes a future-dated agreement; otherwise it starts as the buyer accepts. */
    static Instant startOf(Offer offer, Instant now) {
        var start = offer.term(ValidityTerm.class)
                .map(ValidityTerm::agreementStartDate)
                .map(date -> date.atStartOfDay().toInstant(ZoneOffset.UTC))
                .orElse(now);
        return start.isAfter(now) ? start : now;
    }

    /** The end: a fixed end date, or the start plus the chosen contract's or the validity term's duration. */
    static @Nullable Instant endOf(Offer offer, List<AcceptedTerm> accepted, Instant start) {
        var validity = offer.term(ValidityTerm.class);
        var endDate = validity.map(ValidityTerm::agreementEndDate).orElse(null);
        if (endDate != null) {
            return endOfDay(endDate);
        }
        var duration = accepted.stream()
                .filter(term -> term.configuration() instanceof ContractConfiguration)
                .map(term -> contractOf(term).selectorValue())
                .findFirst()
                .or(() -> validity.map(ValidityTerm::agreementDuration))
                .orElse(null);
        return duration == null
                ? null
                : start.atZone(ZoneOffset.UTC).plus(duration).toInstant();
    }

    static Instant endOfDay(LocalDate date) {
        return date.atTime(END_OF_DAY).toInstant(ZoneOffset.UTC);
    }

    private static FieldViolation violation(String field, RefusalReason reason, Object... arguments) {
        return FieldViolation.of(field, reason.messageKey(), arguments);
    }

    /** Expected charges numbered in order, and their sum. */
    private static final class Charges {
        private final List<ExpectedCharge> list = new ArrayList<>();
        private Money total;

        private Charges(CurrencyUnit currency) {
            total = Money.zero(currency);
        }

        private void add(Instant time, Money amount, ChargeTiming timing) {
            list.add(new ExpectedCharge(AgreementCharge.id(list.size() + 1), time, amount, timing));
            total = total.plus(amount);
        }
    }
}
