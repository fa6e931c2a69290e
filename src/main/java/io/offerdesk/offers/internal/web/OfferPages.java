package io.offerdesk.offers.internal.web;

import io.offerdesk.catalog.CatalogManagement;
import io.offerdesk.catalog.Product;
import io.offerdesk.catalog.ProductCommands.ProductQuery;
import io.offerdesk.catalog.ProductId;
import io.offerdesk.changesets.ChangeSet;
import io.offerdesk.changesets.ChangeSetOutcome;
import io.offerdesk.changesets.ChangeSets;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.OfferActions;
import io.offerdesk.offers.OfferFilter;
import io.offerdesk.offers.OfferQueries;
import io.offerdesk.offers.OfferState;
import io.offerdesk.offers.OfferStatus;
import io.offerdesk.offers.PriceSummary;
import io.offerdesk.offers.internal.EulaDownloads;
import io.offerdesk.offers.internal.OfferSettings;
import io.offerdesk.platform.Charts;
import io.offerdesk.platform.DashboardChart;
import io.offerdesk.platform.OfferdeskPrincipal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seller's offers: the list with AWS's OfferFilters and sorts, the offers expiring soon with a chart of expiries
 * per day, and one offer with all its terms, its revision history and its everyday actions (clone, expire, change the
 * expiry, rename), each a change set whose outcome the page shows.
 */
@Controller
class OfferPages {

    static final int PAGE_SIZE = 20;

    /** One row of an offer list. */
    public record OfferRow(Offer offer, String productTitle, OfferStatus status, PriceSummary price) {}

    private final OfferQueries offers;
    private final OfferActions actions;
    private final CatalogManagement catalog;
    private final ChangeSets changeSets;
    private final ChangeSetSubmissions submissions;
    private final OfferSettings settings;
    private final JsonMapper json;

    OfferPages(
            OfferQueries offers,
            OfferActions actions,
            CatalogManagement catalog,
            ChangeSets changeSets,
            ChangeSetSubmissions submissions,
            OfferSettings settings,
            JsonMapper json) {
        this.offers = offers;
        this.actions = actions;
        this.catalog = catalog;
        this.changeSets = changeSets;
        this.submissions = submissions;
        this.settings = settings;
        this.json = json;
    }

    @GetMapping("/offers")
    String list(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable OfferState state,
            @RequestParam(required = false) @Nullable String productId,
            @RequestParam(required = false) @Nullable String buyerAccount,
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable LocalDate releasedAfter,
            @RequestParam(required = false) @Nullable LocalDate releasedBefore,
            @RequestParam(required = false) @Nullable LocalDate expiresAfter,
            @RequestParam(required = false) @Nullable LocalDate expiresBefore,
            @RequestParam(required = false) @Nullable Boolean renewal,
            @RequestParam(defaultValue = "LAST_MODIFIED_DATE") OfferFilter.Sort sort,
            @RequestParam(defaultValue = "false") boolean ascending,
            @RequestParam(defaultValue = "0") int offset,
            Model model) {
        var filter = new OfferFilter(
                state,
                blankToNull(productId),
                blankToNull(buyerAccount),
                blankToNull(name),
                releasedAfter == null ? null : startOf(releasedAfter),
                // Release dates are picked as days; the range includes the whole last day.
                releasedBefore == null
                        ? null
                        : startOf(releasedBefore.plusDays(1)).minusMillis(1),
                expiresAfter,
                expiresBefore,
                renewal,
                sort,
                ascending);
        var start = Math.max(0, offset);
        var page = offers.offers(me, filter, start, PAGE_SIZE);
        var products = products(me);
        model.addAttribute("rows", rows(page.offers(), products));
        model.addAttribute("more", page.more());
        model.addAttribute("offset", start);
        model.addAttribute("pageSize", PAGE_SIZE);
        model.addAttribute("filter", filter);
        model.addAttribute("releasedAfter", releasedAfter);
        model.addAttribute("releasedBefore", releasedBefore);
        model.addAttribute("products", products);
        model.addAttribute("states", OfferState.values());
        model.addAttribute("sorts", OfferFilter.Sort.values());
        model.addAttribute("authors", OfferComposer.mayAuthor(me));
        return "offers/list";
    }

    @GetMapping("/offers/expiring")
    String expiring(OfferdeskPrincipal me, Model model) {
        var days = settings.expiringSoonDays();
        var expiring = offers.expiringSoon(me, days);
        model.addAttribute("rows", rows(expiring, products(me)));
        model.addAttribute("days", days);
        model.addAttribute("chart", json.writeValueAsString(expiriesPerDay(expiring, days)));
        return "offers/expiring";
    }

