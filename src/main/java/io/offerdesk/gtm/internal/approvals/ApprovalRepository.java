package io.offerdesk.gtm.internal.approvals;

import io.offerdesk.gtm.Approval;
import io.offerdesk.gtm.ApprovalRequest;
import io.offerdesk.gtm.ApprovalTrailEntry;
import io.offerdesk.gtm.internal.approvals.domain.ApprovalPolicy;
import io.offerdesk.gtm.internal.approvals.domain.ApprovalRule;
import io.offerdesk.gtm.internal.approvals.domain.Approver;
import io.offerdesk.gtm.internal.approvals.domain.Condition;
import io.offerdesk.gtm.internal.approvals.domain.RequiredApproval;
import io.offerdesk.gtm.internal.approvals.domain.StepMode;
import io.offerdesk.shared.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Approval policies, requests, their approvals and the trail; every read of a party's data names the party. */
@Repository
class ApprovalRepository {

    /** An open approval with the request it belongs to, as the deadline work and the queues need it. */
    record OpenApproval(Approval approval, UUID requestId, UUID partyId, String offerId, long offerRevision) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ApprovalRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // Policies and rules

    ApprovalPolicy policy(UUID partyId) {
        var settings = jdbc.sql("""
                        SELECT step_due_hours, escalation_hours FROM gtm.approval_policy WHERE party_id = :party
                        """)
                .param("party", partyId)
                .query((rs, row) -> new Duration[] {Duration.ofHours(rs.getInt(1)), Duration.ofHours(rs.getInt(2))})
                .optional();
        return new ApprovalPolicy(
                settings.map(s -> s[0]).orElse(ApprovalPolicy.DEFAULT_STEP_DUE),
                settings.map(s -> s[1]).orElse(ApprovalPolicy.DEFAULT_ESCALATION),
                rules(partyId));
    }

    void saveSettings(UUID partyId, int stepDueHours, int escalationHours, Instant now) {
        jdbc.sql("""
                        INSERT INTO gtm.approval_policy (party_id, step_due_hours, escalation_hours, updated_at)
                        VALUES (:party, :due, :escalation, :now)
                        ON CONFLICT (party_id) DO UPDATE SET step_due_hours = :due, escalation_hours = :escalation,
                            updated_at = :now
                        """)
                .param("party", partyId)
                .param("due", stepDueHours)
                .param("escalation", escalationHours)
                .param("now", Timestamp.from(now))
                .update();
    }

    List<ApprovalRule> rules(UUID partyId) {
        return jdbc.sql("""
                        SELECT id, name, condition, threshold, currency, mode, approvers FROM gtm.approval_rule
                        WHERE party_id = :party ORDER BY created_at, id
                        """).param("party", partyId).query(this::rule).list();
    }

    Optional<ApprovalRule> rule(UUID partyId, UUID id) {
        return jdbc.sql("""
                        SELECT id, name, condition, threshold, currency, mode, approvers FROM gtm.approval_rule
                        WHERE party_id = :party AND id = :id
                        """)
                .param("party", partyId)
                .param("id", id)
                .query(this::rule)
                .optional();
    }

    void insertRule(UUID partyId, ApprovalRule rule, Instant now) {
        jdbc.sql("""
                        INSERT INTO gtm.approval_rule (id, party_id, name, condition, threshold, currency, mode,
                            approvers, created_at, updated_at)
                        VALUES (:id, :party, :name, :condition, :threshold, :currency, :mode,
                            CAST(:approvers AS jsonb), :now, :now)
                        """)
                .params(ruleParams(rule))
                .param("party", partyId)
                .param("now", Timestamp.from(now))
                .update();
    }

