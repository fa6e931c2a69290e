package io.offerdesk.gtm.internal.renewals;

import io.offerdesk.gtm.internal.templates.domain.RenewalMode;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Renewal settings and drafts. Every read and write names the party, except the engine's list of enabled parties. */
@Repository
class RenewalRepository {

    /** A party's settings; {@link #OFF} for a party that never saved any. */
    record Settings(boolean enabled, int leadDays, RenewalMode defaultMode, BigDecimal increasePercent) {
        static final Settings OFF = new Settings(false, 90, RenewalMode.REPLACEMENT, BigDecimal.ZERO.setScale(2));
    }

    record EnabledParty(UUID partyId, Settings settings) {}

    enum State {
        DRAFTING,
        QUEUED,
        READY,
        FAILED
    }

    /** One agreement's renewal draft. */
    record Draft(
            String agreementId,
            UUID partyId,
            String agreementOfferId,
            String productId,
            String acceptorAccountId,
            Instant agreementEnd,
            RenewalMode mode,
            BigDecimal increasePercent,
            @Nullable String templateId,
            State state,
            @Nullable String changeSetId,
            @Nullable String offerId,
            @Nullable UUID approvalRequestId,
            @Nullable String reason,
            Instant createdAt,
            Instant updatedAt) {}

    private final JdbcClient jdbc;

    RenewalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Settings> settings(UUID partyId) {
        return jdbc.sql("""
                        SELECT enabled, lead_days, default_mode, increase_percent FROM gtm.renewal_settings
                        WHERE party_id = :party
                        """)
                .param("party", partyId)
                .query(RenewalRepository::settings)
                .optional();
    }

    void saveSettings(UUID partyId, Settings settings, Instant now) {
        jdbc.sql("""
                        INSERT INTO gtm.renewal_settings (party_id, enabled, lead_days, default_mode, increase_percent,
                            updated_at)
                        VALUES (:party, :enabled, :lead, :mode, :increase, :now)
                        ON CONFLICT (party_id) DO UPDATE SET enabled = EXCLUDED.enabled, lead_days = EXCLUDED.lead_days,
                            default_mode = EXCLUDED.default_mode, increase_percent = EXCLUDED.increase_percent,
                            updated_at = EXCLUDED.updated_at
                        """)
                .param("party", partyId)
                .param("enabled", settings.enabled())
                .param("lead", settings.leadDays())
                .param("mode", settings.defaultMode().name())
                .param("increase", settings.increasePercent())
                .param("now", Timestamp.from(now))
                .update();
    }

    List<EnabledParty> enabledParties() {
        return jdbc.sql("""
                        SELECT party_id, enabled, lead_days, default_mode, increase_percent FROM gtm.renewal_settings
                        WHERE enabled ORDER BY party_id
                        """)
                .query((rs, row) -> new EnabledParty(rs.getObject("party_id", UUID.class), settings(rs, row)))
                .list();
    }

    /**
     * Claims the agreement for a draft: true for the one caller whose row was inserted. A draft that failed is kept
     * too, so the agreement is never drafted again.
     */
    boolean claim(Draft draft) {
        return jdbc.sql("""
                        INSERT INTO gtm.renewal_draft (agreement_id, party_id, agreement_offer_id, product_id,
                            acceptor_account_id, agreement_end, mode, increase_percent, template_id, state,
                            change_set_id, offer_id, approval_request_id, reason, created_at, updated_at)
                        VALUES (:agreement, :party, :agreementOffer, :product, :acceptor, :end, :mode, :increase,
                            :template, :state, :changeSet, NULL, NULL, :reason, :now, :now)
                        ON CONFLICT (agreement_id) DO NOTHING
                        """)
                        .param("agreement", draft.agreementId())
                        .param("party", draft.partyId())
                        .param("agreementOffer", draft.agreementOfferId())
                        .param("product", draft.productId())
                        .param("acceptor", draft.acceptorAccountId())
                        .param("end", Timestamp.from(draft.agreementEnd()))
                        .param("mode", draft.mode().name())
                        .param("increase", draft.increasePercent())
                        .param("template", draft.templateId())
                        .param("state", draft.state().name())
                        .param("changeSet", draft.changeSetId())
                        .param("reason", draft.reason())
                        .param("now", Timestamp.from(draft.createdAt()))
                        .update()
                == 1;
    }

