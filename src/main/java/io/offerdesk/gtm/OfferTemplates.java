package io.offerdesk.gtm;

import io.offerdesk.catalog.CatalogManagement;
import io.offerdesk.catalog.DimensionType;
import io.offerdesk.catalog.ListPrice;
import io.offerdesk.catalog.Product;
import io.offerdesk.catalog.ProductId;
import io.offerdesk.catalog.StandardContract;
import io.offerdesk.catalog.StandardContractManagement;
import io.offerdesk.changesets.ChangeSet;
import io.offerdesk.changesets.ChangeSetStatus;
import io.offerdesk.changesets.ChangeSets;
import io.offerdesk.changesets.StartChangeSet;
import io.offerdesk.changesets.StartChangeSet.RequestedChange;
import io.offerdesk.gtm.events.OfferStartedFromTemplate;
import io.offerdesk.gtm.internal.templates.EulaPdf;
import io.offerdesk.gtm.internal.templates.TemplateLibrary;
import io.offerdesk.gtm.internal.templates.TemplateOrigins;
import io.offerdesk.gtm.internal.templates.TemplateRepository.OfferTemplate;
import io.offerdesk.gtm.internal.templates.TemplateRepository.Origin;
import io.offerdesk.gtm.internal.templates.TemplateRepository.PricingTemplate;
import io.offerdesk.gtm.internal.templates.domain.PricingTerms;
import io.offerdesk.offers.EulaDocuments;
import io.offerdesk.offers.Offer;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.AccountId;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.Validations;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Starts a new draft offer from an offer template in one step: one change set (like {@code OfferActions.cloneOffer})
 * that creates the offer for a product (or, for a channel partner, from a resale authorization), names it, targets
 * the buyer accounts, sets the template's pricing, validity and payment schedule filled for this product and deal,
 * its EULA (the template's composed EULA uploaded as the offer's custom EULA PDF, or the standard contract) and its
 * expiry. The module records which template version the offer came from, so its checklist and approval form follow
 * it.
 */
@Service
public class OfferTemplates {

    public static final int OFFER_NAME_MAX = 150;
    public static final int QUANTITY_MAX = 1_000_000;
    private static final String TARGET = "$TemplateOffer.Entity.Identifier";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * What the author gives when starting an offer from a template.
     *
     * @param productId the seller's product; exactly one of this and {@code resaleAuthorizationId}
     * @param resaleAuthorizationId for a channel partner's offer; its pricing comes from the authorization
     * @param name the offer's name; the template's name when absent
     * @param discountPercent off the product's list prices, 0 to 100
     * @param contractPrice the contract total, instead of deriving it from list prices and discount
     * @param quantity units of each entitled dimension, 1 when absent
     * @param markupPercent a partner's markup on the wholesale price
     */
    public record StartOffer(
            @Nullable String productId,
            @Nullable String resaleAuthorizationId,
            @Nullable List<String> buyerAccounts,
            @Nullable String name,
            @Nullable BigDecimal discountPercent,
            @Nullable BigDecimal contractPrice,
            @Nullable Integer quantity,
            @Nullable BigDecimal markupPercent) {}

    /** The change set that creates the offer and the template version it follows. */
    public record StartedOffer(ChangeSet changeSet, String templateId, int templateVersion) {}

