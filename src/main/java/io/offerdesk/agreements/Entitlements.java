package io.offerdesk.agreements;

import io.offerdesk.agreements.internal.AgreementRepository;
import io.offerdesk.agreements.internal.EntitlementRepository;
import io.offerdesk.agreements.internal.EntitlementRepository.Position;
import io.offerdesk.agreements.internal.EntitlementSettings;
import io.offerdesk.agreements.internal.RegistrationTokens;
import io.offerdesk.catalog.CatalogManagement;
import io.offerdesk.catalog.Delivery;
import io.offerdesk.catalog.Product;
import io.offerdesk.catalog.ProductId;
import io.offerdesk.parties.UserManagement;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.AccountId;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.Validations;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What buyers are entitled to, and how they get it. Entitlements follow their agreements (see the listener in
 * {@code internal}); this service reads them for each side:
 *
 * <ul>
 *   <li>either party of an agreement reads its entitlements (GetAgreementEntitlements);
 *   <li>the seller that owns a product reads its buyers' current entitlements (GetEntitlements): provisioned and not
 *       past their expiration, because AWS answers with what a customer may use now, not with history;
 *   <li>a buyer reads its accounts' entitlements, and, while one of them holds a provisioned entitlement to a product,
 *       how to get the product (launch, deployment or service details, and the license);
 *   <li>a SaaS buyer gets a registration token for the seller's fulfillment page, and the seller resolves it
 *       (ResolveCustomer).
 * </ul>
 *
 * <p>The product id is the product code: Offerdesk has no separate code.
 */
@Service
public class Entitlements {

    /** GetEntitlements' page size limit. */
    public static final int GET_ENTITLEMENTS_MAX = 25;

    public static final int BUYER_PAGE_MAX = 100;

    /** AWS's RegistrationToken shape. */
    public static final Pattern REGISTRATION_TOKEN = Pattern.compile("[A-Za-z0-9+/=.:_-]{1,512}");

    /**
     * GetEntitlements' filter: values of one key are alternatives, the keys all apply; an empty key does not filter.
     * Customer identifiers and customer account ids exclude each other, as in AWS.
     */
    public record EntitlementFilter(
            List<String> customerIdentifiers,
            List<String> dimensions,
            List<String> customerAwsAccountIds,
            List<String> licenseArns) {
        public EntitlementFilter {
            customerIdentifiers = List.copyOf(customerIdentifiers);
            dimensions = List.copyOf(dimensions);
            customerAwsAccountIds = List.copyOf(customerAwsAccountIds);
            licenseArns = List.copyOf(licenseArns);
        }
    }

    /** A page of GetEntitlements; pass {@code nextToken} back for the next one. */
    public record EntitlementPage(
            List<Entitlement> entitlements, @Nullable String nextToken) {
        public EntitlementPage {
            entitlements = List.copyOf(entitlements);
        }
    }

    /** A page of a buyer's entitlements, and whether there are more. */
    public record BuyerPage(List<Entitlement> entitlements, boolean more) {
        public BuyerPage {
            entitlements = List.copyOf(entitlements);
        }
    }

    /** ResolveCustomer's answer: who registered, for which product, under which license. */
    public record ResolvedCustomer(
            String customerIdentifier, String productCode, AccountId customerAwsAccountId, String licenseArn) {}

    /**
     * How an entitled buyer gets the product: its delivery option and the entitlements that give the right to it.
     */
    public record ProductDelivery(Product product, List<Entitlement> entitlements) {
        public ProductDelivery {
            entitlements = List.copyOf(entitlements);
        }
    }

    /**
     * A SaaS registration: the token, where to post it (field {@code x-amzn-marketplace-token}) and until when the seller
     * can resolve it.
     */
    public record Registration(String registrationToken, String fulfillmentUrl, Instant expiresAt) {}

    private final Agreements agreements;
    private final AgreementRepository agreementRepository;
    private final EntitlementRepository entitlements;
    private final RegistrationTokens tokens;
    private final EntitlementSettings settings;
    private final CatalogManagement catalog;
    private final UserManagement users;
    private final Clock clock;

    Entitlements(
            Agreements agreements,
            AgreementRepository agreementRepository,
            EntitlementRepository entitlements,
            RegistrationTokens tokens,
            EntitlementSettings settings,
            CatalogManagement catalog,
            UserManagement users,
            Clock clock) {
        this.agreements = agreements;
        this.agreementRepository = agreementRepository;
        this.entitlements = entitlements;
        this.tokens = tokens;
        this.settings = settings;
        this.catalog = catalog;
        this.users = users;
        this.clock = clock;
    }

    /** The agreement's entitlements, for either party (GetAgreementEntitlements); anyone else gets 404. */
    @Transactional(readOnly = true)
    public List<Entitlement> entitlements(OfferdeskPrincipal me, String agreementId) {
        return entitlements.ofAgreement(agreements.agreement(me, agreementId).id());
    }

