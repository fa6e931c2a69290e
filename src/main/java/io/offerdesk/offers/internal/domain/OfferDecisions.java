package io.offerdesk.offers.internal.domain;

import static io.offerdesk.offers.internal.domain.OfferErrorCode.INCOMPATIBLE_AGREEMENT;
import static io.offerdesk.offers.internal.domain.OfferErrorCode.INCOMPATIBLE_PRE_EXISTING_AGREEMENT;
import static io.offerdesk.offers.internal.domain.OfferErrorCode.INCOMPATIBLE_PRODUCT;
import static io.offerdesk.offers.internal.domain.OfferErrorCode.INCOMPATIBLE_RESALE_AUTHORIZATION;
import static io.offerdesk.offers.internal.domain.OfferErrorCode.INVALID_UPDATE_REQUEST;

import io.offerdesk.catalog.Visibility;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.OfferState;
import io.offerdesk.offers.OfferStatus;
import io.offerdesk.offers.ResaleAuthorizationSource.AuthorizationFacts;
import io.offerdesk.offers.Term;
import io.offerdesk.offers.Term.LegalTerm;
import io.offerdesk.offers.Term.NetPaymentTerm;
import io.offerdesk.offers.Term.PaymentScheduleTerm;
import io.offerdesk.offers.Term.PricingTerm;
import io.offerdesk.offers.Term.RenewalTerm;
import io.offerdesk.offers.Term.SupportTerm;
import io.offerdesk.offers.Term.ValidityTerm;
import io.offerdesk.offers.Term.VariablePaymentTerm;
import io.offerdesk.offers.internal.domain.Decision.Accepted;
import io.offerdesk.offers.internal.domain.Decision.Rejected;
import io.offerdesk.offers.internal.domain.OfferChange.AgreementUpdate;
import io.offerdesk.offers.internal.domain.OfferChange.CreateOffer;
import io.offerdesk.offers.internal.domain.OfferChange.CreateOfferUsingResaleAuthorization;
import io.offerdesk.offers.internal.domain.OfferChange.CreateReplacementOffer;
import io.offerdesk.offers.internal.domain.OfferChange.CreateReplacementOfferUsingResaleAuthorization;
import io.offerdesk.offers.internal.domain.OfferChange.ReleaseOffer;
import io.offerdesk.offers.internal.domain.OfferChange.UpdateAvailability;
import io.offerdesk.offers.internal.domain.OfferChange.UpdateInformation;
import io.offerdesk.offers.internal.domain.OfferChange.UpdateLegalTerms;
import io.offerdesk.offers.internal.domain.OfferChange.UpdateMarkup;
import io.offerdesk.offers.internal.domain.OfferChange.UpdateNetPaymentTerms;
import io.offerdesk.offers.internal.domain.OfferChange.UpdatePaymentScheduleTerms;
import io.offerdesk.offers.internal.domain.OfferChange.UpdatePricingTerms;
import io.offerdesk.offers.internal.domain.OfferChange.UpdateRenewalTerms;
import io.offerdesk.offers.internal.domain.OfferChange.UpdateSupportTerms;
import io.offerdesk.offers.internal.domain.OfferChange.UpdateTargeting;
import io.offerdesk.offers.internal.domain.OfferChange.UpdateValidityTerms;
import io.offerdesk.offers.internal.domain.OfferChange.UpdateVariablePaymentTerms;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Decides a change against the current offer: the asynchronous business rules AWS applies while a change set runs,
 * reported with AWS's error codes. Pure: everything the rules need is in the offer, the change and the {@link
 * OfferContext}.
 *
 * <p>A draft is built by several changes in any order, so each change checks the rules of what it changes, and
 * {@code ReleaseOffer} checks the whole offer, including the rules that join terms set by different changes.
 */
public final class OfferDecisions {

    private OfferDecisions() {}

