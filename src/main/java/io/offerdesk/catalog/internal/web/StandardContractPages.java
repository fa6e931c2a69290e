package io.offerdesk.catalog.internal.web;

import io.offerdesk.catalog.StandardContractCommands.AddContractVersion;
import io.offerdesk.catalog.StandardContractCommands.CreateStandardContract;
import io.offerdesk.catalog.StandardContractManagement;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.Conflict;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.Role;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Standard contracts for everyone to read; the operator creates them and publishes new versions. */
@Controller
class StandardContractPages {

    private final StandardContractManagement contracts;

    StandardContractPages(StandardContractManagement contracts) {
        this.contracts = contracts;
    }

    @GetMapping("/standard-contracts")
    String list(OfferdeskPrincipal me, Model model) {
        model.addAttribute("contracts", contracts.contracts(me));
        model.addAttribute("manages", me.has(Role.OPERATOR_ADMIN));
        return "catalog/contracts";
    }

    @PostMapping("/standard-contracts")
    String create(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable String title,
            @RequestParam(required = false) @Nullable String version,
            @RequestParam(required = false) @Nullable String body,
            RedirectAttributes redirect) {
        var typed = typed(title, version, body);
        return attempt(
                redirect,
                typed,
                "redirect:/standard-contracts",
                () -> "redirect:/standard-contracts/"
                        + contracts
                                .create(me, new CreateStandardContract(title, version, body))
                                .id());
    }

    @GetMapping("/standard-contracts/{contractId}")
    String detail(OfferdeskPrincipal me, @PathVariable String contractId, Model model) {
        model.addAttribute("contract", contracts.contract(me, id(contractId)));
        model.addAttribute("manages", me.has(Role.OPERATOR_ADMIN));
        return "catalog/contract";
    }

    @PostMapping("/standard-contracts/{contractId}/versions")
    String addVersion(
            OfferdeskPrincipal me,
            @PathVariable String contractId,
            @RequestParam(required = false) @Nullable String version,
            @RequestParam(required = false) @Nullable String body,
            RedirectAttributes redirect) {
        var id = id(contractId);
        return attempt(redirect, typed(null, version, body), "redirect:/standard-contracts/" + id, () -> {
            contracts.addVersion(me, id, new AddContractVersion(version, body));
            return "redirect:/standard-contracts/" + id;
        });
    }

    /** Runs a form action; on invalid input, goes back to the form with the violations and the typed values. */
    private static String attempt(
            RedirectAttributes redirect, Map<String, String> typed, String onInvalid, Supplier<String> action) {
        try {
            return action.get();
        } catch (InvalidInput invalid) {
            redirect.addFlashAttribute("violations", invalid.violations());
            redirect.addFlashAttribute("typed", typed);
            return onInvalid;
        } catch (Conflict conflict) {
            redirect.addFlashAttribute("conflict", conflict);
            redirect.addFlashAttribute("typed", typed);
            return onInvalid;
        }
    }

    /** What the operator typed, shown again after a rejection so that a long contract text is not lost. */
    private static Map<String, String> typed(@Nullable String title, @Nullable String version, @Nullable String body) {
        return Map.of(
                "title", Objects.requireNonNullElse(title, ""),
                "version", Objects.requireNonNullElse(version, ""),
                "body", Objects.requireNonNullElse(body, ""));
    }

    private static UUID id(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException notAUuid) {
            throw new NotFound("standard-contract", text);
        }
    }
}
