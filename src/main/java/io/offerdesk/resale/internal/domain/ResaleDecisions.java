package io.offerdesk.resale.internal.domain;

import static io.offerdesk.resale.internal.domain.ResaleErrorCode.*;

import io.offerdesk.catalog.DimensionType;
import io.offerdesk.catalog.ProductType;
import io.offerdesk.catalog.Visibility;
import io.offerdesk.offers.OfferPricingModel;
import io.offerdesk.offers.PreExistingAgreement;
import io.offerdesk.offers.Term.ConfigurableUpfrontPricingTerm;
import io.offerdesk.offers.Term.FixedUpfrontPricingTerm;
import io.offerdesk.offers.Term.InCurrency;
import io.offerdesk.offers.Term.Installment;
import io.offerdesk.offers.Term.NetPaymentTerm;
import io.offerdesk.offers.Term.PaymentScheduleTerm;
import io.offerdesk.offers.Term.PricingTerm;
import io.offerdesk.offers.Term.Rate;
import io.offerdesk.offers.Term.UsageBasedPricingTerm;
import io.offerdesk.resale.ResaleAuthorization;
import io.offerdesk.resale.ResaleAuthorizationStatus;
import io.offerdesk.resale.ResaleLegalDocument;
import io.offerdesk.shared.AccountId;
import io.offerdesk.shared.PartyKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.jspecify.annotations.Nullable;

/**
 * Decides one change against a resale authorization: the pure rules of reference §3.1. A released authorization is
 * never changed again except by {@code RestrictResaleAuthorization}; {@code ReleaseResaleAuthorization} checks the
 * whole authorization.
 */
public final class ResaleDecisions {

    /** At most this many buyers per authorization, as per offer (DESIGN §3). */
    public static final int BUYER_ACCOUNTS_MAX = 25;
    /** A future-dated agreement may start at most this far ahead. */
    public static final Period AGREEMENT_START_MAX = Period.ofYears(3);
    /** Installments of a wholesale payment schedule. */
    public static final int CHARGES_MAX = 60;
    /** The net payment terms AWS offers; the ceiling is one of them. */
    public static final List<Period> NET_PAYMENT_PERIODS = List.of(
            Period.ofDays(15),
            Period.ofDays(30),
            Period.ofDays(45),
            Period.ofDays(60),
            Period.ofDays(90),
            Period.ofDays(120));

    static final Set<String> UPFRONT_CURRENCIES = Set.of("USD", "EUR", "GBP", "AUD", "JPY");
    static final Set<String> USAGE_CURRENCIES = Set.of("USD");
    /** As offers allow, so that every wholesale price is a price a partner's offer can carry. */
    static final int UPFRONT_PRICE_DECIMALS = 3;

    static final int USAGE_PRICE_DECIMALS = 8;

    private ResaleDecisions() {}