    /**
     * Decides one change: the offer after it, or every business rule it breaks.
     *
     * @param current the offer as stored; absent only for {@code CreateOffer} and {@code CreateReplacementOffer}
     * @throws IllegalArgumentException when {@code current} is absent for a change to an offer, or present for a create
     */
    public static Decision decide(@Nullable Offer current, OfferChange change, OfferContext context) {
        return switch (change) {
            case CreateOffer create -> create(current, create, context);
            case CreateReplacementOffer create -> createReplacement(current, create, context);
            case CreateOfferUsingResaleAuthorization create -> createResale(current, create, context);
            case CreateReplacementOfferUsingResaleAuthorization create ->
                createResaleReplacement(current, create, context);
            case UpdateMarkup update ->
                changing(current, change, context, (offer, errors) -> {
                    ResaleRules.markup(offer, errors);
                    var resale = offer.resale();
                    if (resale == null || !errors.isEmpty()) {
                        return offer;
                    }
                    var marked = ResalePrices.markedUp(resale.wholesaleTerms(), update.percentage());
                    return offer.withTerms(PricingTerm.class, ofType(marked, PricingTerm.class))
                            .withTerms(PaymentScheduleTerm.class, ofType(marked, PaymentScheduleTerm.class))
                            .withResale(resale.withMarkup(update.percentage()));
                });
            case UpdateInformation update ->
                changing(current, change, context, (offer, errors) -> {
                    if (offer.state() == OfferState.RELEASED
                            && !(update.preExistingAgreement() instanceof AgreementUpdate.Keep)) {
                        errors.add(
                                INCOMPATIBLE_PRE_EXISTING_AGREEMENT,
                                "PreExistingAgreement can't change after the offer is released.");
                    }
                    var agreement = switch (update.preExistingAgreement()) {
                        case AgreementUpdate.Keep keep -> offer.preExistingAgreement();
                        case AgreementUpdate.Clear clear -> null;
                        case AgreementUpdate.Replace replace -> replace.agreement();
                    };
                    return offer.withInformation(
                            update.name() != null ? update.name() : offer.name(),
                            update.description() != null ? update.description() : offer.description(),
                            agreement);
                });
            case UpdateTargeting update ->
                changing(current, change, context, (offer, errors) -> {
                    ReplacementRules.targetingFixed(offer, errors);
                    var next = offer.withTargeting(update.targeting().isEmpty() ? null : update.targeting());
                    OfferRules.targeting(next, context, errors);
                    OfferRules.byolOnlyPublic(next, errors);
                    return next;
                });
            case UpdateSupportTerms update ->
                changing(current, change, context, (offer, errors) -> {
                    var next = offer.withTerms(SupportTerm.class, listOf(update.term()));
                    OfferRules.support(next, errors);
                    return next;
                });
            case UpdateLegalTerms update ->
                changing(current, change, context, (offer, errors) -> {
                    var next = offer.withTerms(LegalTerm.class, List.of(update.term()));
                    OfferRules.legal(next, context, errors);
                    return next;
                });
            case UpdatePricingTerms update ->
                changing(current, change, context, (offer, errors) -> {
                    var next = ResaleRules.ownPrices(
                            offer.withPricingModel(update.pricingModel()).withTerms(PricingTerm.class, update.terms()));
                    OfferRules.pricing(next, context, errors);
                    OfferRules.currency(next, errors);
                    OfferRules.support(next, errors);
                    OfferRules.scheduledUpfrontPrice(next, errors);
                    ReplacementRules.pricing(next, errors);
                    return next;
                });
            case UpdateValidityTerms update ->
                changing(current, change, context, (offer, errors) -> {
                    var next = offer.withTerms(ValidityTerm.class, listOf(update.term()));
                    OfferRules.validityCombination(next, context, errors);
                    ReplacementRules.validity(next, errors);
                    if (offer.state() == OfferState.RELEASED) {
                        // Agreements already made keep their dates; new ones must not get different fixed dates either.
                        var before = offer.term(ValidityTerm.class);
                        var after = Optional.ofNullable(update.term());
                        if (!Objects.equals(
                                        before.map(ValidityTerm::agreementStartDate),
                                        after.map(ValidityTerm::agreementStartDate))
                                || !Objects.equals(
                                        before.map(ValidityTerm::agreementEndDate),
                                        after.map(ValidityTerm::agreementEndDate))) {
                            errors.add(
                                    INVALID_UPDATE_REQUEST,
                                    "AgreementStartDate and AgreementEndDate can't change after the offer is released.");
                        }
                    } else {
                        OfferRules.validityDates(next, context, errors);
                    }
                    return next;
                });
            case UpdatePaymentScheduleTerms update ->
                changing(current, change, context, (offer, errors) -> {
                    var next = ResaleRules.ownPrices(offer.withTerms(PaymentScheduleTerm.class, listOf(update.term())));
                    OfferRules.schedule(next, context, errors);
                    OfferRules.scheduleDates(next, context, errors);
                    OfferRules.currency(next, errors);
                    return next;
                });
            case UpdateNetPaymentTerms update ->
                changing(current, change, context, (offer, errors) -> {
                    var next = offer.withTerms(NetPaymentTerm.class, listOf(update.term()));
                    OfferRules.netPayment(next, errors);
                    return next;
                });
            case UpdateVariablePaymentTerms update ->
                changing(current, change, context, (offer, errors) -> {
                    var next = offer.withTerms(VariablePaymentTerm.class, listOf(update.term()));
                    OfferRules.variablePayment(next, context, errors);
                    OfferRules.currency(next, errors);
                    return next;
                });
            case UpdateRenewalTerms update ->
                changing(current, change, context, (offer, errors) -> {
                    var next = offer.withTerms(RenewalTerm.class, listOf(update.term()));
                    OfferRules.renewal(next, context, errors);
                    return next;
                });
            case UpdateAvailability update ->
                changing(current, change, context, (offer, errors) -> {
                    var next = offer.withAvailabilityEndDate(update.availabilityEndDate());
                    OfferRules.availability(next, context, errors);
                    OfferRules.backdatedCharges(next, errors);
                    return next;
                });
            case ReleaseOffer release ->
                changing(current, change, context, (offer, errors) -> {
                    OfferRules.release(offer, context, errors);
                    ReplacementRules.release(offer, context, errors);
                    ResaleRules.release(offer, errors);
                    return offer.released(context.now());
                });
        };
    }

