package io.offerdesk.offers.internal.domain;

import static io.offerdesk.offers.internal.domain.OfferErrorCode.INCOMPATIBLE_RESALE_AUTHORIZATION;
import static io.offerdesk.offers.internal.domain.OfferErrorCode.INCOMPATIBLE_TERMS;
import static io.offerdesk.offers.internal.domain.OfferErrorCode.INVALID_AGREEMENT_START_DATE;
import static io.offerdesk.offers.internal.domain.OfferErrorCode.INVALID_AVAILABILITY_END_DATE;
import static io.offerdesk.offers.internal.domain.OfferErrorCode.INVALID_CHARGE_AMOUNT;
import static io.offerdesk.offers.internal.domain.OfferErrorCode.INVALID_CURRENCY_CODE;
import static io.offerdesk.offers.internal.domain.OfferErrorCode.INVALID_MARKUP_PERCENTAGE;
import static io.offerdesk.offers.internal.domain.OfferErrorCode.INVALID_PRICING_TERMS;
import static io.offerdesk.offers.internal.domain.OfferErrorCode.MISSING_BUYER_ACCOUNTS;

import io.offerdesk.offers.Offer;
import io.offerdesk.offers.Resale;
import io.offerdesk.offers.ResaleAuthorizationSource.AuthorizationFacts;
import io.offerdesk.offers.Rule.TargetingRule;
import io.offerdesk.offers.Term;
import io.offerdesk.offers.Term.DocumentType;
import io.offerdesk.offers.Term.Installment;
import io.offerdesk.offers.Term.LegalDocument;
import io.offerdesk.offers.Term.LegalTerm;
import io.offerdesk.offers.Term.NetPaymentTerm;
import io.offerdesk.offers.Term.PaymentScheduleTerm;
import io.offerdesk.offers.Term.PricingTerm;
import io.offerdesk.offers.Term.ValidityTerm;
import io.offerdesk.shared.AccountId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The rules of a channel partner private offer (CPPO): it is made from a usable resale authorization, keeps the
 * authorization's pricing (raised by a markup or by the partner's own installments, never below wholesale) and stays
 * within the authorization's bounds (buyers, expiry, agreement start, net payment, currency). Every rule here holds only
 * for resale offers; other offers pass untouched. Authorizations never change once released, so the bounds are checked
 * on every change; only whether new offers may be made from an authorization changes (restricted, expired, used up).
 */
final class ResaleRules {

    private ResaleRules() {}

    /** A new offer may be made only from an active, unexpired authorization that is not used up. */
    static void usable(AuthorizationFacts authorization, OfferContext context, Errors errors) {
        var id = authorization.id();
        var end = authorization.availabilityEndDate();
        // An expired authorization is not active either; saying why once is enough.
        if (end != null && context.today().isAfter(end)) {
            errors.add(INCOMPATIBLE_RESALE_AUTHORIZATION, "ResaleAuthorization %s expired on %s.", id, end);
        } else {
            errors.check(
                    authorization.active(),
                    INCOMPATIBLE_RESALE_AUTHORIZATION,
                    "ResaleAuthorization %s is not active; offers can only be created from an active authorization.",
                    id);
        }
        var max = authorization.offersMaxQuantity();
        errors.check(
                max == null || authorization.offersCreated() < max,
                INCOMPATIBLE_RESALE_AUTHORIZATION,
                "ResaleAuthorization %s is single-use and was used by an offer already.",
                id);
    }

    /** The authorization's product belongs to the manufacturer that granted it and is one buyers may see. */
    static void product(AuthorizationFacts authorization, OfferContext context, Errors errors) {
        errors.check(
                context.product().sellerPartyId().equals(authorization.manufacturerPartyId())
                        && context.product().id().equals(authorization.productId()),
                INCOMPATIBLE_RESALE_AUTHORIZATION,
                "ResaleAuthorization %s is not for product %s.",
                authorization.id(),
                context.product().id());
    }

    /**
     * A draft made from the authorization: its wholesale pricing and payment schedule as the buyer's terms until the
     * partner marks them up, its buyer EULA, its renewal flag and (unless {@code targeting} is kept, as for a
     * replacement offer) its buyers.
     */
    static Offer inherit(Offer draft, AuthorizationFacts authorization, boolean targetBuyers, OfferContext context) {
        var wholesale = authorization.wholesaleTerms().stream()
                .filter(term -> term instanceof PricingTerm || term instanceof PaymentScheduleTerm)
                .toList();
        var buyerTerms = authorization.wholesaleTerms().stream()
                .map(term -> term instanceof LegalTerm legal ? buyerEula(legal, context) : term)
                .toList();
        var offer = draft.withPricingModel(authorization.pricingModel())
                .withTerms(Term.class, buyerTerms)
                .withResale(new Resale(authorization.id(), authorization.manufacturerPartyId(), wholesale, null));
        var renewal = authorization.preExistingBuyerAgreement();
        if (renewal != null) {
            offer = offer.withInformation(offer.name(), offer.description(), renewal);
        }
        if (targetBuyers && !authorization.buyerAccounts().isEmpty()) {
            offer = offer.withTargeting(new TargetingRule(authorization.buyerAccounts(), List.of(), List.of()));
        }
        return offer;
    }

