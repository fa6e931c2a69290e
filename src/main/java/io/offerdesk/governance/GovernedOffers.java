package io.offerdesk.governance;

import io.offerdesk.catalog.CatalogManagement;
import io.offerdesk.catalog.Product;
import io.offerdesk.catalog.ProductId;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.OfferQueries;
import io.offerdesk.offers.OfferQueries.BuyerTab;
import io.offerdesk.parties.UserManagement;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.AccountId;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.Role;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The open offers made to any account of the organization, for its private-marketplace administrators, each with
 * whether the targeted accounts may buy its product: so an administrator learns what sellers offer and can allow the
 * product before a user asks. Read-only; buying stays with the accounts' users.
 */
@Service
public class GovernedOffers {

    /** Whether one targeted account of the organization may buy the offer's product. */
    public record AccountVerdict(String accountId, boolean allowed, boolean governed) {}

    /** An offer with its product's title and the verdict for each of the organization's accounts it targets. */
    public record GovernedOffer(Offer offer, String productTitle, List<AccountVerdict> accounts) {

        public GovernedOffer {
            accounts = List.copyOf(accounts);
        }

        public boolean allowedEverywhere() {
            return accounts.stream().allMatch(AccountVerdict::allowed);
        }
    }

    private final OfferQueries offers;
    private final CatalogManagement catalog;
    private final PrivateMarketplace privateMarketplace;
    private final UserManagement users;

    GovernedOffers(
            OfferQueries offers,
            CatalogManagement catalog,
            PrivateMarketplace privateMarketplace,
            UserManagement users) {
        this.offers = offers;
        this.users = users;
        this.catalog = catalog;
        this.privateMarketplace = privateMarketplace;
    }

    @Transactional(readOnly = true)
    public OfferQueries.OfferPage page(OfferdeskPrincipal me, int offset, int limit) {
        requireAdministrator(me);
        return offers.forBuyer(me, BuyerTab.AVAILABLE, offset, limit);
    }

    @Transactional(readOnly = true)
    public GovernedOffer governed(OfferdeskPrincipal me, Offer offer) {
        requireAdministrator(me);
        var title = ProductId.parse(offer.productId())
                .flatMap(catalog::find)
                .map(Product::title)
                .orElse(offer.productId());
        // An offer may target other organizations' accounts too; their governance is none of this one's business.
        var mine = users.accountsOf(me);
        var accounts = offer.buyerAccounts().stream()
                .filter(mine::contains)
                .map(account -> verdict(account, offer.productId()))
                .toList();
        return new GovernedOffer(offer, title, accounts);
    }

    /** One offer made to the organization, as {@link #governed} describes it; other offers are not found. */
    @Transactional(readOnly = true)
    public GovernedOffer offer(OfferdeskPrincipal me, String offerId) {
        requireAdministrator(me);
        return governed(me, offers.forBuyer(me, offerId));
    }

    private AccountVerdict verdict(AccountId account, String productId) {
        var verdict = privateMarketplace.verdict(account, productId);
        return new AccountVerdict(account.value(), verdict.allowed(), verdict.governed());
    }

    private static void requireAdministrator(OfferdeskPrincipal me) {
        if (me.partyKind() != PartyKind.BUYER || !me.has(Role.MARKETPLACE_ADMIN)) {
            throw new AccessDeniedException("private-marketplace administrators see the organization's offers");
        }
    }
}
