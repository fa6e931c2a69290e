package io.offerdesk.audit.internal.web;

import io.offerdesk.audit.AuditTrail;
import io.offerdesk.platform.NavigationItem;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.Role;
import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail page: filters, the newest entries first, and (for the operator) chain verification. */
@Controller
class AuditPages {

    private final AuditTrail trail;

    AuditPages(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/audit")
    String trail(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable String entityType,
            @RequestParam(required = false) @Nullable String entityId,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable Long before,
            Model model) {
        var filter = AuditAccess.filterFor(me, entityType, entityId, action, actor, from, to, before, null);
        var entries = trail.search(filter);
        model.addAttribute("entries", entries);
        model.addAttribute("filter", filter);
        model.addAttribute("fromDate", from);
        model.addAttribute("toDate", to);
        model.addAttribute(
                "nextBefore",
                entries.size() == filter.limit() ? entries.getLast().sequence() : null);
        return "audit/trail";
    }

    @PostMapping("/audit/verify")
    String verify(OfferdeskPrincipal me, Model model) {
        AuditAccess.requireOperator(me);
        model.addAttribute("verification", trail.verify());
        return "audit/verification :: result";
    }

    @Bean
    static NavigationItem auditNavigation() {
        return new NavigationItem(
                "nav.audit",
                "/audit",
                800,
                Set.of(PartyKind.values()),
                Set.of(Role.OPERATOR_ADMIN, Role.ADMIN, Role.MARKETPLACE_ADMIN));
    }
}