    /**
     * An authorization names the standard EULA by its URL, as AWS does; an offer names the standard contract by its
     * version, so the buyer accepts the newest version when the offer is made.
     */
    private static LegalTerm buyerEula(LegalTerm legal, OfferContext context) {
        var newest = context.standardContractVersions().stream().max(Comparator.naturalOrder());
        return new LegalTerm(legal.documents().stream()
                .map(document -> document.type() == DocumentType.STANDARD_EULA
                                && document.version() == null
                                && newest.isPresent()
                        ? new LegalDocument(DocumentType.STANDARD_EULA, null, newest.get())
                        : document)
                .toList());
    }

    /**
     * {@code UpdateMarkup} applies to resale offers only, and not over installments the partner set: those are the
     * partner's prices, which a markup on wholesale would silently replace.
     */
    static void markup(Offer offer, Errors errors) {
        if (!offer.isResale()) {
            errors.add(
                    INVALID_MARKUP_PERCENTAGE,
                    "UpdateMarkup applies only to offers created from a resale authorization.");
            return;
        }
        errors.check(
                !partnerSetSchedule(offer),
                INCOMPATIBLE_TERMS,
                "UpdateMarkup can't be combined with a payment schedule you set (UpdatePaymentScheduleTerms); set the"
                        + " installments again, or start from a new offer to mark up the wholesale schedule.");
    }

    /**
     * Whether the buyer's installments are the partner's own rather than the wholesale schedule, as inherited or
     * marked up. Derived rather than stored: a partner-set schedule clears the markup, and differs from wholesale.
     */
    static boolean partnerSetSchedule(Offer offer) {
        var resale = offer.resale();
        if (resale == null || resale.markupPercentage() != null) {
            return false;
        }
        var wholesale = schedule(resale.wholesaleTerms());
        var buyer = offer.term(PaymentScheduleTerm.class);
        if (wholesale.isEmpty() || buyer.isEmpty()) {
            return wholesale.isPresent() != buyer.isPresent();
        }
        var pairs = ResalePrices.pairs(List.of(wholesale.get()), List.of(buyer.get()));
        return buyer.get().schedule().size() != pairs.size()
                || pairs.stream()
                        .anyMatch(pair -> pair.buyer() == null || pair.buyer().compareTo(pair.wholesale()) != 0);
    }

    /** Prices the partner sets itself replace the markup, which no longer describes them. */
    static Offer ownPrices(Offer offer) {
        var resale = offer.resale();
        return resale == null ? offer : offer.withResale(resale.withMarkup(null));
    }

    /** Everything a resale offer keeps after any change. */
    static void offer(Offer offer, OfferContext context, Errors errors) {
        var resale = offer.resale();
        if (resale == null) {
            return;
        }
        pricing(offer, resale.wholesaleTerms(), errors);
        schedule(offer, resale.wholesaleTerms(), errors);
        var authorization = context.authorization();
        if (authorization != null) {
            bounds(offer, authorization, errors);
        }
    }

    /** Release needs buyers: a resale offer is always private. */
    static void release(Offer offer, Errors errors) {
        errors.check(
                !offer.isResale() || offer.isPrivate(),
                MISSING_BUYER_ACCOUNTS,
                "Provide BuyerAccounts (UpdateTargeting) before releasing an offer created from a resale"
                        + " authorization.");
    }

    /** The pricing model and priced items of the authorization, each buyer price at least its wholesale price. */
    private static void pricing(Offer offer, List<Term> wholesale, Errors errors) {
        var wholesalePricing = pricingTerms(wholesale);
        var buyerPricing = pricingTerms(offer.terms());
        errors.check(
                ResalePrices.sameShape(wholesalePricing, buyerPricing),
                INCOMPATIBLE_TERMS,
                "A resale offer keeps the pricing terms, dimensions and durations of its resale authorization (%s);"
                        + " change its prices with UpdateMarkup.",
                wholesalePricing.stream().map(Term::type).collect(Collectors.joining(", ")));
        var currency = wholesale.stream()
                .filter(Term.InCurrency.class::isInstance)
                .map(term -> ((Term.InCurrency) term).currencyCode())
                .findFirst();
        for (var term : offer.terms()) {
            if (term instanceof Term.InCurrency priced && currency.isPresent()) {
                errors.check(
                        priced.currencyCode().equals(currency.get()),
                        INVALID_CURRENCY_CODE,
                        "%s.CurrencyCode %s: a resale offer is in its resale authorization's currency, %s.",
                        term.type(),
                        priced.currencyCode(),
                        currency.get());
            }
        }
        for (var pair : ResalePrices.pairs(wholesale, offer.terms())) {
            errors.check(
                    !pair.belowWholesale(),
                    pair.installment() ? INVALID_CHARGE_AMOUNT : INVALID_PRICING_TERMS,
                    "%s %s: the buyer's %s %s %s is below the wholesale %s %s %s; a resale offer never sells below"
                            + " wholesale.",
                    pair.termType(),
                    pair.item(),
                    pair.installment() ? "charge amount" : "price",
                    plain(pair.buyer()),
                    pair.currencyCode(),
                    pair.installment() ? "amount" : "price",
                    plain(pair.wholesale()),
                    pair.currencyCode());
        }
    }

