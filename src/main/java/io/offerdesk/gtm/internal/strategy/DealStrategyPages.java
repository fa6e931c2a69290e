package io.offerdesk.gtm.internal.strategy;

import io.offerdesk.gtm.internal.strategy.DealStrategies.RuleInput;
import io.offerdesk.gtm.internal.strategy.domain.Route;
import io.offerdesk.gtm.internal.templates.TemplateRepository.OfferTemplate;
import io.offerdesk.platform.FormSubmission;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
 * The deal strategy page: the segment rules in rank order; administrators add, edit, delete and reorder them. Every
 * action replaces the whole list through {@link DealStrategies#replace}, so the page and the API check the same rules.
 */
@Controller
class DealStrategyPages {

    private static final String PAGE = "redirect:/deal-strategy";

    private final DealStrategies strategies;

    DealStrategyPages(DealStrategies strategies) {
        this.strategies = strategies;
    }

    /** The page; {@code edit} opens a rule (its rank) in the form, which otherwise adds a rule at the end. */
    @GetMapping("/deal-strategy")
    String page(OfferdeskPrincipal me, @RequestParam(required = false) @Nullable Integer edit, Model model) {
        var strategy = strategies.strategy(me);
        var rules = strategy.rules();
        var templates = strategies.templates(me);
        var editing = edit != null && edit >= 1 && edit <= rules.size() ? edit : null;
        model.addAttribute("rules", DealStrategyApi.json(strategy, null).rules());
        model.addAttribute(
                "templateNames", templates.stream().collect(Collectors.toMap(OfferTemplate::id, OfferTemplate::name)));
        model.addAttribute("templates", templates);
        model.addAttribute("routes", Route.values());
        model.addAttribute("admin", me.has(Role.ADMIN));
        model.addAttribute("editing", editing);
        // Violations name the rule by its index in the list that was saved: the edited rule's, or the new last one's.
        model.addAttribute("formIndex", editing == null ? rules.size() : editing - 1);
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", editing == null ? Map.of() : typed(RuleInput.of(rules.get(editing - 1))));
        }
        return "gtm/strategy";
    }

    @PostMapping("/deal-strategy/rules")
    String save(
            OfferdeskPrincipal me,
            @RequestParam Map<String, String> params,
            @RequestParam(required = false) @Nullable Integer rank,
            RedirectAttributes redirect) {
        var rules = inputs(me);
        var input = new RuleInput(
                null,
                params.get("name"),
                params.get("route"),
                Arrays.stream(params.getOrDefault("keyAccounts", "").split("[\\s,;]+"))
                        .filter(a -> !a.isBlank())
                        .toList(),
                params.get("valueCurrency"),
                params.get("valueMin"),
                params.get("valueMax"),
                params.get("discountMin"),
                params.get("discountMax"),
                params.get("defaultTemplateId"));
        if (rank == null) {
            rules.add(input);
        } else {
            rules.set(index(rules, rank), input);
        }
        var onRejected = rank == null ? PAGE + "#rule-form" : PAGE + "?edit=" + rank + "#rule-form";
        return FormSubmission.attempt(redirect, params, onRejected, () -> {
            strategies.replace(me, rules);
            return PAGE;
        });
    }

    @PostMapping("/deal-strategy/rules/{rank}/delete")
    String delete(OfferdeskPrincipal me, @PathVariable int rank, RedirectAttributes redirect) {
        var rules = inputs(me);
        rules.remove(index(rules, rank));
        return FormSubmission.attempt(redirect, PAGE, () -> {
            strategies.replace(me, rules);
            return PAGE;
        });
    }

    /** Moves a rule one rank up (towards 1) or down. */
    @PostMapping("/deal-strategy/rules/{rank}/move")
    String move(
            OfferdeskPrincipal me,
            @PathVariable int rank,
            @RequestParam String direction,
            RedirectAttributes redirect) {
        var rules = inputs(me);
        var from = index(rules, rank);
        var to = "up".equals(direction) ? from - 1 : from + 1;
        if (to < 0 || to >= rules.size()) {
            return PAGE;
        }
        rules.add(to, rules.remove(from));
        return FormSubmission.attempt(redirect, PAGE, () -> {
            strategies.replace(me, rules);
            return PAGE;
        });
    }

    private List<RuleInput> inputs(OfferdeskPrincipal me) {
        return new ArrayList<>(
                strategies.strategy(me).rules().stream().map(RuleInput::of).toList());
    }

    private static int index(List<RuleInput> rules, int rank) {
        if (rank < 1 || rank > rules.size()) {
            throw new NotFound("segment-rule", String.valueOf(rank));
        }
        return rank - 1;
    }

    /** A stored rule as the form shows it. */
    private static Map<String, String> typed(RuleInput rule) {
        var typed = new java.util.HashMap<String, String>();
        typed.put("name", rule.name() == null ? "" : rule.name());
        typed.put("route", rule.route() == null ? "" : rule.route());
        typed.put("keyAccounts", String.join(", ", rule.keyAccounts() == null ? List.of() : rule.keyAccounts()));
        typed.put("valueCurrency", rule.valueCurrency() == null ? "" : rule.valueCurrency());
        typed.put("valueMin", rule.valueMin() == null ? "" : rule.valueMin());
        typed.put("valueMax", rule.valueMax() == null ? "" : rule.valueMax());
        typed.put("discountMin", rule.discountMin() == null ? "" : rule.discountMin());
        typed.put("discountMax", rule.discountMax() == null ? "" : rule.discountMax());
        typed.put("defaultTemplateId", rule.defaultTemplateId() == null ? "" : rule.defaultTemplateId());
        return typed;
    }
}
