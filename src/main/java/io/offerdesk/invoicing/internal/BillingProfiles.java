package io.offerdesk.invoicing.internal;

import io.offerdesk.invoicing.events.BuyerBillingProfileChanged;
import io.offerdesk.parties.Party;
import io.offerdesk.parties.PartyManagement;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.Role;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Buyers' billing profiles: the country whose tax applies and the default days to pay. The buyer's users read their
 * own, its private-marketplace administrator changes it, the operator reads and changes all; anyone else gets 404.
 */
@Service
public class BillingProfiles {

    /** Days to pay are 1 to this many. */
    public static final int NET_DAYS_MAX = 365;

    private final BuyerProfileRepository profiles;
    private final PartyManagement parties;
    private final InvoicingSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BillingProfiles(
            BuyerProfileRepository profiles,
            PartyManagement parties,
            InvoicingSettings settings,
            ApplicationEventPublisher events,
            Clock clock) {
        this.profiles = profiles;
        this.parties = parties;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public BillingProfile profile(OfferdeskPrincipal me, UUID buyerPartyId) {
        var buyer = buyer(me, buyerPartyId);
        return profiles.find(buyer.id()).orElse(BillingProfile.unset(buyer.id()));
    }

    /** Every buyer with its profile, for the operator. */
    @Transactional(readOnly = true)
    public List<BillingProfile> all(OfferdeskPrincipal me) {
        var buyers = parties.parties(me, PartyKind.BUYER);
        var found = profiles.findAll(buyers.stream().map(Party::id).toList());
        return buyers.stream()
                .map(b -> found.getOrDefault(b.id(), BillingProfile.unset(b.id())))
                .toList();
    }

    /**
     * Sets the buyer's country (whose tax rate applies) and default days to pay; an absent value clears it.
     *
     * @throws AccessDeniedException for the buyer's users who do not administer it
     */
    @Transactional
    public BillingProfile save(
            OfferdeskPrincipal me,
            UUID buyerPartyId,
            @Nullable String country,
            @Nullable Integer defaultNetPaymentDays) {
        var buyer = buyer(me, buyerPartyId);
        if (!me.isOperator() && !me.has(Role.MARKETPLACE_ADMIN)) {
            throw new AccessDeniedException("the buyer's billing profile is changed by its administrator");
        }
        var code = country == null || country.isBlank() ? null : TaxRates.country(country);
        if (defaultNetPaymentDays != null && (defaultNetPaymentDays < 1 || defaultNetPaymentDays > NET_DAYS_MAX)) {
            throw new InvalidInput("defaultNetPaymentDays", "invoicing.netDays", NET_DAYS_MAX);
        }
        var profile = new BillingProfile(buyer.id(), code, defaultNetPaymentDays, clock.instant());
        profiles.save(profile);
        events.publishEvent(
                new BuyerBillingProfileChanged(buyer.id(), code, defaultNetPaymentDays, me.actor(), clock.instant()));
        return profile;
    }

    /** The days to pay that apply to the buyer's charges whose offer has no net payment term. */
    public int netPaymentDays(BillingProfile profile) {
        return profile.defaultNetPaymentDays() == null
                ? settings.defaultNetPaymentDays()
                : profile.defaultNetPaymentDays();
    }

    private Party buyer(OfferdeskPrincipal me, UUID buyerPartyId) {
        return parties.find(buyerPartyId)
                .filter(p -> p.kind() == PartyKind.BUYER)
                .filter(p -> me.isOperator() || p.id().equals(me.partyId()))
                .orElseThrow(() -> new NotFound("buyer", buyerPartyId.toString()));
    }
}