    public static Decision decide(@Nullable ResaleAuthorization current, ResaleChange change, ResaleContext context) {
        var errors = new Errors();
        if (change instanceof ResaleChange.Create create) {
            return create(create, context, errors);
        }
        if (current == null) {
            throw new IllegalArgumentException("only CreateResaleAuthorization names no authorization");
        }
        if (change instanceof ResaleChange.Restrict) {
            return restrict(current, context, errors);
        }
        if (current.status() != ResaleAuthorizationStatus.DRAFT) {
            errors.add(
                    INVALID_UPDATE_REQUEST,
                    "ResaleAuthorization %s is %s: a released resale authorization cannot be changed. Clone it into a"
                            + " new draft, or restrict it.",
                    current.id(),
                    current.status().wireName());
            return new Decision.Rejected(errors.list());
        }
        var next = new Draft(current);
        next.lastModifiedAt = context.now();
        switch (change) {
            case ResaleChange.Create create -> throw new IllegalStateException("handled above");
            case ResaleChange.Restrict restrict -> throw new IllegalStateException("handled above");
            case ResaleChange.UpdateBuyerTargetingTerms targeting -> {
                errors.check(
                        targeting.buyerAccounts().size() <= BUYER_ACCOUNTS_MAX,
                        TOO_MANY_BUYER_ACCOUNTS,
                        "BuyerTargetingTerm: %d buyer accounts; at most %d may be authorized.",
                        targeting.buyerAccounts().size(),
                        BUYER_ACCOUNTS_MAX);
                errors.check(
                        !targeting.buyerAccounts().contains(current.resellerAccountId()),
                        INCOMPATIBLE_TERMS,
                        "BuyerTargetingTerm: %s is the reseller's account, not a buyer.",
                        current.resellerAccountId());
                next.buyerAccounts = targeting.buyerAccounts();
            }
            case ResaleChange.UpdateAvailability availability -> {
                next.availabilityEndDate = availability.availabilityEndDate();
                next.offersMaxQuantity = availability.offersMaxQuantity();
                availability(next, context.today(), errors);
                if (next.paymentSchedule != null) {
                    schedule(next, next.paymentSchedule, context.today(), errors);
                }
            }
            case ResaleChange.UpdateBuyerValidityTerms validity -> {
                next.maximumAgreementStartDate = validity.maximumAgreementStartDate();
                validity(next, context, errors);
            }
            case ResaleChange.UpdateLegalTerms legal -> {
                var versions =
                        context.standardContractVersions().stream().sorted().toList();
                for (var document : legal.buyerLegalTerms()) {
                    errors.check(
                            document.type() != ResaleLegalDocument.Type.STANDARD_EULA
                                    || document.version() == null
                                    || versions.contains(document.version()),
                            INVALID_LEGAL_DOCUMENTS,
                            "BuyerLegalTerm: the StandardEula Version %s is not one of %s.",
                            document.version(),
                            versions);
                }
                // AWS names the standard EULA by its URL alone; the version in force when the change is applied is the
                // one the partner's offers pass on to the buyer.
                next.buyerLegalTerms = legal.buyerLegalTerms().stream()
                        .map(document -> document.type() == ResaleLegalDocument.Type.STANDARD_EULA
                                        && document.version() == null
                                        && !versions.isEmpty()
                                ? new ResaleLegalDocument(document.type(), document.url(), versions.getLast())
                                : document)
                        .toList();
                next.resaleLegalTerms = legal.resaleLegalTerms();
            }
            case ResaleChange.UpdatePricingTerms pricing -> pricing(next, pricing, context, errors);
            case ResaleChange.UpdatePaymentScheduleTerms schedule -> {
                next.paymentSchedule = schedule.schedule();
                if (schedule.schedule() != null) {
                    schedule(next, schedule.schedule(), context.today(), errors);
                }
            }
            case ResaleChange.UpdateNetPaymentTerms netPayment -> {
                var ceiling = netPayment.ceiling();
                errors.check(
                        ceiling == null || NET_PAYMENT_PERIODS.contains(ceiling.paymentDuePeriod()),
                        INVALID_PAYMENT_DUE_PERIOD,
                        "ResaleNetPaymentTerm.PaymentDuePeriod %s must be one of %s.",
                        ceiling == null ? null : ceiling.paymentDuePeriod(),
                        NET_PAYMENT_PERIODS);
                next.netPaymentCeiling = ceiling;
            }
            case ResaleChange.UpdateInformation information -> {
                if (information.name() != null) {
                    next.name = information.name();
                }
                if (information.description() != null) {
                    next.description = information.description();
                }
                switch (information.renewal()) {
                    case ResaleChange.RenewalFlag.Keep keep -> {}
                    case ResaleChange.RenewalFlag.Clear clear -> next.preExistingBuyerAgreement = null;
                    case ResaleChange.RenewalFlag.Set set -> next.preExistingBuyerAgreement = set.agreement();
                }
            }
            case ResaleChange.Release release -> release(next, context, errors);
        }
        return errors.isEmpty() ? new Decision.Accepted(next.build()) : new Decision.Rejected(errors.list());
    }