    private static Decision create(@Nullable Offer current, CreateOffer create, OfferContext context) {
        requireNew(current, create);
        var errors = new Errors();
        sellable(create.productId(), context, errors);
        if (!errors.isEmpty()) {
            return new Rejected(errors.list());
        }
        var id = context.newOfferId().get();
        return new Accepted(
                Offer.draft(id, context.sellerPartyId(), context.product().id(), create.name(), context.now()));
    }

    /** A draft for the agreement's product and buyer account that replaces the agreement when accepted. */
    private static Decision createReplacement(
            @Nullable Offer current, CreateReplacementOffer create, OfferContext context) {
        requireNew(current, create);
        var errors = new Errors();
        var agreement = context.replacedAgreement();
        if (agreement != null && agreement.resaleAuthorizationId() != null) {
            errors.add(
                    INCOMPATIBLE_AGREEMENT,
                    "Agreement %s came from a channel partner private offer; replace it with"
                            + " CreateReplacementOfferUsingResaleAuthorization.",
                    create.agreementId());
            return new Rejected(errors.list());
        }
        ReplacementRules.agreement(create.agreementId(), agreement, context, errors);
        sellable(context.product().id(), context, errors);
        if (agreement == null || !errors.isEmpty()) {
            return new Rejected(errors.list());
        }
        return new Accepted(Offer.replacementDraft(
                context.newOfferId().get(),
                context.sellerPartyId(),
                context.product().id(),
                agreement.agreementId(),
                agreement.acceptorAccountId(),
                create.name(),
                context.now()));
    }

    /** A channel partner's draft from a resale authorization it holds, priced at wholesale until it marks it up. */
    private static Decision createResale(
            @Nullable Offer current, CreateOfferUsingResaleAuthorization create, OfferContext context) {
        requireNew(current, create);
        var authorization = resaleAuthorization(context);
        var errors = new Errors();
        ResaleRules.usable(authorization, context, errors);
        ResaleRules.product(authorization, context, errors);
        visible(context, errors);
        if (!errors.isEmpty()) {
            return new Rejected(errors.list());
        }
        var draft = Offer.draft(
                        context.newOfferId().get(),
                        context.sellerPartyId(),
                        authorization.productId(),
                        create.name(),
                        context.now())
                .withInformation(create.name(), create.description(), null);
        return new Accepted(ResaleRules.inherit(draft, authorization, true, context));
    }

