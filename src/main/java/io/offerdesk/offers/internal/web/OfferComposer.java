package io.offerdesk.offers.internal.web;

import io.offerdesk.catalog.CatalogManagement;
import io.offerdesk.catalog.DimensionType;
import io.offerdesk.catalog.PricingModel;
import io.offerdesk.catalog.Product;
import io.offerdesk.catalog.ProductCommands.ProductQuery;
import io.offerdesk.catalog.ProductId;
import io.offerdesk.catalog.ProductType;
import io.offerdesk.catalog.StandardContract;
import io.offerdesk.catalog.StandardContractManagement;
import io.offerdesk.changesets.ChangeSetOutcome;
import io.offerdesk.changesets.StartChangeSet.RequestedChange;
import io.offerdesk.offers.ComposerAdvice;
import io.offerdesk.offers.EulaDocuments;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.OfferQueries;
import io.offerdesk.offers.OfferState;
import io.offerdesk.offers.ResaleAuthorizationSource;
import io.offerdesk.offers.ResaleAuthorizationSource.AuthorizationFacts;
import io.offerdesk.offers.internal.OfferSettings;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The guided offer composer. The first step creates a draft for a product ({@code CreateOffer}); every further step
 * saves its part of the offer with the matching {@code Update*} change, and the last one releases it. Each save is a
 * change set: when it fails, the step shows again as typed, with the engine's errors next to what they name.
 */
@Controller
class OfferComposer {

    private final OfferQueries offers;
    private final CatalogManagement catalog;
    private final StandardContractManagement contracts;
    private final EulaDocuments eulas;
    private final ChangeSetSubmissions submissions;
    private final ResaleAuthorizationSource resaleAuthorizations;
    private final OfferSettings settings;
    private final ObjectProvider<ComposerAdvice> advice;

    OfferComposer(
            OfferQueries offers,
            CatalogManagement catalog,
            StandardContractManagement contracts,
            EulaDocuments eulas,
            ChangeSetSubmissions submissions,
            ResaleAuthorizationSource resaleAuthorizations,
            OfferSettings settings,
            ObjectProvider<ComposerAdvice> advice) {
        this.offers = offers;
        this.catalog = catalog;
        this.contracts = contracts;
        this.eulas = eulas;
        this.submissions = submissions;
        this.resaleAuthorizations = resaleAuthorizations;
        this.settings = settings;
        this.advice = advice;
    }

    @GetMapping("/offers/new")
    String chooseProduct(OfferdeskPrincipal me, Model model) {
        requireAuthor(me);
        return productPage(me, "", null, model);
    }

    @PostMapping("/offers/new")
    String create(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable String productId,
            Model model,
            RedirectAttributes redirect) {
        requireAuthor(me);
        var chosen = productId == null ? "" : productId.strip();
        var details = Details.object();
        details.put("ProductId", chosen);
        var outcome = submissions.submit(me, List.of(Details.change("CreateOffer", null, details)));
        var created = outcome.entityId(0);
        if (outcome.succeeded() && created.isPresent()) {
            redirect.addFlashAttribute("saved", true);
            return "redirect:/offers/" + created.get() + "/compose/" + ComposerStep.BUYERS.path();
        }
        return productPage(me, chosen, outcome, model);
    }

    /** A channel partner starts a resale offer from an authorization shared with it. */
    @PostMapping("/offers/new/resale")
    String createFromAuthorization(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable String resaleAuthorizationId,
            Model model,
            RedirectAttributes redirect) {
        requireAuthor(me);
        var details = Details.object();
        details.put("ResaleAuthorizationId", resaleAuthorizationId == null ? "" : resaleAuthorizationId.strip());
        var outcome =
                submissions.submit(me, List.of(Details.change("CreateOfferUsingResaleAuthorization", null, details)));
        var created = outcome.entityId(0);
        if (outcome.succeeded() && created.isPresent()) {
            redirect.addFlashAttribute("saved", true);
            return "redirect:/offers/" + created.get() + "/compose/" + ComposerStep.BUYERS.path();
        }
        return productPage(me, "", outcome, model);
    }

