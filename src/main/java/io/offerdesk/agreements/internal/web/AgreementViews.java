package io.offerdesk.agreements.internal.web;

import io.offerdesk.agreements.AcceptedTerm;
import io.offerdesk.agreements.Agreement;
import io.offerdesk.agreements.AgreementCharge;
import io.offerdesk.agreements.AgreementFilter;
import io.offerdesk.agreements.AgreementId;
import io.offerdesk.agreements.Agreements;
import io.offerdesk.agreements.Entitlements;
import io.offerdesk.agreements.ExpectedCharge;
import io.offerdesk.agreements.internal.web.requests.RequestViews;
import io.offerdesk.catalog.CatalogManagement;
import io.offerdesk.catalog.Product;
import io.offerdesk.catalog.ProductId;
import io.offerdesk.offers.OfferId;
import io.offerdesk.offers.OfferPricingModel;
import io.offerdesk.offers.Term;
import io.offerdesk.parties.Party;
import io.offerdesk.parties.PartyManagement;
import io.offerdesk.platform.Charts;
import io.offerdesk.platform.DashboardChart;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.PartyKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the agreement pages show besides the agreement itself, called from controllers and, as
 * {@code @agreementViews}, from templates: products and parties by name, dates in UTC, the charges as a chart, and
 * accepted terms in the shape the buyer's offer-terms fragment reads.
 */
@Component("agreementViews")
class AgreementViews {

    /** Where the principal reads an agreement: buyers on their side of the site, sellers and the operator on theirs. */
    static String pageOf(OfferdeskPrincipal me, AgreementId agreementId) {
        return (me.partyKind() == PartyKind.BUYER ? "/buyer/agreements/" : "/agreements/") + agreementId.value();
    }

    private final CatalogManagement catalog;
    private final PartyManagement parties;
    private final JsonMapper json;
    private final Agreements agreements;
    private final Entitlements entitlements;
    private final RequestViews requests;

    AgreementViews(
            CatalogManagement catalog,
            PartyManagement parties,
            JsonMapper json,
            Agreements agreements,
            Entitlements entitlements,
            RequestViews requests) {
        this.agreements = agreements;
        this.entitlements = entitlements;
        this.requests = requests;
        this.catalog = catalog;
        this.parties = parties;
        this.json = json;
    }

    /**
     * An agreement with the names its reader needs.
     *
     * @param product absent when the seller has since deleted it; the page then shows the product id
     * @param sellerName the seller of record (the proposer); for a resold product, the channel partner
     * @param publisherName the product's owner; the seller of record itself unless a partner resold the product
     */
    record AgreementView(Agreement agreement, @Nullable Product product, String sellerName, String publisherName) {

        public String productTitle() {
            return product == null ? agreement.productId() : product.title();
        }
    }

    /**
     * Terms as {@code buyer/offer :: terms} reads them: an id for the EULA download, the pricing model, the terms.
     * Accepted terms carry no pricing model, so the fragment leaves that line out.
     */
    record TermsSnapshot(OfferId id, @Nullable OfferPricingModel pricingModel, List<Term> terms) {

        static TermsSnapshot of(String offerId, List<AcceptedTerm> accepted) {
            return new TermsSnapshot(
                    new OfferId(offerId),
                    null,
                    accepted.stream().map(AcceptedTerm::term).toList());
        }

        /** Only the legal term, so a page shows the EULA link exactly as the offer page does. */
        TermsSnapshot legalOnly() {
            return new TermsSnapshot(
                    id,
                    null,
                    terms.stream().filter(Term.LegalTerm.class::isInstance).toList());
        }
    }

    /** The agreements with their products, sellers of record and publishers, each looked up once. */
    List<AgreementView> views(List<Agreement> agreements) {
        Map<UUID, String> sellers = new HashMap<>();
        Map<String, Optional<Product>> products = new HashMap<>();
        return agreements.stream()
                .map(agreement -> new AgreementView(
                        agreement,
                        products.computeIfAbsent(agreement.productId(), this::product)
                                .orElse(null),
                        sellers.computeIfAbsent(agreement.proposerPartyId(), this::partyName),
                        sellers.computeIfAbsent(agreement.publisherPartyId(), this::partyName)))
                .toList();
    }

