package io.offerdesk.audit.internal.web;

import io.offerdesk.audit.AuditEntry;
import io.offerdesk.audit.AuditTrail;
import io.offerdesk.audit.ChainVerification;
import io.offerdesk.platform.OfferdeskPrincipal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail over REST: newest first, filtered, paged with {@code before}. */
@RestController
@RequestMapping("/api/v1/audit")
class AuditApi {

    private final AuditTrail trail;

    AuditApi(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/entries")
    List<AuditEntry> entries(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable String entityType,
            @RequestParam(required = false) @Nullable String entityId,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable Long before,
            @RequestParam(required = false) @Nullable Integer limit) {
        return trail.search(AuditAccess.filterFor(me, entityType, entityId, action, actor, from, to, before, limit));
    }

    @PostMapping("/verify")
    ChainVerification verify(OfferdeskPrincipal me) {
        AuditAccess.requireOperator(me);
        return trail.verify();
    }
}
