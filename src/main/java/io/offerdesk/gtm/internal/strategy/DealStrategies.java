package io.offerdesk.gtm.internal.strategy;

import io.offerdesk.catalog.CatalogManagement;
import io.offerdesk.catalog.ProductId;
import io.offerdesk.gtm.internal.approvals.domain.OfferFacts;
import io.offerdesk.gtm.internal.strategy.domain.Deal;
import io.offerdesk.gtm.internal.strategy.domain.DealStrategy;
import io.offerdesk.gtm.internal.strategy.domain.Position;
import io.offerdesk.gtm.internal.strategy.domain.Route;
import io.offerdesk.gtm.internal.strategy.domain.SegmentRule;
import io.offerdesk.gtm.internal.strategy.domain.ValueRange;
import io.offerdesk.gtm.internal.templates.TemplateLibrary;
import io.offerdesk.gtm.internal.templates.TemplateRepository.OfferTemplate;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.OfferQueries;
import io.offerdesk.parties.PartyManagement;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.AccountId;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.Role;
import io.offerdesk.shared.Validations;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.joda.money.CurrencyUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A seller's or channel partner's deal strategy and the position it gives the party's offers. Every user of the party
 * reads it; its administrators replace it.
 */
@Service
class DealStrategies {

    static final int NAME_MAX = 80;
    static final int RULES_MAX = 50;
    static final int KEY_ACCOUNTS_MAX = 100;
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Discount bands are whole hundredths of a percent, as the approval rules compute discounts. */
    static final int PERCENT_SCALE = 2;

    /**
     * A segment rule as an administrator writes it; decimals are text so that a malformed one is reported with its
     * field like every other rule, and JSON numbers are taken as well.
     *
     * @param rank ignored: the rule's place in the list is its rank. Accepted so that what is read can be written back
     */
    record RuleInput(
            @Nullable Integer rank,
            @Nullable String name,
            @Nullable String route,
            @Nullable List<String> keyAccounts,
            @Nullable String valueCurrency,
            @Nullable String valueMin,
            @Nullable String valueMax,
            @Nullable String discountMin,
            @Nullable String discountMax,
            @Nullable String defaultTemplateId) {

        static RuleInput of(SegmentRule rule) {
            var value = rule.value();
            return new RuleInput(
                    null,
                    rule.name(),
                    rule.route().name(),
                    rule.keyAccounts(),
                    value == null ? null : value.currency().getCode(),
                    value == null || value.min() == null ? null : value.min().toPlainString(),
                    value == null || value.max() == null ? null : value.max().toPlainString(),
                    rule.discountMin().toPlainString(),
                    rule.discountMax().toPlainString(),
                    rule.defaultTemplateId());
        }
    }

    private final StrategyRepository repository;
    private final TemplateLibrary templates;
    private final PartyManagement parties;
    private final CatalogManagement catalog;
    private final OfferQueries offers;
    private final Clock clock;