    /** A new draft with the same content as {@code source}: what the ISV clones a released authorization into. */
    public static ResaleAuthorization cloneOf(ResaleAuthorization source, String id, String name, Instant now) {
        var copy = new Draft(source);
        copy.id = id;
        copy.name = name;
        copy.status = ResaleAuthorizationStatus.DRAFT;
        copy.offersCreated = 0;
        copy.releasedAt = null;
        copy.createdAt = now;
        copy.lastModifiedAt = now;
        copy.revision = 0;
        return copy.build();
    }

    private static Decision create(ResaleChange.Create create, ResaleContext context, Errors errors) {
        product(context, errors);
        var reseller = context.resellerAccount();
        errors.check(
                reseller != null && reseller.partyKind() == PartyKind.CHANNEL_PARTNER,
                INVALID_RESELLER_ACCOUNT,
                "ResellerAccountId %s is not the account of a channel partner on the marketplace.",
                create.resellerAccountId());
        if (!errors.isEmpty() || reseller == null) {
            return new Decision.Rejected(errors.list());
        }
        return new Decision.Accepted(new ResaleAuthorization(
                context.freshId().get(),
                context.ownerPartyId(),
                create.productId(),
                create.resellerAccountId(),
                reseller.account().partyId(),
                ResaleAuthorizationStatus.DRAFT,
                create.name(),
                create.description(),
                create.bulkRequestId(),
                null,
                List.of(),
                null,
                null,
                null,
                List.of(),
                List.of(),
                null,
                List.of(),
                null,
                null,
                0,
                null,
                context.now(),
                context.now(),
                0));
    }

    private static void product(ResaleContext context, Errors errors) {
        var product = context.product();
        errors.check(
                product != null
                        && (product.visibility() == Visibility.LIMITED || product.visibility() == Visibility.PUBLIC),
                INCOMPATIBLE_PRODUCT,
                "The product is not one of your Limited or Public products; only those can be resold.");
    }

    private static Decision restrict(ResaleAuthorization current, ResaleContext context, Errors errors) {
        errors.check(
                current.status() == ResaleAuthorizationStatus.ACTIVE,
                INVALID_UPDATE_REQUEST,
                "ResaleAuthorization %s is %s; only an Active resale authorization can be restricted.",
                current.id(),
                current.status().wireName());
        errors.check(
                !current.isExpired(context.now()),
                INVALID_UPDATE_REQUEST,
                "ResaleAuthorization %s expired on %s; an expired resale authorization cannot be restricted.",
                current.id(),
                current.availabilityEndDate());
        if (!errors.isEmpty()) {
            return new Decision.Rejected(errors.list());
        }
        var next = new Draft(current);
        next.lastModifiedAt = context.now();
        next.status = ResaleAuthorizationStatus.RESTRICTED;
        return new Decision.Accepted(next.build());
    }

    private static void availability(Draft next, LocalDate today, Errors errors) {
        var end = next.availabilityEndDate;
        errors.check(
                end == null || !end.isBefore(today),
                INVALID_AVAILABILITY_END_DATE,
                "AvailabilityEndDate %s is in the past; it must be today (%s) or later.",
                end,
                today);
    }

    private static void validity(Draft next, ResaleContext context, Errors errors) {
        var start = next.maximumAgreementStartDate;
        if (start == null) {
            return;
        }
        var product = context.product();
        errors.check(
                product != null && product.type() == ProductType.SAAS,
                INCOMPATIBLE_PRODUCT,
                "BuyerValidityTerm: future-dated agreements are for SaaS products only.");
        var today = context.today();
        errors.check(
                start.isAfter(today) && !start.isAfter(today.plus(AGREEMENT_START_MAX)),
                INVALID_AGREEMENT_START_DATE,
                "BuyerValidityTerm.MaximumAgreementStartDate %s must be after today (%s) and at most %s ahead.",
                start,
                today,
                AGREEMENT_START_MAX);
    }