    AgreementView view(Agreement agreement) {
        return views(List.of(agreement)).getFirst();
    }

    /** What both sides' agreement pages show about one agreement. */
    /** What both sides' list pages show: one page of the agreements the filter finds, and the filter's choices. */
    Agreements.AgreementPage list(
            OfferdeskPrincipal me, AgreementFilter filter, int offset, int pageSize, Instant now, Model model) {
        var from = Math.max(0, offset);
        var page = agreements.search(me, filter, from, pageSize);
        model.addAttribute("views", views(page.agreements()));
        model.addAttribute("more", page.more());
        model.addAttribute("now", now);
        model.addAttribute("offset", from);
        model.addAttribute("pageSize", pageSize);
        model.addAttribute("statuses", AgreementSearchForm.STATUSES);
        model.addAttribute("sorts", AgreementFilter.Sort.values());
        return page;
    }

    /** What both sides' agreement pages show: the agreement, its entitlements and the requests about it. */
    void page(OfferdeskPrincipal me, Agreement agreement, Instant now, Model model) {
        detail(agreement, now, model);
        model.addAttribute(
                "entitlements", entitlements.entitlements(me, agreement.id().value()));
        requests.addTo(model, me, agreement);
    }

    void detail(Agreement agreement, Instant now, Model model) {
        model.addAttribute("view", view(agreement));
        model.addAttribute("agreement", agreement);
        model.addAttribute("futureDated", agreement.isFutureDated(now));
        model.addAttribute("terms", TermsSnapshot.of(agreement.offerId(), agreement.terms()));
        model.addAttribute("chart", agreement.charges().isEmpty() ? null : chargesChart(agreement));
    }

    Optional<Product> product(String productId) {
        return ProductId.parse(productId).flatMap(catalog::find);
    }

    String partyName(UUID partyId) {
        return parties.find(partyId).map(Party::name).orElse("");
    }

    /** The day (UTC) of an instant: charges are invoiced at 00:00 UTC, so the day is what the reader needs. */
    public @Nullable LocalDate date(@Nullable Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The quote's expected charges as a bar chart over their dates, drawn by {@code dashboard.js}. */
    String expectedChargesChart(List<ExpectedCharge> charges, CurrencyUnit currency) {
        return chart(
                charges.stream().map(ExpectedCharge::time).toList(),
                charges.stream().map(ExpectedCharge::amount).toList(),
                currency);
    }

    /** The agreement's charges, cancelled ones left out, as a bar chart over their dates. */
    String chargesChart(Agreement agreement) {
        var standing = agreement.charges().stream()
                .filter(c -> c.state() != AgreementCharge.State.CANCELLED)
                .toList();
        return chart(
                standing.stream().map(AgreementCharge::time).toList(),
                standing.stream().map(AgreementCharge::amount).toList(),
                agreement.agreementValue().getCurrencyUnit());
    }

    private String chart(List<Instant> times, List<Money> amounts, CurrencyUnit currency) {
        return json.writeValueAsString(Charts.categories(
                DashboardChart.Kind.BAR,
                times.stream().map(t -> String.valueOf(date(t))).toList(),
                amounts.stream().map(Money::getAmount).toList(),
                currency.getCode()));
    }

    /**
     * The value of the agreements in one currency by month of acceptance, oldest first; absent when there are none.
     * Values in different currencies do not add up, so the chart keeps to the currency of the most agreements.
     */
    @Nullable
    String valueByMonthChart(List<Agreement> agreements) {
        var currencies = new HashMap<CurrencyUnit, Integer>();
        agreements.forEach(a -> currencies.merge(a.agreementValue().getCurrencyUnit(), 1, Integer::sum));
        var currency = currencies.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(null);
        if (currency == null) {
            return null;
        }
        var months = new TreeMap<YearMonth, Money>();
        agreements.stream()
                .filter(a -> a.agreementValue().getCurrencyUnit().equals(currency))
                .forEach(a -> months.merge(
                        YearMonth.from(a.acceptanceTime().atZone(ZoneOffset.UTC)), a.agreementValue(), Money::plus));
        return json.writeValueAsString(Charts.categories(
                DashboardChart.Kind.BAR,
                months.keySet().stream().map(YearMonth::toString).toList(),
                months.values().stream().map(Money::getAmount).toList(),
                currency.getCode()));
    }
}