    @GetMapping("/offers/{offerId}/compose/{step}")
    String step(OfferdeskPrincipal me, @PathVariable String offerId, @PathVariable String step, Model model) {
        requireAuthor(me);
        var shown = ComposerStep.byPath(step).orElseThrow(() -> new NotFound("composer-step", step));
        var offer = offers.offer(me, offerId);
        if (offer.state() != OfferState.DRAFT) {
            // After release only the detail page's actions (rename, expiry) apply.
            return "redirect:/offers/" + offer.id();
        }
        var product = product(offer);
        Object form = switch (shown) {
            case BUYERS -> TargetingForm.of(offer);
            case INFORMATION -> InformationForm.of(offer);
            case PRICING -> offer.isResale() ? MarkupForm.of(offer) : PricingForm.of(offer, product);
            case SCHEDULE -> ScheduleForm.of(offer, today()).padded();
            case EULA -> LegalForm.of(offer, currentStandardVersion(me));
            case VALIDITY -> ValidityForm.of(offer);
            case RENEWAL -> RenewalForm.of(offer);
            case SUPPORT -> SupportForm.of(offer);
            case REVIEW -> offer;
        };
        return page(me, offer, shown, form, null, model);
    }

    @PostMapping("/offers/{offerId}/compose/buyers")
    String saveBuyers(
            OfferdeskPrincipal me,
            @PathVariable String offerId,
            @RequestParam Map<String, String> params,
            Model model,
            RedirectAttributes redirect) {
        var form = TargetingForm.from(params);
        return save(me, offerId, ComposerStep.BUYERS, form, offer -> List.of(form.change(offerId)), model, redirect);
    }

    @PostMapping("/offers/{offerId}/compose/information")
    String saveInformation(
            OfferdeskPrincipal me,
            @PathVariable String offerId,
            @RequestParam Map<String, String> params,
            Model model,
            RedirectAttributes redirect) {
        var form = InformationForm.from(params);
        return save(
                me, offerId, ComposerStep.INFORMATION, form, offer -> List.of(form.change(offerId)), model, redirect);
    }

    @PostMapping("/offers/{offerId}/compose/pricing")
    String savePricing(
            OfferdeskPrincipal me,
            @PathVariable String offerId,
            @RequestParam Map<String, String> params,
            Model model,
            RedirectAttributes redirect) {
        var form = PricingForm.from(params);
        return save(
                me,
                offerId,
                ComposerStep.PRICING,
                form,
                offer -> form.changes(offerId, product(offer), offer),
                model,
                redirect);
    }

    /** The live margin calculator: the prices a markup would give, drawn without saving anything. */
    @PostMapping("/offers/{offerId}/compose/markup/preview")
    String previewMarkup(
            OfferdeskPrincipal me,
            @PathVariable String offerId,
            @RequestParam(required = false) @Nullable String percentage,
            Model model) {
        requireAuthor(me);
        model.addAttribute("form", MarkupForm.preview(offers.offer(me, offerId), percentage));
        return "offers/resale :: margins";
    }

    @PostMapping("/offers/{offerId}/compose/markup")
    String applyMarkup(
            OfferdeskPrincipal me,
            @PathVariable String offerId,
            @RequestParam(required = false) @Nullable String percentage,
            Model model,
            RedirectAttributes redirect) {
        requireAuthor(me);
        var typed = percentage == null ? "" : percentage;
        return save(
                me,
                offerId,
                ComposerStep.PRICING,
                MarkupForm.preview(offers.offer(me, offerId), typed),
                offer -> List.of(MarkupForm.change(offerId, typed)),
                model,
                redirect);
    }

    /** Row buttons and the split helper only redraw the form; "save" and "clear" change the draft. */
    @PostMapping("/offers/{offerId}/compose/schedule")
    String saveSchedule(
            OfferdeskPrincipal me,
            @PathVariable String offerId,
            @RequestParam Map<String, String> params,
            @RequestParam(required = false) @Nullable String action,
            Model model,
            RedirectAttributes redirect) {
        var form = ScheduleForm.from(params);
        var step = ComposerStep.SCHEDULE;
        if ("addRow".equals(action)) {
            return redraw(me, offerId, step, form.padded().withRowAdded(), null, model);
        }
        if (action != null && action.startsWith("removeRow:")) {
            var index = FormValues.integer(action.substring("removeRow:".length()));
            return redraw(
                    me,
                    offerId,
                    step,
                    form.withRowRemoved(index == null ? -1 : index).padded(),
                    null,
                    model);
        }
        if ("split".equals(action)) {
            try {
                return redraw(me, offerId, step, form.split(settings.maxInstallments()), null, model);
            } catch (InvalidInput invalid) {
                return redraw(me, offerId, step, form.padded(), ChangeSetOutcome.invalid(invalid.violations()), model);
            }
        }
        if ("clear".equals(action)) {
            return save(me, offerId, step, form, offer -> List.of(ScheduleForm.removal(offerId)), model, redirect);
        }
        return save(me, offerId, step, form, offer -> List.of(form.change(offerId)), model, redirect);
    }