    DealStrategies(
            StrategyRepository repository,
            TemplateLibrary templates,
            PartyManagement parties,
            CatalogManagement catalog,
            OfferQueries offers,
            Clock clock) {
        this.repository = repository;
        this.templates = templates;
        this.parties = parties;
        this.catalog = catalog;
        this.offers = offers;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public DealStrategy strategy(OfferdeskPrincipal me) {
        checkParty(me);
        return repository.strategy(me.partyId());
    }

    @Transactional(readOnly = true)
    public Optional<Instant> updatedAt(OfferdeskPrincipal me) {
        checkParty(me);
        return repository.updatedAt(me.partyId());
    }

    /** Replaces the whole ordered rule list; with any broken rule nothing changes and every violation is reported. */
    @Transactional
    public DealStrategy replace(OfferdeskPrincipal me, @Nullable List<RuleInput> input) {
        checkAdmin(me);
        var strategy = checked(me, input == null ? List.of() : input);
        repository.replace(me.partyId(), strategy, clock.instant());
        return repository.strategy(me.partyId());
    }

    /** The position of the caller's party's offer; another party's offer is not found. */
    @Transactional(readOnly = true)
    public Position position(OfferdeskPrincipal me, String offerId) {
        checkParty(me);
        return position(offers.offer(me, offerId));
    }

    /** The position of an offer in its own party's strategy. */
    @Transactional(readOnly = true)
    public Position position(Offer offer) {
        return repository.strategy(offer.sellerPartyId()).position(deal(offer));
    }

    /** The party's offer templates a rule may name as its default, in the library's order. */
    @Transactional(readOnly = true)
    public List<OfferTemplate> templates(OfferdeskPrincipal me) {
        return templates.offerTemplates(me);
    }

    private Deal deal(Offer offer) {
        var product = ProductId.parse(offer.productId()).flatMap(catalog::find).orElse(null);
        // The approval rules' facts define the discount and the contract value; the strategy holds the same numbers
        // against its bands. Neither a replaced agreement, clauses nor the checklist matter to it.
        var facts = OfferFacts.of(offer, product, null, false, 0);
        var buyers = new HashSet<UUID>();
        for (var account : offer.buyerAccounts()) {
            parties.findAccount(account).ifPresent(a -> buyers.add(a.partyId()));
        }
        return new Deal(buyers, facts.discountPercent(), facts.totalContractValue());
    }

    private DealStrategy checked(OfferdeskPrincipal me, List<RuleInput> input) {
        var checks = new Validations();
        checks.check(input.size() <= RULES_MAX, "rules", "validation.size", 0, RULES_MAX);
        var templateIds =
                templates.offerTemplates(me).stream().map(OfferTemplate::id).collect(Collectors.toSet());
        var names = new HashSet<String>();
        var rules = new ArrayList<SegmentRule>();
        @Nullable String catchAll = null;
        for (int i = 0; i < input.size(); i++) {
            var field = "rules[" + i + "].";
            var given = input.get(i);
            if (given == null) {
                checks.required("rules[" + i + "]", null);
                continue;
            }
            var name = blankToNull(given.name());
            checks.text(field + "name", name, NAME_MAX);
            if (name != null && !names.add(name.toLowerCase(Locale.ROOT))) {
                checks.check(false, field + "name", "strategy.validation.duplicateName", name);
            }
            // A rule after a catch-all could never match: the catch-all takes every offer first.
            if (catchAll != null) {
                checks.check(false, field + "name", "strategy.validation.shadowed", catchAll);
            } else if (withoutCriteria(given)) {
                catchAll = name == null ? "#" + (i + 1) : name;
            }
            var route = route(checks, field, given.route());
            var keyAccounts = keyAccounts(checks, field, given.keyAccounts());
            var value = valueRange(checks, field, given);
            var discountMin = percent(checks, field + "discountMin", given.discountMin(), BigDecimal.ZERO);
            var discountMax = percent(checks, field + "discountMax", given.discountMax(), HUNDRED);
            var band = discountMin != null && discountMax != null && discountMin.compareTo(discountMax) <= 0;
            checks.check(
                    band || discountMin == null || discountMax == null,
                    field + "discountMax",
                    "strategy.validation.band");
            var template = blankToNull(given.defaultTemplateId());
            checks.check(
                    template == null || templateIds.contains(template),
                    field + "defaultTemplateId",
                    "strategy.validation.template",
                    template == null ? "" : template);
            if (name != null
                    && route != null
                    && keyAccounts != null
                    && discountMin != null
                    && discountMax != null
                    && band) {
                rules.add(new SegmentRule(
                        name,
                        route,
                        keyAccounts.accounts(),
                        keyAccounts.buyers(),
                        value,
                        discountMin,
                        discountMax,
                        template));
            }
        }
        checks.throwIfInvalid();
        return new DealStrategy(rules);
    }

    private static boolean withoutCriteria(RuleInput given) {
        return (given.keyAccounts() == null || given.keyAccounts().isEmpty())
                && blankToNull(given.valueCurrency()) == null
                && blankToNull(given.valueMin()) == null
                && blankToNull(given.valueMax()) == null;
    }

    private record KeyAccounts(List<String> accounts, Set<UUID> buyers) {}

    private @Nullable KeyAccounts keyAccounts(Validations checks, String field, @Nullable List<String> given) {
        var list = given == null ? List.<String>of() : given;
        if (list.size() > KEY_ACCOUNTS_MAX) {
            checks.check(false, field + "keyAccounts", "validation.size", 0, KEY_ACCOUNTS_MAX);
            return null;
        }
        var accounts = new LinkedHashSet<String>();
        var buyers = new HashSet<UUID>();
        boolean valid = true;
        for (int i = 0; i < list.size(); i++) {
            var account = list.get(i) == null ? "" : list.get(i).strip();
            var buyer = AccountId.isValid(account)
                    ? parties.findAccount(new AccountId(account))
                            .flatMap(a -> parties.find(a.partyId()))
                            .filter(p -> p.kind() == PartyKind.BUYER)
                    : Optional.<io.offerdesk.parties.Party>empty();
            if (buyer.isEmpty()) {
                checks.check(false, field + "keyAccounts[" + i + "]", "strategy.validation.keyAccount", account);
                valid = false;
                continue;
            }
            accounts.add(account);
            buyers.add(buyer.get().id());
        }
        return valid ? new KeyAccounts(List.copyOf(accounts), buyers) : null;
    }

    private static @Nullable Route route(Validations checks, String field, @Nullable String given) {
        checks.required(field + "route", given);
        if (given == null || given.isBlank()) {
            return null;
        }
        try {
            return Route.valueOf(given.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            checks.check(false, field + "route", "validation.enum", "PUBLIC_PRICE, PRIVATE_OFFER");
            return null;
        }
    }

    private static @Nullable ValueRange valueRange(Validations checks, String field, RuleInput given) {
        var currencyCode = blankToNull(given.valueCurrency());
        var minText = blankToNull(given.valueMin());
        var maxText = blankToNull(given.valueMax());
        if (currencyCode == null && minText == null && maxText == null) {
            return null;
        }
        if (currencyCode == null) {
            checks.check(false, field + "valueCurrency", "strategy.validation.currencyRequired");
            return null;
        }
        CurrencyUnit currency;
        try {
            currency = CurrencyUnit.of(currencyCode.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException unknown) {
            checks.check(false, field + "valueCurrency", "strategy.validation.currency", currencyCode);
            return null;
        }
        if (minText == null && maxText == null) {
            checks.check(false, field + "valueMin", "strategy.validation.valueBound");
            return null;
        }
        var min = amount(checks, field + "valueMin", minText, currency);
        var max = amount(checks, field + "valueMax", maxText, currency);
        if ((minText != null && min == null) || (maxText != null && max == null)) {
            return null;
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            checks.check(false, field + "valueMax", "strategy.validation.valueRange");
            return null;
        }
        return new ValueRange(currency, min, max);
    }

    private static @Nullable BigDecimal amount(
            Validations checks, String field, @Nullable String text, CurrencyUnit currency) {
        if (text == null) {
            return null;
        }
        var amount = decimal(checks, field, text);
        if (amount == null) {
            return null;
        }
        var fits = amount.signum() >= 0 && amount.stripTrailingZeros().scale() <= currency.getDecimalPlaces();
        checks.check(fits, field, "strategy.validation.amount", currency.getDecimalPlaces());
        return fits ? amount.setScale(currency.getDecimalPlaces(), RoundingMode.UNNECESSARY) : null;
    }

    private static @Nullable BigDecimal percent(
            Validations checks, String field, @Nullable String text, BigDecimal absent) {
        var given = blankToNull(text);
        if (given == null) {
            return absent.setScale(PERCENT_SCALE);
        }
        var percent = decimal(checks, field, given);
        if (percent == null) {
            return null;
        }
        var fits = percent.signum() >= 0
                && percent.compareTo(HUNDRED) <= 0
                && percent.stripTrailingZeros().scale() <= PERCENT_SCALE;
        checks.check(fits, field, "strategy.validation.percent");
        return fits ? percent.setScale(PERCENT_SCALE, RoundingMode.UNNECESSARY) : null;
    }

    private static @Nullable BigDecimal decimal(Validations checks, String field, String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException notANumber) {
            checks.check(false, field, "validation.type");
            return null;
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Deal strategies belong to sellers and channel partners. */
    static void checkParty(OfferdeskPrincipal me) {
        if (me.partyKind() != PartyKind.SELLER && me.partyKind() != PartyKind.CHANNEL_PARTNER) {
            throw new AccessDeniedException("deal strategies belong to sellers and channel partners");
        }
    }

    private static void checkAdmin(OfferdeskPrincipal me) {
        checkParty(me);
        if (!me.has(Role.ADMIN)) {
            throw new AccessDeniedException("only the party's administrators change its deal strategy");
        }
    }
}
