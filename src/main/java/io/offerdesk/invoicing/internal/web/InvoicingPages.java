package io.offerdesk.invoicing.internal.web;

import io.offerdesk.invoicing.internal.BillingProfiles;
import io.offerdesk.invoicing.internal.InvoicingRuns;
import io.offerdesk.invoicing.internal.Run;
import io.offerdesk.invoicing.internal.TaxRates;
import io.offerdesk.parties.Party;
import io.offerdesk.parties.PartyManagement;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.Role;
import java.math.BigDecimal;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator's invoicing runs (progress refreshed by htmx while one runs), tax rates and buyers' billing profiles;
 * a buyer's own billing profile. Refusals come back to the page as the form's violations.
 */
@Controller
class InvoicingPages {

    static final String RUNS = "/operator/invoicing-runs";
    static final String TAX_RATES = "/operator/tax-rates";
    static final String PROFILES = "/operator/billing-profiles";
    static final String PROFILE = "/billing-profiles";
    static final String MY_PROFILE = "/buyer/billing-profile";

    private static final int RUNS_SHOWN = 20;

    private final InvoicingRuns runs;
    private final TaxRates taxRates;
    private final BillingProfiles profiles;
    private final PartyManagement parties;

    InvoicingPages(InvoicingRuns runs, TaxRates taxRates, BillingProfiles profiles, PartyManagement parties) {
        this.runs = runs;
        this.taxRates = taxRates;
        this.profiles = profiles;
        this.parties = parties;
    }

    @GetMapping(RUNS)
    String runs(OfferdeskPrincipal me, Model model) {
        runsTable(me, model);
        return "invoicing/runs";
    }

    /** The table of runs alone, which the page reloads every few seconds while a run is in progress. */
    @GetMapping(RUNS + "/table")
    String runsTable(OfferdeskPrincipal me, Model model) {
        var latest = runs.runs(me, 0, RUNS_SHOWN);
        model.addAttribute("runs", latest);
        model.addAttribute("running", latest.stream().anyMatch(r -> r.status() == Run.Status.RUNNING));
        return "invoicing/runs :: table";
    }

    @PostMapping(RUNS)
    String runNow(OfferdeskPrincipal me, RedirectAttributes redirect) {
        redirect.addFlashAttribute("started", runs.start(me).id());
        return "redirect:" + RUNS;
    }

    @GetMapping(TAX_RATES)
    String taxRates(OfferdeskPrincipal me, Model model) {
        model.addAttribute("rates", taxRates.rates(me));
        return "invoicing/taxRates";
    }

    @PostMapping(TAX_RATES)
    String setTaxRate(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable BigDecimal ratePercent,
            RedirectAttributes redirect) {
        try {
            var rate = taxRates.set(me, country, ratePercent);
            redirect.addFlashAttribute("saved", rate);
        } catch (InvalidInput refused) {
            redirect.addFlashAttribute("violations", refused.violations());
        }
        return "redirect:" + TAX_RATES;
    }

    @PostMapping(TAX_RATES + "/{country}/remove")
    String removeTaxRate(OfferdeskPrincipal me, @PathVariable String country, RedirectAttributes redirect) {
        taxRates.remove(me, country);
        redirect.addFlashAttribute("removed", country);
        return "redirect:" + TAX_RATES;
    }

    @GetMapping(PROFILES)
    String profiles(OfferdeskPrincipal me, Model model) {
        var names =
                parties.parties(me, PartyKind.BUYER).stream().collect(Collectors.toMap(Party::id, Function.identity()));
        model.addAttribute("profiles", profiles.all(me));
        model.addAttribute("buyers", names);
        return "invoicing/billingProfiles";
    }

    @GetMapping(MY_PROFILE)
    String myProfile(OfferdeskPrincipal me) {
        return "redirect:" + PROFILE + "/" + me.partyId();
    }

    @GetMapping(PROFILE + "/{buyerPartyId}")
    String profile(OfferdeskPrincipal me, @PathVariable String buyerPartyId, Model model) {
        var id = partyId(buyerPartyId);
        var profile = profiles.profile(me, id);
        model.addAttribute("profile", profile);
        model.addAttribute("buyer", parties.party(me, id));
        model.addAttribute("netPaymentDays", profiles.netPaymentDays(profile));
        model.addAttribute("mayEdit", me.isOperator() || me.has(Role.MARKETPLACE_ADMIN));
        return "invoicing/billingProfile";
    }

    @PostMapping(PROFILE + "/{buyerPartyId}")
    String saveProfile(
            OfferdeskPrincipal me,
            @PathVariable String buyerPartyId,
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable Integer defaultNetPaymentDays,
            RedirectAttributes redirect) {
        var id = partyId(buyerPartyId);
        try {
            profiles.save(me, id, country, defaultNetPaymentDays);
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInput refused) {
            redirect.addFlashAttribute("violations", refused.violations());
        }
        return "redirect:" + PROFILE + "/" + id;
    }

    private static UUID partyId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException malformed) {
            throw new NotFound("buyer", text);
        }
    }
}