    @PostMapping("/offers/{offerId}/compose/eula")
    String saveEula(
            OfferdeskPrincipal me,
            @PathVariable String offerId,
            @RequestParam Map<String, String> params,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            Model model,
            RedirectAttributes redirect) {
        var form = LegalForm.from(params);
        String uploaded = null;
        if (form.custom() && file != null && !file.isEmpty()) {
            try {
                uploaded = eulas.upload(me, file.getOriginalFilename(), file.getBytes())
                        .url();
            } catch (InvalidInput invalid) {
                return redraw(
                        me, offerId, ComposerStep.EULA, form, ChangeSetOutcome.invalid(invalid.violations()), model);
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        }
        var url = uploaded;
        var shown = url == null ? form : form.withCustomUrl(url);
        return save(
                me, offerId, ComposerStep.EULA, shown, offer -> List.of(form.change(offerId, url)), model, redirect);
    }

    @PostMapping("/offers/{offerId}/compose/validity")
    String saveValidity(
            OfferdeskPrincipal me,
            @PathVariable String offerId,
            @RequestParam Map<String, String> params,
            Model model,
            RedirectAttributes redirect) {
        var form = ValidityForm.from(params);
        return save(me, offerId, ComposerStep.VALIDITY, form, offer -> form.changes(offerId), model, redirect);
    }

    @PostMapping("/offers/{offerId}/compose/renewal")
    String saveRenewal(
            OfferdeskPrincipal me,
            @PathVariable String offerId,
            @RequestParam Map<String, String> params,
            Model model,
            RedirectAttributes redirect) {
        var form = RenewalForm.from(params);
        return save(me, offerId, ComposerStep.RENEWAL, form, offer -> List.of(form.change(offerId)), model, redirect);
    }

    @PostMapping("/offers/{offerId}/compose/support")
    String saveSupport(
            OfferdeskPrincipal me,
            @PathVariable String offerId,
            @RequestParam Map<String, String> params,
            Model model,
            RedirectAttributes redirect) {
        var form = SupportForm.from(params);
        return save(me, offerId, ComposerStep.SUPPORT, form, offer -> List.of(form.change(offerId)), model, redirect);
    }

    @PostMapping("/offers/{offerId}/release")
    String release(OfferdeskPrincipal me, @PathVariable String offerId, Model model, RedirectAttributes redirect) {
        requireAuthor(me);
        var offer = offers.offer(me, offerId);
        var outcome = submissions.submit(
                me, List.of(Details.change("ReleaseOffer", offer.id().value(), Details.object())));
        if (outcome.succeeded()) {
            redirect.addFlashAttribute("released", true);
            return "redirect:/offers/" + offer.id();
        }
        return page(me, offers.offer(me, offerId), ComposerStep.REVIEW, offer, outcome, model);
    }

    /** Saves one step; on success goes on to the next, otherwise shows the step again as typed with the outcome. */
    private String save(
            OfferdeskPrincipal me,
            String offerId,
            ComposerStep step,
            Object form,
            Function<Offer, List<RequestedChange>> changes,
            Model model,
            RedirectAttributes redirect) {
        requireAuthor(me);
        var offer = offers.offer(me, offerId);
        var outcome = submissions.submit(me, changes.apply(offer));
        if (outcome.succeeded()) {
            redirect.addFlashAttribute("saved", true);
            return "redirect:/offers/" + offer.id() + "/compose/" + step.next().path();
        }
        return page(me, offers.offer(me, offerId), step, form, outcome, model);
    }

    private String redraw(
            OfferdeskPrincipal me,
            String offerId,
            ComposerStep step,
            Object form,
            @Nullable ChangeSetOutcome outcome,
            Model model) {
        requireAuthor(me);
        return page(me, offers.offer(me, offerId), step, form, outcome, model);
    }

    private String page(
            OfferdeskPrincipal me,
            Offer offer,
            ComposerStep step,
            Object form,
            @Nullable ChangeSetOutcome outcome,
            Model model) {
        var product = product(offer);
        model.addAttribute("offer", offer);
        model.addAttribute("product", product);
        model.addAttribute("step", step);
        model.addAttribute("steps", ComposerStep.values());
        model.addAttribute("form", form);
        model.addAttribute("outcome", outcome);
        if (outcome != null && !outcome.violations().isEmpty()) {
            model.addAttribute("violations", outcome.violations());
        }
        model.addAttribute("competing", offers.competing(me, offer));
        model.addAttribute("settings", settings);
        var locale = LocaleContextHolder.getLocale();
        model.addAttribute(
                "advice",
                advice.orderedStream()
                        .flatMap(a -> a.panel(me, offer, locale).stream())
                        .toList());
        switch (step) {
            case INFORMATION -> {
                model.addAttribute("channels", InformationForm.channels());
                model.addAttribute("pricingModels", InformationForm.pricingModels());
            }
            case PRICING -> {
                if (offer.isResale()) {
                    // Its prices come from the resale authorization: the page shows the margin calculator instead.
                    break;
                }
                model.addAttribute("contracts", PricingForm.contracts(product));
                model.addAttribute("entitled", PricingForm.dimensions(product, DimensionType.ENTITLED));
                model.addAttribute("metered", PricingForm.dimensions(product, DimensionType.METERED));
                model.addAttribute("durations", PricingForm.TIER_DURATIONS);
                model.addAttribute("currencies", PricingForm.CURRENCIES);
                model.addAttribute(
                        "tieredAllowed", PricingForm.contracts(product).contains(PricingForm.Contract.TIERED));
                model.addAttribute(
                        "subscriptionAllowed",
                        PricingForm.contracts(product).contains(PricingForm.Contract.SUBSCRIPTION));
                model.addAttribute("usageAllowed", product.type().allows(PricingModel.USAGE));
                model.addAttribute("trialAllowed", product.type().allows(PricingModel.FREE_TRIAL));
                model.addAttribute("variableAllowed", product.type() == ProductType.SAAS);
            }
            case SCHEDULE -> {
                var byRow = ((ScheduleForm) form).errorsByRow(outcome == null ? List.of() : outcome.errors());
                model.addAttribute("scheduleErrors", byRow.getOrDefault(ScheduleForm.NO_ROW, List.of()));
                byRow.remove(ScheduleForm.NO_ROW);
                model.addAttribute("rowErrors", byRow);
            }
            case EULA -> model.addAttribute("versions", new TreeSet<>(contracts.versions()));
            case REVIEW -> OfferPreview.addTo(model, offer, product);
            case BUYERS, VALIDITY, RENEWAL, SUPPORT -> {}
        }
        return "offers/compose";
    }

    private String productPage(
            OfferdeskPrincipal me, String productId, @Nullable ChangeSetOutcome outcome, Model model) {
        model.addAttribute("products", catalog.products(me, ProductQuery.all()).items());
        model.addAttribute("authorizations", authorizations(me));
        model.addAttribute("productId", productId);
        model.addAttribute("outcome", outcome);
        if (outcome != null && !outcome.violations().isEmpty()) {
            model.addAttribute("violations", outcome.violations());
        }
        return "offers/new";
    }

    /** One resale authorization a partner may start an offer from, with its product's title. */
    public record AuthorizationRow(AuthorizationFacts facts, String productTitle) {}

    /** The authorizations shared with a channel partner; absent for sellers, who hold none. */
    private @Nullable List<AuthorizationRow> authorizations(OfferdeskPrincipal me) {
        if (me.partyKind() != PartyKind.CHANNEL_PARTNER) {
            return null;
        }
        return resaleAuthorizations.sharedWith(me.partyId()).stream()
                .map(facts -> new AuthorizationRow(
                        facts,
                        ProductId.parse(facts.productId())
                                .flatMap(catalog::find)
                                .map(Product::title)
                                .orElse(facts.productId())))
                .toList();
    }

    private Product product(Offer offer) {
        return ProductId.parse(offer.productId())
                .flatMap(catalog::find)
                .orElseThrow(() -> new NotFound("product", offer.productId()));
    }

    /** The current version of the marketplace's first standard contract, which new offers use unless changed. */
    private String currentStandardVersion(OfferdeskPrincipal me) {
        return contracts.contracts(me).stream()
                .min(Comparator.comparing(StandardContract::createdAt))
                .map(StandardContract::currentVersion)
                .orElse("");
    }

    private LocalDate today() {
        return LocalDate.ofInstant(offers.now(), ZoneOffset.UTC);
    }

    /** Authors and administrators of sellers and channel partners write offers, as the engine lets them. */
    static boolean mayAuthor(OfferdeskPrincipal me) {
        return (me.partyKind() == PartyKind.SELLER || me.partyKind() == PartyKind.CHANNEL_PARTNER)
                && (me.has(Role.ADMIN) || me.has(Role.OFFER_AUTHOR));
    }

    static void requireAuthor(OfferdeskPrincipal me) {
        if (!mayAuthor(me)) {
            throw new AccessDeniedException("only sellers' and partners' authors and administrators write offers");
        }
    }
}