    private static void pricing(
            Draft next, ResaleChange.UpdatePricingTerms change, ResaleContext context, Errors errors) {
        var product = context.product();
        if (product == null) {
            product(context, errors);
            return;
        }
        var terms = new ArrayList<PricingTerm>();
        for (var wholesale : change.terms()) {
            switch (wholesale) {
                case WholesaleTerm.Explicit explicit -> terms.add(explicit.term());
                case WholesaleTerm.Discount discount ->
                    WholesalePrices.offList(discount, product.listPrices())
                            .ifPresentOrElse(
                                    terms::add,
                                    () -> errors.add(
                                            MISSING_LIST_PRICES,
                                            "%s.DiscountPercentage: the product has no %s list prices to discount.",
                                            discount.kind().wireName(),
                                            discount.kind() == WholesaleTerm.Kind.USAGE ? "usage" : "contract"));
            }
        }
        pricingModel(change.pricingModel(), terms, errors);
        var currencies = new HashSet<String>();
        for (var term : terms) {
            var type = WholesaleTerm.Kind.resaleTypeOf(term.type());
            if (term instanceof InCurrency priced) {
                currencies.add(priced.currencyCode());
                var allowed = term instanceof UsageBasedPricingTerm ? USAGE_CURRENCIES : UPFRONT_CURRENCIES;
                errors.check(
                        allowed.contains(priced.currencyCode()),
                        INVALID_CURRENCY_CODE,
                        "%s.CurrencyCode %s must be one of %s.",
                        type,
                        priced.currencyCode(),
                        allowed.stream().sorted().toList());
            }
            switch (term) {
                case ConfigurableUpfrontPricingTerm configurable ->
                    configurable
                            .rateCards()
                            .forEach(card -> rates(
                                    type,
                                    card.rateCard(),
                                    DimensionType.ENTITLED,
                                    UPFRONT_PRICE_DECIMALS,
                                    product,
                                    errors));
                case UsageBasedPricingTerm usage ->
                    usage.rateCards()
                            .forEach(card -> rates(
                                    type,
                                    card.rateCard(),
                                    DimensionType.METERED,
                                    USAGE_PRICE_DECIMALS,
                                    product,
                                    errors));
                case FixedUpfrontPricingTerm fixed -> {
                    errors.check(
                            fixed.price().signum() == 0 && fixed.duration() != null,
                            INCOMPATIBLE_PRICING_TERM,
                            "%s: Price must be 0.0 (the payment schedule carries the money) and Duration is required.",
                            type);
                    fixed.grants()
                            .forEach(grant -> errors.check(
                                    product.dimensions().get(grant.dimensionKey()) == DimensionType.ENTITLED,
                                    INCOMPATIBLE_TERMS,
                                    "%s.Grants: the product has no entitled dimension %s.",
                                    type,
                                    grant.dimensionKey()));
                }
                default -> errors.add(INCOMPATIBLE_TERMS, "%s is not a resale pricing term.", term.type());
            }
        }
        var schedule = next.paymentSchedule;
        if (schedule != null) {
            currencies.add(schedule.currencyCode());
        }
        errors.check(
                currencies.size() <= 1,
                INVALID_CURRENCY_CODE,
                "The pricing terms and the payment schedule use %s; a resale authorization has one currency.",
                currencies.stream().sorted().toList());
        next.pricingModel = change.pricingModel();
        next.pricingTerms = terms;
    }

    private static void pricingModel(OfferPricingModel model, List<PricingTerm> terms, Errors errors) {
        var usage =
                terms.stream().filter(UsageBasedPricingTerm.class::isInstance).count();
        var upfront = terms.stream()
                .filter(t -> t instanceof ConfigurableUpfrontPricingTerm || t instanceof FixedUpfrontPricingTerm)
                .count();
        if (model == OfferPricingModel.USAGE) {
            errors.check(
                    usage == 1 && upfront == 0,
                    INCOMPATIBLE_TERMS,
                    "PricingModel Usage takes exactly one ResaleUsageBasedPricingTerm and no upfront term.");
        } else {
            errors.check(
                    upfront == 1 && usage <= 1,
                    INCOMPATIBLE_TERMS,
                    "PricingModel Contract takes one ResaleConfigurableUpfrontPricingTerm or"
                            + " ResaleFixedUpfrontPricingTerm, and at most one ResaleUsageBasedPricingTerm.");
        }
    }