    void started(UUID partyId, String agreementId, String changeSetId, Instant now) {
        jdbc.sql("""
                        UPDATE gtm.renewal_draft SET change_set_id = :changeSet, updated_at = :now
                        WHERE party_id = :party AND agreement_id = :agreement
                        """)
                .param("changeSet", changeSetId)
                .param("now", Timestamp.from(now))
                .param("party", partyId)
                .param("agreement", agreementId)
                .update();
    }

    /** The draft a change set makes, locked while its outcome is recorded; absent for any other change set. */
    Optional<Draft> lockDrafting(UUID partyId, String changeSetId) {
        return jdbc.sql("""
                        SELECT * FROM gtm.renewal_draft
                        WHERE party_id = :party AND change_set_id = :changeSet AND state = 'DRAFTING'
                        FOR UPDATE
                        """)
                .param("party", partyId)
                .param("changeSet", changeSetId)
                .query(RenewalRepository::draft)
                .optional();
    }

    void finish(
            UUID partyId,
            String agreementId,
            State state,
            @Nullable String offerId,
            @Nullable UUID approvalRequestId,
            @Nullable String reason,
            Instant now) {
        jdbc.sql("""
                        UPDATE gtm.renewal_draft SET state = :state, offer_id = :offer,
                            approval_request_id = :request, reason = :reason, updated_at = :now
                        WHERE party_id = :party AND agreement_id = :agreement
                        """)
                .param("state", state.name())
                .param("offer", offerId)
                .param("request", approvalRequestId)
                .param("reason", reason)
                .param("now", Timestamp.from(now))
                .param("party", partyId)
                .param("agreement", agreementId)
                .update();
    }

    List<Draft> drafts(UUID partyId, int limit) {
        return jdbc.sql("""
                        SELECT * FROM gtm.renewal_draft WHERE party_id = :party
                        ORDER BY created_at DESC, agreement_id LIMIT :limit
                        """)
                .param("party", partyId)
                .param("limit", limit)
                .query(RenewalRepository::draft)
                .list();
    }

    Optional<Draft> draft(UUID partyId, String agreementId) {
        return jdbc.sql("SELECT * FROM gtm.renewal_draft WHERE party_id = :party AND agreement_id = :agreement")
                .param("party", partyId)
                .param("agreement", agreementId)
                .query(RenewalRepository::draft)
                .optional();
    }

    /** Which of the agreements already have a draft (of any state). */
    List<String> drafted(UUID partyId, List<String> agreementIds) {
        if (agreementIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT agreement_id FROM gtm.renewal_draft
                        WHERE party_id = :party AND agreement_id IN (:agreements)
                        """)
                .param("party", partyId)
                .param("agreements", agreementIds)
                .query((rs, row) -> rs.getString("agreement_id"))
                .list();
    }

    private static Settings settings(ResultSet rs, int row) throws SQLException {
        return new Settings(
                rs.getBoolean("enabled"),
                rs.getInt("lead_days"),
                RenewalMode.valueOf(rs.getString("default_mode")),
                rs.getBigDecimal("increase_percent"));
    }

    private static Draft draft(ResultSet rs, int row) throws SQLException {
        return new Draft(
                rs.getString("agreement_id"),
                rs.getObject("party_id", UUID.class),
                rs.getString("agreement_offer_id"),
                rs.getString("product_id"),
                rs.getString("acceptor_account_id"),
                rs.getTimestamp("agreement_end").toInstant(),
                RenewalMode.valueOf(rs.getString("mode")),
                rs.getBigDecimal("increase_percent"),
                rs.getString("template_id"),
                State.valueOf(rs.getString("state")),
                rs.getString("change_set_id"),
                rs.getString("offer_id"),
                rs.getObject("approval_request_id", UUID.class),
                rs.getString("reason"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