    /**
     * The current entitlements to one of the seller's products (GetEntitlements). Another seller's product is not
     * found; the operator may read any.
     *
     * @param maxResults 1 to {@value #GET_ENTITLEMENTS_MAX}; absent means {@value #GET_ENTITLEMENTS_MAX}
     */
    @Transactional(readOnly = true)
    public EntitlementPage getEntitlements(
            OfferdeskPrincipal me,
            @Nullable String productCode,
            EntitlementFilter filter,
            @Nullable String nextToken,
            @Nullable Integer maxResults) {
        if (productCode == null || productCode.isBlank()) {
            throw new InvalidInput("productCode", "validation.required");
        }
        var limit = maxResults == null ? GET_ENTITLEMENTS_MAX : maxResults;
        if (limit < 1 || limit > GET_ENTITLEMENTS_MAX) {
            throw new InvalidInput("maxResults", "validation.range", 1, GET_ENTITLEMENTS_MAX);
        }
        if (!filter.customerIdentifiers().isEmpty()
                && !filter.customerAwsAccountIds().isEmpty()) {
            throw new InvalidInput("customerAwsAccountId", "entitlement.customerFilters");
        }
        var after = nextToken == null || nextToken.isEmpty() ? null : position(nextToken);
        var product = ProductId.parse(productCode)
                .flatMap(catalog::find)
                .filter(p -> me.isOperator() || p.sellerPartyId().equals(me.partyId()))
                .orElseThrow(() -> new NotFound("product", productCode));
        var found = entitlements.current(
                product.id().value(),
                filter.customerIdentifiers(),
                filter.dimensions(),
                filter.customerAwsAccountIds(),
                filter.licenseArns(),
                after,
                clock.instant(),
                limit + 1);
        var page = found.stream().limit(limit).toList();
        return new EntitlementPage(page, found.size() > limit ? token(page.getLast()) : null);
    }

    /** The entitlements of every account the buyer user acts for, newest agreement first. */
    @Transactional(readOnly = true)
    public BuyerPage buyerEntitlements(OfferdeskPrincipal me, int offset, int limit) {
        Validations.checkPage(offset, limit, BUYER_PAGE_MAX);
        if (me.partyKind() != PartyKind.BUYER) {
            return new BuyerPage(List.of(), false);
        }
        var found = entitlements.ofBuyer(me.partyId(), users.accountsOf(me), offset, limit + 1);
        return new BuyerPage(found.stream().limit(limit).toList(), found.size() > limit);
    }

    /**
     * How the buyer gets the product, while one of its accounts holds a provisioned entitlement to it; otherwise, and
     * for everyone else, the product is not found.
     */
    @Transactional(readOnly = true)
    public ProductDelivery delivery(OfferdeskPrincipal me, String productId) {
        var held = me.partyKind() == PartyKind.BUYER
                ? entitlements.currentOfBuyer(me.partyId(), users.accountsOf(me), productId, clock.instant())
                : List.<Entitlement>of();
        if (held.isEmpty()) {
            throw new NotFound("product", productId);
        }
        var product =
                ProductId.parse(productId).flatMap(catalog::find).orElseThrow(() -> new NotFound("product", productId));
        return new ProductDelivery(product, held);
    }

    /**
     * A fresh registration token for the buyer's SaaS subscription, and where to post it: what AWS's "Set up your
     * account" button does. The buyer must hold a provisioned entitlement to the product.
     */
    @Transactional
    public Registration registration(OfferdeskPrincipal me, String productId) {
        var delivery = delivery(me, productId);
        if (!(delivery.product().delivery() instanceof Delivery.Saas saas)) {
            throw new InvalidInput("productId", "entitlement.notSaas", productId);
        }
        var token = tokens.issue(delivery.entitlements().getFirst().agreementId(), clock.instant());
        return new Registration(token.value(), settings.postTarget(saas.fulfillmentUrl()), token.expiresAt());
    }

    /**
     * Resolves a registration token for the seller that owns its product (ResolveCustomer). A token of another
     * seller's product is as invalid as one that never existed.
     */
    @Transactional(readOnly = true)
    public ResolvedCustomer resolveCustomer(OfferdeskPrincipal me, @Nullable String registrationToken) {
        if (registrationToken == null
                || !REGISTRATION_TOKEN.matcher(registrationToken).matches()) {
            throw invalidToken();
        }
        var issued = tokens.find(registrationToken).orElseThrow(Entitlements::invalidToken);
        var agreement = agreementRepository.find(issued.agreementId()).orElseThrow(Entitlements::invalidToken);
        var owned = ProductId.parse(agreement.productId())
                .flatMap(catalog::find)
                .filter(product -> product.sellerPartyId().equals(me.partyId()))
                .isPresent();
        if (!owned) {
            throw invalidToken();
        }
        if (!issued.expiresAt().isAfter(clock.instant())) {
            throw new InvalidInput("registrationToken", "entitlement.EXPIRED_TOKEN");
        }
        var entitlement = entitlements.anyOf(agreement.id()).orElseThrow(Entitlements::invalidToken);
        return new ResolvedCustomer(
                entitlement.customerIdentifier(),
                agreement.productId(),
                agreement.acceptorAccountId(),
                entitlement.licenseArn());
    }

    private static InvalidInput invalidToken() {
        return new InvalidInput("registrationToken", "entitlement.INVALID_TOKEN");
    }

    /** The next token names the last entitlement of the page; it is opaque to clients. */
    private static String token(Entitlement last) {
        var text = last.agreementId().value() + "\n" + last.dimension();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Position position(String nextToken) {
        try {
            var text = new String(Base64.getUrlDecoder().decode(nextToken), StandardCharsets.UTF_8);
            var split = text.indexOf('\n');
            if (split > 0 && AgreementId.parse(text.substring(0, split)).isPresent()) {
                return new Position(text.substring(0, split), text.substring(split + 1));
            }
        } catch (IllegalArgumentException malformed) {
            // answered below like any other token that no page gave out
        }
        throw new InvalidInput("nextToken", "entitlement.invalidNextToken");
    }
}