    private final TemplateLibrary library;
    private final TemplateOrigins origins;
    private final ChangeSets changeSets;
    private final CatalogManagement catalog;
    private final StandardContractManagement contracts;
    private final EulaDocuments eulaDocuments;
    private final EulaPdf pdf;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OfferTemplates(
            TemplateLibrary library,
            TemplateOrigins origins,
            ChangeSets changeSets,
            CatalogManagement catalog,
            StandardContractManagement contracts,
            EulaDocuments eulaDocuments,
            EulaPdf pdf,
            ApplicationEventPublisher events,
            Clock clock) {
        this.library = library;
        this.origins = origins;
        this.changeSets = changeSets;
        this.catalog = catalog;
        this.contracts = contracts;
        this.eulaDocuments = eulaDocuments;
        this.pdf = pdf;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Starts the change set that creates the draft; the offer exists once it succeeded ({@link #offerOf}).
     *
     * @throws InvalidInput naming the field when the request or the product cannot fill the template
     * @throws NotFound when the template or the product is not the caller's
     */
    @Transactional
    public StartedOffer start(OfferdeskPrincipal me, String templateId, StartOffer request) {
        TemplateLibrary.requireAuthor(me);
        var template = library.offerTemplate(me, templateId);
        var checks = new Validations();
        var resale = request.resaleAuthorizationId() != null
                && !request.resaleAuthorizationId().isBlank();
        var hasProduct = request.productId() != null && !request.productId().isBlank();
        checks.check(resale != hasProduct, "productId", "templates.offer.productOrResale");
        var accounts = request.buyerAccounts() == null ? List.<String>of() : request.buyerAccounts();
        checks.check(!accounts.isEmpty(), "buyerAccounts", "validation.required");
        for (int i = 0; i < accounts.size(); i++) {
            checks.check(
                    accounts.get(i) != null && AccountId.isValid(accounts.get(i)),
                    "buyerAccounts[" + i + "]",
                    "templates.offer.account");
        }
        checks.maxLength("name", request.name(), OFFER_NAME_MAX);
        var discount = request.discountPercent() == null ? BigDecimal.ZERO : request.discountPercent();
        checks.check(
                discount.signum() >= 0 && discount.compareTo(BigDecimal.valueOf(100)) <= 0,
                "discountPercent",
                "validation.range",
                0,
                100);
        checks.check(
                request.contractPrice() == null || request.contractPrice().signum() > 0,
                "contractPrice",
                "templates.offer.positive");
        var quantity = request.quantity() == null ? 1 : request.quantity();
        checks.check(quantity >= 1 && quantity <= QUANTITY_MAX, "quantity", "validation.range", 1, QUANTITY_MAX);
        checks.throwIfInvalid();

        var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        var expiry = today.plusDays(template.expiryDays());
        var changes = new ArrayList<RequestedChange>();
        var create = NODES.objectNode();
        if (resale) {
            create.put("ResaleAuthorizationId", request.resaleAuthorizationId());
            changes.add(change("CreateOfferUsingResaleAuthorization", null, "TemplateOffer", create));
        } else {
            create.put("ProductId", request.productId());
            changes.add(change("CreateOffer", null, "TemplateOffer", create));
        }
        var information = NODES.objectNode();
        information.put(
                "Name",
                request.name() != null && !request.name().isBlank() ? request.name() : clipped(template.name()));
        information.put("Description", "From offer template " + template.id() + " version " + template.version());
        changes.add(change("UpdateInformation", TARGET, null, information));
        var targeting = NODES.objectNode();
        var buyers = targeting.putObject("PositiveTargeting").putArray("BuyerAccounts");
        accounts.forEach(buyers::add);
        changes.add(change("UpdateTargeting", TARGET, null, targeting));

        var pricingTemplate =
                template.pricingTemplateId() == null ? null : library.pricingTemplate(me, template.pricingTemplateId());
        if (pricingTemplate != null) {
            if (resale) {
                // A partner's prices come from the authorization; only the agreement's duration follows the template.
                var validity = (ObjectNode) pricingTemplate.terms().get("ValidityTerm");
                changes.add(terms("UpdateValidityTerms", validity));
                if (request.markupPercent() != null) {
                    var markup = NODES.objectNode();
                    markup.put("Percentage", request.markupPercent().toPlainString());
                    changes.add(change("UpdateMarkup", TARGET, null, markup));
                }
            } else {
                var product = ownedProduct(me, Validations.present("productId", request.productId()));
                // The first installment is due from today (invoiced at acceptance), so every later one falls within an
                // agreement accepted today; only the first may fall on or before the expiry.
                changes.addAll(pricing(
                        pricingTemplate,
                        product,
                        new PricingTerms.Deal(request.contractPrice(), discount, quantity, today, expiry)));
            }
        }
        changes.add(legal(me, template));
        var availability = NODES.objectNode();
        availability.put("AvailabilityEndDate", expiry.toString());
        changes.add(change("UpdateAvailability", TARGET, null, availability));

        var changeSet = changeSets.start(me, new StartChangeSet(changes, null, null, null));
        origins.record(new Origin(
                changeSet.id(),
                me.partyId(),
                template.id(),
                template.version(),
                template.checklistId(),
                template.approvalFormId(),
                template.eulaTemplateId(),
                template.eulaVersion(),
                null,
                clock.instant()));
        events.publishEvent(new OfferStartedFromTemplate(
                template.id(), template.version(), changeSet.id(), me.partyId(), me.actor(), clock.instant()));
        return new StartedOffer(changeSet, template.id(), template.version());
    }

    /**
     * Waits up to {@code timeout} for the change set a template started and returns the offer it created, if it has
     * succeeded by then.
     */
    public Optional<String> offerOf(OfferdeskPrincipal me, String changeSetId, Duration timeout) {
        var changeSet = changeSets.awaitFinal(me.partyId(), changeSetId, timeout);
        if (changeSet.status() != ChangeSetStatus.SUCCEEDED
                || changeSet.changes().isEmpty()) {
            return Optional.empty();
        }
        var identifier = changeSet.changes().getFirst().entityIdentifier();
        if (identifier == null) {
            return Optional.empty();
        }
        var offerId = identifier.replaceAll("@.*", "");
        origins.complete(me.partyId(), changeSetId, offerId);
        return Optional.of(offerId);
    }

    /** The change set as its owner sees it. */
    public ChangeSet changeSet(OfferdeskPrincipal me, String changeSetId) {
        return changeSets.describe(me, changeSetId);
    }

    private Product ownedProduct(OfferdeskPrincipal me, String productId) {
        return ProductId.parse(productId)
                .flatMap(catalog::find)
                .filter(p -> p.sellerPartyId().equals(me.partyId()))
                .orElseThrow(() -> new NotFound("product", productId));
    }

    private List<RequestedChange> pricing(PricingTemplate template, Product product, PricingTerms.Deal deal) {
        var facts = facts(product);
        var currency = CurrencyUnit.of(template.currency());
        ObjectNode filled;
        try {
            Money total = PricingTerms.total(facts, deal, template.durationMonths(), currency);
            filled = PricingTerms.fill(template.terms(), facts, deal, total);
        } catch (PricingTerms.Unfillable unfillable) {
            throw new InvalidInput(unfillable.field(), unfillable.messageKey());
        }
        var changes = new ArrayList<RequestedChange>();
        var pricing = NODES.objectNode();
        pricing.set("PricingModel", filled.get("PricingModel"));
        pricing.set("Terms", filled.get("PricingTerms"));
        changes.add(change("UpdatePricingTerms", TARGET, null, pricing));
        changes.add(terms("UpdateValidityTerms", filled.get("ValidityTerm")));
        if (filled.has("PaymentScheduleTerm")) {
            changes.add(terms("UpdatePaymentScheduleTerms", filled.get("PaymentScheduleTerm")));
        }
        return changes;
    }

    private static PricingTerms.Product facts(Product product) {
        var entitled = product.dimensions().stream()
                .filter(d -> d.type() == DimensionType.ENTITLED)
                .map(d -> d.key())
                .toList();
        var contract = new HashMap<String, Map<Integer, Money>>();
        var usage = new HashMap<String, BigDecimal>();
        var offer = product.publicOffer();
        for (var price : offer == null ? List.<ListPrice>of() : offer.prices()) {
            switch (price) {
                case ListPrice.Contract c ->
                    contract.computeIfAbsent(c.dimensionKey(), k -> new HashMap<>())
                            .put(c.durationMonths(), c.price());
                case ListPrice.Usage u ->
                    usage.put(u.dimensionKey(), u.pricePerUnit().getAmount());
                case ListPrice.Subscription s -> {}
            }
        }
        return new PricingTerms.Product(entitled, contract, usage);
    }

    private RequestedChange legal(OfferdeskPrincipal me, OfferTemplate template) {
        var document = NODES.objectNode();
        var eulaId = template.eulaTemplateId();
        var eulaVersion = template.eulaVersion();
        if (eulaId != null && eulaVersion != null) {
            var composed = library.composed(me, eulaId, eulaVersion);
            var bytes = pdf.render(composed, me.partyName(), eulaId, eulaVersion);
            var uploaded = eulaDocuments.upload(me, EulaPdf.fileName(eulaId, eulaVersion), bytes);
            document.put("Type", "CustomEula");
            document.put("Url", uploaded.url());
        } else {
            document.put("Type", "StandardEula");
            document.put("Version", currentStandardVersion(me));
        }
        var legal = NODES.objectNode();
        legal.put("Type", "LegalTerm");
        legal.putArray("Documents").add(document);
        return terms("UpdateLegalTerms", legal);
    }

    /** The current version of the marketplace's first standard contract, as the offer composer uses. */
    private String currentStandardVersion(OfferdeskPrincipal me) {
        return contracts.contracts(me).stream()
                .min(Comparator.comparing(StandardContract::createdAt))
                .map(StandardContract::currentVersion)
                .orElse("");
    }

    private static RequestedChange terms(String type, JsonNode term) {
        var details = NODES.objectNode();
        details.putArray("Terms").add(term);
        return change(type, TARGET, null, details);
    }

    private static RequestedChange change(
            String type, @Nullable String identifier, @Nullable String name, JsonNode details) {
        return new RequestedChange(type, Offer.ENTITY_TYPE, identifier, name, details);
    }

    private static String clipped(String name) {
        return name.length() <= OFFER_NAME_MAX ? name : name.substring(0, OFFER_NAME_MAX);
    }
}