    /** The partner may set its own installments, on the wholesale schedule's dates; it may not add or drop one. */
    private static void schedule(Offer offer, List<Term> wholesale, Errors errors) {
        var wholesaleDates = schedule(wholesale).map(ResaleRules::dates).orElse(Set.of());
        var buyerDates =
                offer.term(PaymentScheduleTerm.class).map(ResaleRules::dates).orElse(Set.of());
        errors.check(
                wholesaleDates.equals(buyerDates),
                INCOMPATIBLE_TERMS,
                "PaymentScheduleTerm: a resale offer charges on its resale authorization's dates %s; it charges on %s.",
                wholesaleDates,
                buyerDates);
    }

    /** The buyers, expiry, agreement start and net payment the authorization allows. */
    private static void bounds(Offer offer, AuthorizationFacts authorization, Errors errors) {
        var allowed = Set.copyOf(authorization.buyerAccounts());
        if (!allowed.isEmpty()) {
            var outside = offer.buyerAccounts().stream()
                    .filter(account -> !allowed.contains(account))
                    .map(AccountId::value)
                    .collect(Collectors.toCollection(TreeSet::new));
            errors.check(
                    outside.isEmpty(),
                    INCOMPATIBLE_RESALE_AUTHORIZATION,
                    "PositiveTargeting.BuyerAccounts %s: resale authorization %s lets you target only %s.",
                    outside,
                    authorization.id(),
                    authorization.buyerAccounts().stream()
                            .map(AccountId::value)
                            .collect(Collectors.toCollection(TreeSet::new)));
        }
        var end = authorization.availabilityEndDate();
        var offerEnd = offer.availabilityEndDate();
        errors.check(
                end == null || offerEnd == null || !offerEnd.isAfter(end),
                INVALID_AVAILABILITY_END_DATE,
                "AvailabilityEndDate %s is after the resale authorization's end, %s.",
                offerEnd,
                end);
        var start = offer.term(ValidityTerm.class)
                .map(ValidityTerm::agreementStartDate)
                .orElse(null);
        var maxStart = authorization.maximumAgreementStartDate();
        if (start != null) {
            errors.check(
                    maxStart != null && !start.isAfter(maxStart),
                    INVALID_AGREEMENT_START_DATE,
                    maxStart == null
                            ? "ValidityTerm.AgreementStartDate %s: resale authorization %s allows no future-dated"
                                    + " agreements."
                            : "ValidityTerm.AgreementStartDate %s is after resale authorization %s's"
                                    + " MaximumAgreementStartDate %s.",
                    start,
                    authorization.id(),
                    maxStart);
        }
        var net = offer.term(NetPaymentTerm.class).orElse(null);
        if (net != null) {
            var ceiling = authorization.netPaymentCeiling();
            errors.check(
                    ceiling != null && days(net) <= days(ceiling),
                    INCOMPATIBLE_TERMS,
                    ceiling == null
                            ? "NetPaymentTerm.PaymentDuePeriod %s: resale authorization %s grants no net payment"
                                    + " terms."
                            : "NetPaymentTerm.PaymentDuePeriod %s is longer than resale authorization %s allows (%s).",
                    net.paymentDuePeriod(),
                    authorization.id(),
                    ceiling == null ? null : ceiling.paymentDuePeriod());
        }
    }

    private static Optional<PaymentScheduleTerm> schedule(List<Term> terms) {
        return terms.stream()
                .filter(PaymentScheduleTerm.class::isInstance)
                .map(PaymentScheduleTerm.class::cast)
                .findFirst();
    }

    private static Set<LocalDate> dates(PaymentScheduleTerm term) {
        return term.schedule().stream().map(Installment::chargeDate).collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<Term> pricingTerms(List<Term> terms) {
        return terms.stream().filter(PricingTerm.class::isInstance).toList();
    }

    /** Net payment periods are whole days (P15D … P120D); counted from a fixed day so months compare too. */
    private static long days(NetPaymentTerm term) {
        var from = LocalDate.of(2000, 1, 1);
        return ChronoUnit.DAYS.between(from, from.plus(term.paymentDuePeriod()));
    }

    private static String plain(@Nullable BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