    /**
     * A channel partner's replacement for an agreement it proposed, from a resale authorization for the agreement's
     * product that lets it sell to the agreement's buyer; the partner stays seller of record.
     */
    private static Decision createResaleReplacement(
            @Nullable Offer current, CreateReplacementOfferUsingResaleAuthorization create, OfferContext context) {
        requireNew(current, create);
        var authorization = resaleAuthorization(context);
        var agreement = context.replacedAgreement();
        var errors = new Errors();
        ReplacementRules.agreement(create.agreementId(), agreement, context, errors);
        ResaleRules.usable(authorization, context, errors);
        ResaleRules.product(authorization, context, errors);
        visible(context, errors);
        if (agreement != null) {
            errors.check(
                    agreement.productId().equals(authorization.productId()),
                    INCOMPATIBLE_RESALE_AUTHORIZATION,
                    "ResaleAuthorization %s is for product %s; agreement %s is for %s.",
                    authorization.id(),
                    authorization.productId(),
                    agreement.agreementId(),
                    agreement.productId());
            errors.check(
                    authorization.buyerAccounts().isEmpty()
                            || authorization.buyerAccounts().contains(agreement.acceptorAccountId()),
                    INCOMPATIBLE_RESALE_AUTHORIZATION,
                    "ResaleAuthorization %s does not let you sell to %s, the account that holds agreement %s.",
                    authorization.id(),
                    agreement.acceptorAccountId(),
                    agreement.agreementId());
        }
        if (agreement == null || !errors.isEmpty()) {
            return new Rejected(errors.list());
        }
        var draft = Offer.replacementDraft(
                context.newOfferId().get(),
                context.sellerPartyId(),
                authorization.productId(),
                agreement.agreementId(),
                agreement.acceptorAccountId(),
                create.name(),
                context.now());
        return new Accepted(ResaleRules.inherit(draft, authorization, false, context));
    }

    private static AuthorizationFacts resaleAuthorization(OfferContext context) {
        var authorization = context.authorization();
        if (authorization == null) {
            throw new IllegalArgumentException("a resale offer is created from a resale authorization; none was given");
        }
        return authorization;
    }

    private static void requireNew(@Nullable Offer current, OfferChange create) {
        if (current != null) {
            throw new IllegalArgumentException(
                    create.changeType() + " creates an offer; it has no current one: " + current.id());
        }
    }

    /** Offers are made by the product's seller, for products buyers may see. */
    private static void sellable(String productId, OfferContext context, Errors errors) {
        var product = context.product();
        errors.check(
                product.sellerPartyId().equals(context.sellerPartyId()),
                INCOMPATIBLE_PRODUCT,
                "ProductId %s is not a product of this seller.",
                productId);
        visible(context, errors);
    }

    private static void visible(OfferContext context, Errors errors) {
        var product = context.product();
        var productId = product.id();
        errors.check(
                product.visibility() == Visibility.LIMITED || product.visibility() == Visibility.PUBLIC,
                INCOMPATIBLE_PRODUCT,
                "ProductId %s is %s; offers can only be made for Limited or Public products.",
                productId,
                product.visibility());
    }

    /** Applies {@code step} to an existing offer after the rules every change shares: expiry and release. */
    private static Decision changing(@Nullable Offer current, OfferChange change, OfferContext context, Step step) {
        if (current == null) {
            throw new IllegalArgumentException(change.changeType() + " changes an existing offer; none was given");
        }
        var errors = new Errors();
        if (current.status(context.now()) == OfferStatus.EXPIRED && !(change instanceof UpdateAvailability)) {
            errors.add(
                    INVALID_UPDATE_REQUEST,
                    "%s can't be performed on an expired offer (AvailabilityEndDate %s has passed); only"
                            + " UpdateAvailability can extend it.",
                    change.changeType(),
                    current.availabilityEndDate());
        } else if (current.state() == OfferState.RELEASED && change instanceof ReleaseOffer) {
            errors.add(INVALID_UPDATE_REQUEST, "The offer is already released.");
        } else if (current.state() == OfferState.RELEASED && !allowedAfterRelease(change)) {
            errors.add(
                    INVALID_UPDATE_REQUEST, "%s can't be performed after the offer is released.", change.changeType());
        }
        if (!errors.isEmpty()) {
            return new Rejected(errors.list());
        }
        var next = step.apply(current, errors);
        if (errors.isEmpty()) {
            ResaleRules.offer(next, context, errors);
        }
        return errors.isEmpty() ? new Accepted(next.modifiedAt(context.now())) : new Rejected(errors.list());
    }

    /** AWS documents only these changes as allowed on a released offer. */
    private static boolean allowedAfterRelease(OfferChange change) {
        return change instanceof UpdateInformation
                || change instanceof UpdateAvailability
                || change instanceof UpdateValidityTerms;
    }

    private static <T extends Term> List<T> ofType(List<Term> terms, Class<T> type) {
        return terms.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static <T> List<T> listOf(@Nullable T term) {
        return term == null ? List.of() : List.of(term);
    }

    /** One change's effect on the offer; it reports the rules the changed offer breaks to {@code errors}. */
    @FunctionalInterface
    private interface Step {
        Offer apply(Offer current, Errors errors);
    }
}
