package io.offerdesk.audit.internal.web;

import io.offerdesk.audit.AuditFilter;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who reads what: the operator reads the whole trail and verifies the chain; a party's administrator reads the
 * entries about their own party.
 */
final class AuditAccess {

    static final int DEFAULT_LIMIT = 100;

    private AuditAccess() {}

    static AuditFilter filterFor(
            OfferdeskPrincipal me,
            @Nullable String entityType,
            @Nullable String entityId,
            @Nullable String action,
            @Nullable String actor,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            @Nullable Long before,
            @Nullable Integer limit) {
        var owner = me.isOperator() ? null : requireAdmin(me);
        var size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > AuditFilter.MAX_LIMIT) {
            throw new InvalidInput("limit", "validation.range", 1, AuditFilter.MAX_LIMIT);
        }
        return new AuditFilter(
                owner,
                entityType,
                entityId,
                action,
                actor,
                startOf(from),
                to == null ? null : startOf(to.plusDays(1)),
                before,
                size);
    }

    static void requireOperator(OfferdeskPrincipal me) {
        if (!me.has(Role.OPERATOR_ADMIN)) {
            throw new AccessDeniedException("only the operator verifies the audit chain");
        }
    }

    private static String requireAdmin(OfferdeskPrincipal me) {
        if (!me.has(Role.administratorOf(me.partyKind()))) {
            throw new AccessDeniedException("only administrators read the audit trail");
        }
        return me.partyId().toString();
    }

    private static @Nullable Instant startOf(@Nullable LocalDate day) {
        return day == null ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