    @GetMapping("/offers/{offerId}")
    String detail(OfferdeskPrincipal me, @PathVariable String offerId, Model model) {
        var offer = offers.offer(me, offerId);
        var product = ProductId.parse(offer.productId()).flatMap(catalog::find).orElse(null);
        if (model.getAttribute("outcomeId") instanceof String changeSetId) {
            model.addAttribute("outcome", ChangeSetOutcome.of(changeSets.describe(me, changeSetId)));
        }
        if (model.getAttribute("outcome") instanceof ChangeSetOutcome outcome
                && !outcome.violations().isEmpty()) {
            model.addAttribute("violations", outcome.violations());
        }
        model.addAttribute("offer", offer);
        model.addAttribute("product", product);
        model.addAttribute("status", offer.status(offers.now()));
        model.addAttribute("price", PriceSummary.of(offer));
        model.addAttribute("revisions", offers.revisions(me, offerId));
        model.addAttribute("competing", offers.competing(me, offer));
        model.addAttribute("authors", OfferComposer.mayAuthor(me));
        model.addAttribute("steps", ComposerStep.values());
        if (product != null) {
            OfferPreview.addTo(model, offer, product);
        }
        return "offers/detail";
    }

    /** The offer's custom EULA for its seller; the API's download needs an API key, the pages a session. */
    @GetMapping("/offers/{offerId}/eula")
    ResponseEntity<byte[]> eula(OfferdeskPrincipal me, @PathVariable String offerId) {
        return EulaDownloads.pdf(offers.eula(me, offerId));
    }

    @PostMapping("/offers/{offerId}/expire")
    String expire(OfferdeskPrincipal me, @PathVariable String offerId, RedirectAttributes redirect) {
        return act(me, offerId, redirect, () -> actions.expire(me, offerId));
    }

    @PostMapping("/offers/{offerId}/expiry")
    String changeExpiry(
            OfferdeskPrincipal me,
            @PathVariable String offerId,
            @RequestParam(required = false) @Nullable LocalDate availabilityEndDate,
            RedirectAttributes redirect) {
        return act(me, offerId, redirect, () -> actions.changeExpiry(me, offerId, availabilityEndDate));
    }

    @PostMapping("/offers/{offerId}/rename")
    String rename(
            OfferdeskPrincipal me,
            @PathVariable String offerId,
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String description,
            RedirectAttributes redirect) {
        return act(
                me, offerId, redirect, () -> actions.rename(me, offerId, blankToNull(name), blankToNull(description)));
    }

    @PostMapping("/offers/{offerId}/clone")
    String cloneOffer(
            OfferdeskPrincipal me,
            @PathVariable String offerId,
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(defaultValue = "false") boolean expireOriginal,
            RedirectAttributes redirect) {
        OfferComposer.requireAuthor(me);
        var outcome = submissions.run(me, () -> actions.cloneOffer(me, offerId, blankToNull(name), expireOriginal));
        var copy = outcome.entityId(0);
        flash(redirect, outcome);
        // The copy is where the seller continues; a failed clone leaves them on the original.
        return "redirect:/offers/"
                + (outcome.succeeded() && copy.isPresent()
                        ? copy.get()
                        : offers.offer(me, offerId).id());
    }

    private String act(OfferdeskPrincipal me, String offerId, RedirectAttributes redirect, Supplier<ChangeSet> action) {
        OfferComposer.requireAuthor(me);
        var offer = offers.offer(me, offerId);
        flash(redirect, submissions.run(me, action));
        return "redirect:/offers/" + offer.id();
    }

    /** The change set's id survives the redirect; the page reads it again, so it shows what the engine says now. */
    private static void flash(RedirectAttributes redirect, ChangeSetOutcome outcome) {
        if (outcome.changeSet() != null) {
            redirect.addFlashAttribute("outcomeId", outcome.changeSet().id());
        } else {
            redirect.addFlashAttribute("outcome", outcome);
        }
    }

    /** A bar per day of the window, quiet days included, so the chart reads as a calendar. */
    private Map<String, Object> expiriesPerDay(List<Offer> expiring, int days) {
        var today = LocalDate.ofInstant(offers.now(), ZoneOffset.UTC);
        var counted = expiring.stream()
                .map(Offer::availabilityEndDate)
                .filter(Objects::nonNull)
                .collect(Collectors.groupingBy(day -> day, TreeMap::new, Collectors.counting()));
        var window = today.datesUntil(today.plusDays(days + 1L)).toList();
        return Charts.categories(
                DashboardChart.Kind.BAR,
                window.stream().map(day -> day.toString().substring(5)).toList(),
                window.stream().map(day -> counted.getOrDefault(day, 0L)).toList(),
                null);
    }

    private List<OfferRow> rows(List<Offer> list, Map<String, String> products) {
        var now = offers.now();
        return list.stream()
                .map(offer -> new OfferRow(
                        offer,
                        products.getOrDefault(offer.productId(), offer.productId()),
                        offer.status(now),
                        PriceSummary.of(offer)))
                .toList();
    }

    /** The seller's product titles by id; channel partners have none of their own. */
    private Map<String, String> products(OfferdeskPrincipal me) {
        return catalog.products(me, ProductQuery.all()).items().stream()
                .collect(Collectors.toMap(p -> p.id().value(), Product::title, (a, b) -> a, TreeMap::new));
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