    private static void rates(
            String type,
            List<Rate> rates,
            DimensionType dimensionType,
            int decimals,
            ProductFacts product,
            Errors errors) {
        for (var rate : rates) {
            errors.check(
                    product.dimensions().get(rate.dimensionKey()) == dimensionType,
                    INCOMPATIBLE_TERMS,
                    "%s.RateCard: the product has no %s dimension %s.",
                    type,
                    dimensionType.name().toLowerCase(Locale.ROOT),
                    rate.dimensionKey());
            errors.check(
                    rate.price().stripTrailingZeros().scale() <= decimals,
                    INVALID_PRICE,
                    "%s.RateCard: the price %s of %s may have at most %d decimals.",
                    type,
                    rate.price().toPlainString(),
                    rate.dimensionKey(),
                    decimals);
        }
    }

    private static void schedule(Draft next, PaymentScheduleTerm schedule, LocalDate today, Errors errors) {
        var end = next.availabilityEndDate;
        errors.check(
                next.offersMaxQuantity != null && end != null,
                INCOMPATIBLE_TERMS,
                "ResalePaymentScheduleTerm needs a single-use (OffersMaxQuantity 1), dated (AvailabilityEndDate)"
                        + " resale authorization.");
        var count = schedule.schedule().size();
        errors.check(
                count >= 1 && count <= CHARGES_MAX,
                TOO_MANY_CHARGES,
                "ResalePaymentScheduleTerm has %d charges; it needs 1 to %d.",
                count,
                CHARGES_MAX);
        var code = schedule.currencyCode();
        var known = UPFRONT_CURRENCIES.contains(code);
        errors.check(
                known,
                INVALID_CURRENCY_CODE,
                "ResalePaymentScheduleTerm.CurrencyCode %s must be one of %s.",
                code,
                UPFRONT_CURRENCIES.stream().sorted().toList());
        for (var pricing : next.pricingTerms) {
            errors.check(
                    !(pricing instanceof InCurrency priced)
                            || priced.currencyCode().equals(code),
                    INVALID_CURRENCY_CODE,
                    "ResalePaymentScheduleTerm.CurrencyCode %s differs from the pricing terms' currency.",
                    code);
        }
        var dates = new HashSet<LocalDate>();
        for (Installment installment : schedule.schedule()) {
            var date = installment.chargeDate();
            errors.check(
                    dates.add(date), DUPLICATE_CHARGE_DATES, "ResalePaymentScheduleTerm charges twice on %s.", date);
            errors.check(
                    date.isAfter(today) && (end == null || date.isAfter(end)),
                    INVALID_CHARGE_DATE,
                    "ResalePaymentScheduleTerm.ChargeDate %s must be in the future and after the"
                            + " AvailabilityEndDate %s.",
                    date,
                    end);
            if (known) {
                errors.check(
                        installment.chargeAmount().stripTrailingZeros().scale()
                                <= CurrencyUnit.of(code).getDecimalPlaces(),
                        INVALID_CHARGE_AMOUNT,
                        "ResalePaymentScheduleTerm.ChargeAmount %s has more decimals than %s has.",
                        installment.chargeAmount().toPlainString(),
                        code);
            }
        }
    }