    boolean updateRule(UUID partyId, ApprovalRule rule, Instant now) {
        return jdbc.sql("""
                        UPDATE gtm.approval_rule SET name = :name, condition = :condition, threshold = :threshold,
                            currency = :currency, mode = :mode, approvers = CAST(:approvers AS jsonb),
                            updated_at = :now
                        WHERE party_id = :party AND id = :id
                        """)
                        .params(ruleParams(rule))
                        .param("party", partyId)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    boolean deleteRule(UUID partyId, UUID id) {
        return jdbc.sql("DELETE FROM gtm.approval_rule WHERE party_id = :party AND id = :id")
                        .param("party", partyId)
                        .param("id", id)
                        .update()
                == 1;
    }

    private java.util.Map<String, @Nullable Object> ruleParams(ApprovalRule rule) {
        var params = new java.util.HashMap<String, @Nullable Object>();
        params.put("id", rule.id());
        params.put("name", rule.name());
        params.put("condition", rule.condition().type());
        params.put("mode", rule.mode().name());
        params.put("approvers", json.writeValueAsString(rule.approvers()));
        params.put("threshold", rule.condition().threshold());
        params.put(
                "currency",
                rule.condition() instanceof Condition.ContractValue v
                        ? v.amount().getCurrencyUnit().getCode()
                        : null);
        return params;
    }

    private ApprovalRule rule(ResultSet rs, int row) throws SQLException {
        var threshold = rs.getBigDecimal("threshold");
        Condition condition = switch (rs.getString("condition")) {
            case "DISCOUNT" -> new Condition.Discount(threshold);
            case "CONTRACT_VALUE" ->
                new Condition.ContractValue(Money.of(CurrencyUnit.of(rs.getString("currency")), threshold));
            case "CUSTOM_EULA" -> new Condition.CustomEula();
            case "CHANGED_CLAUSES" -> new Condition.ChangedClauses();
            case "MISSING_EVIDENCE" -> new Condition.MissingEvidence();
            case "BACK_LOADED" -> new Condition.BackLoaded(threshold);
            case "MARGIN_BELOW" -> new Condition.MarginBelow(threshold);
            case "RENEWAL_GAP" -> new Condition.RenewalGap(threshold.intValueExact());
            default -> throw new IllegalStateException("unknown condition " + rs.getString("condition"));
        };
        return new ApprovalRule(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                condition,
                StepMode.valueOf(rs.getString("mode")),
                json.readValue(rs.getString("approvers"), new TypeReference<List<Approver>>() {}));
    }

    // Requests and approvals

    void insertRequest(UUID id, UUID partyId, String offerId, long revision, String requestedBy, Instant now) {
        jdbc.sql("""
                        INSERT INTO gtm.approval_request (id, party_id, offer_id, offer_revision, status, requested_by,
                            requested_at)
                        VALUES (:id, :party, :offer, :revision, 'PENDING', :by, :now)
                        """)
                .param("id", id)
                .param("party", partyId)
                .param("offer", offerId)
                .param("revision", revision)
                .param("by", requestedBy)
                .param("now", Timestamp.from(now))
                .update();
    }

    void insertApproval(UUID requestId, UUID partyId, RequiredApproval required) {
        var approver = required.approver();
        jdbc.sql("""
                        INSERT INTO gtm.approval (id, request_id, party_id, step, approver_role, approver_user,
                            approver_label, status)
                        VALUES (:id, :request, :party, :step, :role, :user, :label, 'WAITING')
                        """)
                .param("id", UUID.randomUUID())
                .param("request", requestId)
                .param("party", partyId)
                .param("step", required.step())
                .param("role", approver.role() == null ? null : approver.role().name())
                .param("user", approver.userId())
                .param("label", approver.label())
                .update();
    }

    /** Opens the step's waiting approvals with their deadlines. */
    void openStep(UUID requestId, int step, Instant now, Instant dueAt, Instant escalateAt) {
        jdbc.sql("""
                        UPDATE gtm.approval SET status = 'OPEN', opened_at = :now, due_at = :due,
                            escalate_at = :escalate
                        WHERE request_id = :request AND step = :step AND status = 'WAITING'
                        """)
                .param("request", requestId)
                .param("step", step)
                .param("now", Timestamp.from(now))
                .param("due", Timestamp.from(dueAt))
                .param("escalate", Timestamp.from(escalateAt))
                .update();
    }

    /** Records a decision on an open approval; false when it was no longer open (decided concurrently). */
    boolean decide(
            UUID approvalId, Approval.State state, String by, UUID byUser, @Nullable String comment, Instant now) {
        return jdbc.sql("""
                        UPDATE gtm.approval SET status = :state, decided_by = :by, decided_by_user = :user,
                            decided_at = :now, comment = :comment
                        WHERE id = :id AND status = 'OPEN'
                        """)
                        .param("id", approvalId)
                        .param("state", state.name())
                        .param("by", by)
                        .param("user", byUser)
                        .param("now", Timestamp.from(now))
                        .param("comment", comment)
                        .update()
                == 1;
    }

    /** Ends a request; its undecided approvals are cancelled. False when it was no longer pending. */
    boolean close(UUID requestId, ApprovalRequest.Status status, Instant now) {
        var closed = jdbc.sql("""
                        UPDATE gtm.approval_request SET status = :status, closed_at = :now
                        WHERE id = :id AND status = 'PENDING'
                        """)
                        .param("id", requestId)
                        .param("status", status.name())
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
        if (closed) {
            jdbc.sql("""
                            UPDATE gtm.approval SET status = 'CANCELLED'
                            WHERE request_id = :id AND status IN ('WAITING', 'OPEN')
                            """).param("id", requestId).update();
        }
        return closed;
    }

    /** Locks the request, so that decisions on it follow each other. */
    Optional<ApprovalRequest> lockRequest(UUID partyId, UUID requestId) {
        return jdbc.sql("""
                        SELECT * FROM gtm.approval_request WHERE party_id = :party AND id = :id FOR UPDATE
                        """)
                .param("party", partyId)
                .param("id", requestId)
                .query((rs, row) -> request(rs))
                .optional();
    }

    /** The offer's latest request, pending or not. */
    Optional<ApprovalRequest> latestRequest(UUID partyId, String offerId) {
        return jdbc.sql("""
                        SELECT * FROM gtm.approval_request WHERE party_id = :party AND offer_id = :offer
                        ORDER BY seq DESC LIMIT 1
                        """)
                .param("party", partyId)
                .param("offer", offerId)
                .query((rs, row) -> request(rs))
                .optional();
    }

    /** The offer's pending requests for a revision before {@code revision}: a later draft invalidates them. */
    List<ApprovalRequest> outdated(UUID partyId, String offerId, long revision) {
        return jdbc.sql("""
                        SELECT * FROM gtm.approval_request
                        WHERE party_id = :party AND offer_id = :offer AND offer_revision < :revision
                          AND status IN ('PENDING', 'APPROVED') AND offer_released_at IS NULL
                        FOR UPDATE
                        """)
                .param("party", partyId)
                .param("offer", offerId)
                .param("revision", revision)
                .query((rs, row) -> request(rs))
                .list();
    }

    /** Marks an approved request invalid; pending ones end through {@link #close}. */
    boolean invalidateApproved(UUID requestId, Instant now) {
        return jdbc.sql("""
                        UPDATE gtm.approval_request SET status = 'INVALIDATED', closed_at = :now
                        WHERE id = :id AND status = 'APPROVED'
                        """)
                        .param("id", requestId)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    void markReleased(UUID partyId, String offerId, Instant at) {
        jdbc.sql("""
                        UPDATE gtm.approval_request SET offer_released_at = :at
                        WHERE party_id = :party AND offer_id = :offer AND offer_released_at IS NULL
                        """)
                .param("party", partyId)
                .param("offer", offerId)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** The request an approval belongs to, when the approval is one of the party's. */
    Optional<UUID> requestOf(UUID partyId, UUID approvalId) {
        return jdbc.sql("SELECT request_id FROM gtm.approval WHERE party_id = :party AND id = :id")
                .param("party", partyId)
                .param("id", approvalId)
                .query(UUID.class)
                .optional();
    }

    void markApproved(UUID requestId, Instant now) {
        jdbc.sql("""
                        UPDATE gtm.approval_request SET status = 'APPROVED', closed_at = :now
                        WHERE id = :id AND status = 'PENDING'
                        """).param("id", requestId).param("now", Timestamp.from(now)).update();
    }

    private ApprovalRequest request(ResultSet rs) throws SQLException {
        var id = rs.getObject("id", UUID.class);
        return new ApprovalRequest(
                id,
                rs.getString("offer_id"),
                rs.getLong("offer_revision"),
                ApprovalRequest.Status.valueOf(rs.getString("status")),
                rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(),
                instant(rs, "closed_at"),
                approvals(id));
    }

    List<Approval> approvals(UUID requestId) {
        return jdbc.sql("SELECT * FROM gtm.approval WHERE request_id = :request ORDER BY step, approver_label, id")
                .param("request", requestId)
                .query((rs, row) -> approval(rs))
                .list();
    }

    /** The open approvals the user may decide: named for them, or for a role they hold. */
    List<OpenApproval> openFor(UUID partyId, UUID userId, Collection<Role> roles) {
        return jdbc.sql("""
                        SELECT a.*, r.offer_id, r.offer_revision FROM gtm.approval a
                        JOIN gtm.approval_request r ON r.id = a.request_id
                        WHERE a.party_id = :party AND a.status = 'OPEN'
                          AND (a.approver_user = :user OR a.approver_role IN (:roles))
                        ORDER BY a.due_at, a.id
                        """)
                .param("party", partyId)
                .param("user", userId)
                .param(
                        "roles",
                        roles.isEmpty()
                                ? List.of("")
                                : roles.stream().map(Role::name).toList())
                .query((rs, row) -> open(rs))
                .list();
    }

    Optional<Instant> nextDeadlineAfter(Instant after) {
        return jdbc.sql("""
                        SELECT min(t) FROM (
                            SELECT min(due_at) AS t FROM gtm.approval
                            WHERE status = 'OPEN' AND reminded_at IS NULL AND due_at > :after
                            UNION ALL
                            SELECT min(escalate_at) FROM gtm.approval
                            WHERE status = 'OPEN' AND escalated_at IS NULL AND escalate_at > :after) d
                        """)
                .param("after", Timestamp.from(after))
                .query((rs, row) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
                .single();
    }

    /** Marks open approvals past their deadline as reminded and returns them; each is returned once. */
    List<OpenApproval> claimOverdue(Instant now, int limit) {
        return claim("reminded_at", "due_at", now, limit);
    }

    /** Marks open approvals past their escalation time as escalated and returns them; each is returned once. */
    List<OpenApproval> claimEscalations(Instant now, int limit) {
        return claim("escalated_at", "escalate_at", now, limit);
    }

    private List<OpenApproval> claim(String markColumn, String timeColumn, Instant now, int limit) {
        // Column names come from the two callers above, never from input.
        return jdbc.sql("""
                        WITH claimed AS (
                            UPDATE gtm.approval SET %1$s = :now
                            WHERE id IN (SELECT id FROM gtm.approval
                                         WHERE status = 'OPEN' AND %1$s IS NULL AND %2$s <= :now
                                         ORDER BY %2$s LIMIT :limit FOR UPDATE SKIP LOCKED)
                            RETURNING *)
                        SELECT c.*, r.offer_id, r.offer_revision FROM claimed c
                        JOIN gtm.approval_request r ON r.id = c.request_id
                        ORDER BY c.request_id, c.step, c.approver_label
                        """.formatted(markColumn, timeColumn))
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query((rs, row) -> open(rs))
                .list();
    }

    private OpenApproval open(ResultSet rs) throws SQLException {
        return new OpenApproval(
                approval(rs),
                rs.getObject("request_id", UUID.class),
                rs.getObject("party_id", UUID.class),
                rs.getString("offer_id"),
                rs.getLong("offer_revision"));
    }

    private static Approval approval(ResultSet rs) throws SQLException {
        var role = rs.getString("approver_role");
        return new Approval(
                rs.getObject("id", UUID.class),
                rs.getInt("step"),
                role == null ? null : Role.valueOf(role),
                rs.getObject("approver_user", UUID.class),
                rs.getString("approver_label"),
                Approval.State.valueOf(rs.getString("status")),
                instant(rs, "opened_at"),
                instant(rs, "due_at"),
                rs.getString("decided_by"),
                instant(rs, "decided_at"),
                rs.getString("comment"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    // Trail

    void trail(
            UUID partyId,
            String offerId,
            UUID requestId,
            String action,
            @Nullable Integer step,
            String actor,
            @Nullable String comment,
            Instant at) {
        jdbc.sql("""
                        INSERT INTO gtm.approval_trail (party_id, offer_id, request_id, action, step, actor, comment,
                            occurred_at)
                        VALUES (:party, :offer, :request, :action, :step, :actor, :comment, :at)
                        """)
                .param("party", partyId)
                .param("offer", offerId)
                .param("request", requestId)
                .param("action", action)
                .param("step", step)
                .param("actor", actor)
                .param("comment", comment)
                .param("at", Timestamp.from(at))
                .update();
    }

    List<ApprovalTrailEntry> trail(UUID partyId, String offerId) {
        return jdbc.sql("""
                        SELECT request_id, action, step, actor, comment, occurred_at FROM gtm.approval_trail
                        WHERE party_id = :party AND offer_id = :offer ORDER BY id
                        """)
                .param("party", partyId)
                .param("offer", offerId)
                .query((rs, row) -> new ApprovalTrailEntry(
                        rs.getObject("request_id", UUID.class),
                        rs.getString("action"),
                        (Integer) rs.getObject("step"),
                        rs.getString("actor"),
                        rs.getString("comment"),
                        rs.getTimestamp("occurred_at").toInstant()))
                .list();
    }
}