    private static void release(Draft next, ResaleContext context, Errors errors) {
        var missing = new ArrayList<String>();
        if (next.buyerLegalTerms.isEmpty()) {
            missing.add("BuyerLegalTerm");
        }
        if (next.pricingTerms.isEmpty()) {
            missing.add("PricingTerm");
        }
        errors.check(
                missing.isEmpty(),
                MISSING_MANDATORY_TERMS,
                "The resale authorization needs %s before release.",
                String.join(" and ", missing));
        var fixed = next.pricingTerms.stream().anyMatch(FixedUpfrontPricingTerm.class::isInstance);
        errors.check(
                fixed == (next.paymentSchedule != null),
                INCOMPATIBLE_PRICING_TERM,
                "A ResaleFixedUpfrontPricingTerm and a ResalePaymentScheduleTerm must come together.");
        errors.check(
                next.preExistingBuyerAgreement == null || !next.buyerAccounts.isEmpty(),
                MISSING_BUYER_ACCOUNTS,
                "PreExistingBuyerAgreement is set: name at least one buyer in the BuyerTargetingTerm.");
        product(context, errors);
        availability(next, context.today(), errors);
        if (next.paymentSchedule != null) {
            schedule(next, next.paymentSchedule, context.today(), errors);
        }
        validity(next, context, errors);
        next.status = ResaleAuthorizationStatus.ACTIVE;
        next.releasedAt = context.now();
    }

    /** The authorization being changed, field by field. */
    private static final class Draft {
        String id;
        final UUID manufacturerPartyId;
        final String productId;
        final AccountId resellerAccountId;
        final UUID resellerPartyId;
        ResaleAuthorizationStatus status;
        String name;

        @Nullable
        String description;

        final @Nullable String bulkRequestId;

        @Nullable
        PreExistingAgreement preExistingBuyerAgreement;

        List<AccountId> buyerAccounts;

        @Nullable
        LocalDate availabilityEndDate;

        @Nullable
        Integer offersMaxQuantity;

        @Nullable
        LocalDate maximumAgreementStartDate;

        List<ResaleLegalDocument> buyerLegalTerms;
        List<ResaleLegalDocument> resaleLegalTerms;

        @Nullable
        OfferPricingModel pricingModel;

        List<PricingTerm> pricingTerms;

        @Nullable
        PaymentScheduleTerm paymentSchedule;

        @Nullable
        NetPaymentTerm netPaymentCeiling;

        int offersCreated;

        @Nullable
        Instant releasedAt;

        Instant createdAt;
        Instant lastModifiedAt;
        long revision;

        Draft(ResaleAuthorization from) {
            id = from.id();
            manufacturerPartyId = from.manufacturerPartyId();
            productId = from.productId();
            resellerAccountId = from.resellerAccountId();
            resellerPartyId = from.resellerPartyId();
            status = from.status();
            name = from.name();
            description = from.description();
            bulkRequestId = from.bulkRequestId();
            preExistingBuyerAgreement = from.preExistingBuyerAgreement();
            buyerAccounts = from.buyerAccounts();
            availabilityEndDate = from.availabilityEndDate();
            offersMaxQuantity = from.offersMaxQuantity();
            maximumAgreementStartDate = from.maximumAgreementStartDate();
            buyerLegalTerms = from.buyerLegalTerms();
            resaleLegalTerms = from.resaleLegalTerms();
            pricingModel = from.pricingModel();
            pricingTerms = from.pricingTerms();
            paymentSchedule = from.paymentSchedule();
            netPaymentCeiling = from.netPaymentCeiling();
            offersCreated = from.offersCreated();
            releasedAt = from.releasedAt();
            createdAt = from.createdAt();
            lastModifiedAt = from.lastModifiedAt();
            revision = from.revision();
        }

        ResaleAuthorization build() {
            return new ResaleAuthorization(
                    id,
                    manufacturerPartyId,
                    productId,
                    resellerAccountId,
                    resellerPartyId,
                    status,
                    name,
                    description,
                    bulkRequestId,
                    preExistingBuyerAgreement,
                    buyerAccounts,
                    availabilityEndDate,
                    offersMaxQuantity,
                    maximumAgreementStartDate,
                    buyerLegalTerms,
                    resaleLegalTerms,
                    pricingModel,
                    pricingTerms,
                    paymentSchedule,
                    netPaymentCeiling,
                    offersCreated,
                    releasedAt,
                    createdAt,
                    lastModifiedAt,
                    revision);
        }
    }
}
