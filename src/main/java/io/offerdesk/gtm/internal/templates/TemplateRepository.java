package io.offerdesk.gtm.internal.templates;

import io.offerdesk.gtm.ChecklistRequirement;
import io.offerdesk.gtm.internal.templates.domain.ClauseKind;
import io.offerdesk.gtm.internal.templates.domain.PricingShape;
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
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The template library's tables in schema {@code gtm}; every read and write names the owning party. */
@Repository
public class TemplateRepository {

    public record Clause(String id, UUID owner, ClauseKind kind, int latestVersion, Instant createdAt) {}

    public record ClauseVersion(
            String clauseId, int version, String title, String body, Instant createdAt, String createdBy) {}

    public record ClauseRef(String clauseId, int version) {}

    public record EulaTemplate(String id, UUID owner, int latestVersion, Instant createdAt) {}

    public record EulaTemplateVersion(
            String templateId, int version, String name, List<ClauseRef> clauses, Instant createdAt, String createdBy) {
        public EulaTemplateVersion {
            clauses = List.copyOf(clauses);
        }
    }

    public record PricingTemplate(
            String id,
            UUID owner,
            String name,
            PricingShape shape,
            int durationMonths,
            String currency,
            ObjectNode terms,
            Instant createdAt) {}

    public record FormField(String key, String label, boolean required) {}

    public record ApprovalForm(String id, UUID owner, String name, List<FormField> fields, Instant createdAt) {
        public ApprovalForm {
            fields = List.copyOf(fields);
        }
    }

    public record ChecklistItem(String key, String text, ChecklistRequirement requirement) {}

    public record Checklist(String id, UUID owner, String name, List<ChecklistItem> items, Instant createdAt) {
        public Checklist {
            items = List.copyOf(items);
        }
    }

    public record OfferTemplate(
            String id,
            UUID owner,
            String name,
            int version,
            @Nullable String eulaTemplateId,
            @Nullable Integer eulaVersion,
            @Nullable String pricingTemplateId,
            @Nullable String approvalFormId,
            @Nullable String checklistId,
            int expiryDays,
            @Nullable RenewalMode renewalMode,
            @Nullable BigDecimal renewalIncreasePercent,
            Instant createdAt,
            Instant updatedAt) {}

    public record Origin(
            String changeSetId,
            UUID owner,
            String templateId,
            int templateVersion,
            @Nullable String checklistId,
            @Nullable String approvalFormId,
            @Nullable String eulaTemplateId,
            @Nullable Integer eulaVersion,
            @Nullable String offerId,
            Instant createdAt) {}

    public record ChecklistEntry(
            String itemKey, @Nullable String evidence, boolean signedOff, String recordedBy, Instant recordedAt) {}

    private static final TypeReference<List<ClauseRef>> CLAUSE_REFS = new TypeReference<>() {};
    private static final TypeReference<List<FormField>> FIELDS = new TypeReference<>() {};
    private static final TypeReference<List<ChecklistItem>> ITEMS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    TemplateRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // Clauses

    void insertClause(Clause clause) {
        jdbc.sql("""
                        INSERT INTO gtm.eula_clause (id, owner, kind, latest_version, created_at)
                        VALUES (:id, :owner, :kind, :latest, :at)
                        """)
                .param("id", clause.id())
                .param("owner", clause.owner())
                .param("kind", clause.kind().name())
                .param("latest", clause.latestVersion())
                .param("at", Timestamp.from(clause.createdAt()))
                .update();
    }

    /** Adds the next version; the row lock on the clause keeps concurrent saves from taking the same number. */
    int addClauseVersion(UUID owner, String clauseId, String title, String body, Instant at, String by) {
        var version = jdbc.sql("""
                        UPDATE gtm.eula_clause SET latest_version = latest_version + 1
                        WHERE id = :id AND owner = :owner RETURNING latest_version
                        """)
                .param("id", clauseId)
                .param("owner", owner)
                .query(Integer.class)
                .single();
        insertClauseVersion(new ClauseVersion(clauseId, version, title, body, at, by));
        return version;
    }

    void insertClauseVersion(ClauseVersion version) {
        jdbc.sql("""
                        INSERT INTO gtm.eula_clause_version (clause_id, version, title, body, created_at, created_by)
                        VALUES (:clause, :version, :title, :body, :at, :by)
                        """)
                .param("clause", version.clauseId())
                .param("version", version.version())
                .param("title", version.title())
                .param("body", version.body())
                .param("at", Timestamp.from(version.createdAt()))
                .param("by", version.createdBy())
                .update();
    }

    List<Clause> clauses(UUID owner) {
        return jdbc.sql("""
                        SELECT id, owner, kind, latest_version, created_at FROM gtm.eula_clause
                        WHERE owner = :owner ORDER BY created_at DESC, id
                        """)
                .param("owner", owner)
                .query(TemplateRepository::clause)
                .list();
    }

    Optional<Clause> clause(UUID owner, String id) {
        return jdbc.sql("""
                        SELECT id, owner, kind, latest_version, created_at FROM gtm.eula_clause
                        WHERE owner = :owner AND id = :id
                        """)
                .param("owner", owner)
                .param("id", id)
                .query(TemplateRepository::clause)
                .optional();
    }

    List<ClauseVersion> clauseVersions(UUID owner, String clauseId) {
        return jdbc.sql("""
                        SELECT v.clause_id, v.version, v.title, v.body, v.created_at, v.created_by
                        FROM gtm.eula_clause_version v JOIN gtm.eula_clause c ON c.id = v.clause_id
                        WHERE c.owner = :owner AND v.clause_id = :id ORDER BY v.version
                        """)
                .param("owner", owner)
                .param("id", clauseId)
                .query(TemplateRepository::clauseVersion)
                .list();
    }

    Optional<ClauseVersion> clauseVersion(UUID owner, String clauseId, int version) {
        return jdbc.sql("""
                        SELECT v.clause_id, v.version, v.title, v.body, v.created_at, v.created_by
                        FROM gtm.eula_clause_version v JOIN gtm.eula_clause c ON c.id = v.clause_id
                        WHERE c.owner = :owner AND v.clause_id = :id AND v.version = :version
                        """)
                .param("owner", owner)
                .param("id", clauseId)
                .param("version", version)
                .query(TemplateRepository::clauseVersion)
                .optional();
    }

    // EULA templates

    void insertEulaTemplate(EulaTemplate template) {
        jdbc.sql("""
                        INSERT INTO gtm.eula_template (id, owner, latest_version, created_at)
                        VALUES (:id, :owner, :latest, :at)
                        """)
                .param("id", template.id())
                .param("owner", template.owner())
                .param("latest", template.latestVersion())
                .param("at", Timestamp.from(template.createdAt()))
                .update();
    }

    int addEulaVersion(UUID owner, String templateId, String name, List<ClauseRef> clauses, Instant at, String by) {
        var version = jdbc.sql("""
                        UPDATE gtm.eula_template SET latest_version = latest_version + 1
                        WHERE id = :id AND owner = :owner RETURNING latest_version
                        """)
                .param("id", templateId)
                .param("owner", owner)
                .query(Integer.class)
                .single();
        insertEulaVersion(new EulaTemplateVersion(templateId, version, name, clauses, at, by));
        return version;
    }

    void insertEulaVersion(EulaTemplateVersion version) {
        jdbc.sql("""
                        INSERT INTO gtm.eula_template_version (template_id, version, name, clauses, created_at, created_by)
                        VALUES (:template, :version, :name, CAST(:clauses AS jsonb), :at, :by)
                        """)
                .param("template", version.templateId())
                .param("version", version.version())
                .param("name", version.name())
                .param("clauses", json.writeValueAsString(version.clauses()))
                .param("at", Timestamp.from(version.createdAt()))
                .param("by", version.createdBy())
                .update();
    }

    List<EulaTemplate> eulaTemplates(UUID owner) {
        return jdbc.sql("""
                        SELECT id, owner, latest_version, created_at FROM gtm.eula_template
                        WHERE owner = :owner ORDER BY created_at DESC, id
                        """)
                .param("owner", owner)
                .query(TemplateRepository::eulaTemplate)
                .list();
    }

    Optional<EulaTemplate> eulaTemplate(UUID owner, String id) {
        return jdbc.sql("""
                        SELECT id, owner, latest_version, created_at FROM gtm.eula_template
                        WHERE owner = :owner AND id = :id
                        """)
                .param("owner", owner)
                .param("id", id)
                .query(TemplateRepository::eulaTemplate)
                .optional();
    }

    List<EulaTemplateVersion> eulaVersions(UUID owner, String templateId) {
        return jdbc.sql("""
                        SELECT v.template_id, v.version, v.name, v.clauses, v.created_at, v.created_by
                        FROM gtm.eula_template_version v JOIN gtm.eula_template t ON t.id = v.template_id
                        WHERE t.owner = :owner AND v.template_id = :id ORDER BY v.version
                        """)
                .param("owner", owner)
                .param("id", templateId)
                .query(this::eulaVersion)
                .list();
    }

    Optional<EulaTemplateVersion> eulaVersion(UUID owner, String templateId, int version) {
        return jdbc.sql("""
                        SELECT v.template_id, v.version, v.name, v.clauses, v.created_at, v.created_by
                        FROM gtm.eula_template_version v JOIN gtm.eula_template t ON t.id = v.template_id
                        WHERE t.owner = :owner AND v.template_id = :id AND v.version = :version
                        """)
                .param("owner", owner)
                .param("id", templateId)
                .param("version", version)
                .query(this::eulaVersion)
                .optional();
    }

    // Pricing templates, approval forms, checklists

    void insertPricingTemplate(PricingTemplate template) {
        jdbc.sql("""
                        INSERT INTO gtm.pricing_template (id, owner, name, shape, duration_months, currency, terms,
                            created_at)
                        VALUES (:id, :owner, :name, :shape, :months, :currency, CAST(:terms AS jsonb), :at)
                        """)
                .param("id", template.id())
                .param("owner", template.owner())
                .param("name", template.name())
                .param("shape", template.shape().name())
                .param("months", template.durationMonths())
                .param("currency", template.currency())
                .param("terms", json.writeValueAsString(template.terms()))
                .param("at", Timestamp.from(template.createdAt()))
                .update();
    }

    List<PricingTemplate> pricingTemplates(UUID owner) {
        return jdbc.sql("""
                        SELECT * FROM gtm.pricing_template WHERE owner = :owner ORDER BY created_at DESC, id
                        """).param("owner", owner).query(this::pricingTemplate).list();
    }

    Optional<PricingTemplate> pricingTemplate(UUID owner, String id) {
        return jdbc.sql("SELECT * FROM gtm.pricing_template WHERE owner = :owner AND id = :id")
                .param("owner", owner)
                .param("id", id)
                .query(this::pricingTemplate)
                .optional();
    }

    void insertApprovalForm(ApprovalForm form) {
        jdbc.sql("""
                        INSERT INTO gtm.approval_form (id, owner, name, fields, created_at)
                        VALUES (:id, :owner, :name, CAST(:fields AS jsonb), :at)
                        """)
                .param("id", form.id())
                .param("owner", form.owner())
                .param("name", form.name())
                .param("fields", json.writeValueAsString(form.fields()))
                .param("at", Timestamp.from(form.createdAt()))
                .update();
    }

    List<ApprovalForm> approvalForms(UUID owner) {
        return jdbc.sql("SELECT * FROM gtm.approval_form WHERE owner = :owner ORDER BY created_at DESC, id")
                .param("owner", owner)
                .query(this::approvalForm)
                .list();
    }

    Optional<ApprovalForm> approvalForm(UUID owner, String id) {
        return jdbc.sql("SELECT * FROM gtm.approval_form WHERE owner = :owner AND id = :id")
                .param("owner", owner)
                .param("id", id)
                .query(this::approvalForm)
                .optional();
    }

    void insertChecklist(Checklist checklist) {
        jdbc.sql("""
                        INSERT INTO gtm.checklist (id, owner, name, items, created_at)
                        VALUES (:id, :owner, :name, CAST(:items AS jsonb), :at)
                        """)
                .param("id", checklist.id())
                .param("owner", checklist.owner())
                .param("name", checklist.name())
                .param("items", json.writeValueAsString(checklist.items()))
                .param("at", Timestamp.from(checklist.createdAt()))
                .update();
    }

    List<Checklist> checklists(UUID owner) {
        return jdbc.sql("SELECT * FROM gtm.checklist WHERE owner = :owner ORDER BY created_at DESC, id")
                .param("owner", owner)
                .query(this::checklist)
                .list();
    }

    public Optional<Checklist> checklist(UUID owner, String id) {
        return jdbc.sql("SELECT * FROM gtm.checklist WHERE owner = :owner AND id = :id")
                .param("owner", owner)
                .param("id", id)
                .query(this::checklist)
                .optional();
    }

    // Offer templates and origins

    void insertOfferTemplate(OfferTemplate template) {
        jdbc.sql("""
                        INSERT INTO gtm.offer_template (id, owner, name, version, eula_template_id, eula_version,
                            pricing_template_id, approval_form_id, checklist_id, expiry_days, renewal_mode,
                            renewal_increase_percent, created_at, updated_at)
                        VALUES (:id, :owner, :name, :version, :eula, :eulaVersion, :pricing, :form, :checklist,
                            :expiryDays, :renewalMode, :renewalIncrease, :created, :updated)
                        """)
                .param("id", template.id())
                .param("owner", template.owner())
                .param("name", template.name())
                .param("version", template.version())
                .param("eula", template.eulaTemplateId())
                .param("eulaVersion", template.eulaVersion())
                .param("pricing", template.pricingTemplateId())
                .param("form", template.approvalFormId())
                .param("checklist", template.checklistId())
                .param("expiryDays", template.expiryDays())
                .param("renewalMode", renewalMode(template))
                .param("renewalIncrease", template.renewalIncreasePercent())
                .param("created", Timestamp.from(template.createdAt()))
                .param("updated", Timestamp.from(template.updatedAt()))
                .update();
    }

    /** Saves the template's new content as its next version. */
    int updateOfferTemplate(OfferTemplate template) {
        return jdbc.sql("""
                        UPDATE gtm.offer_template SET name = :name, version = version + 1, eula_template_id = :eula,
                            eula_version = :eulaVersion, pricing_template_id = :pricing, approval_form_id = :form,
                            checklist_id = :checklist, expiry_days = :expiryDays, renewal_mode = :renewalMode,
                            renewal_increase_percent = :renewalIncrease, updated_at = :updated
                        WHERE id = :id AND owner = :owner RETURNING version
                        """)
                .param("id", template.id())
                .param("owner", template.owner())
                .param("name", template.name())
                .param("eula", template.eulaTemplateId())
                .param("eulaVersion", template.eulaVersion())
                .param("pricing", template.pricingTemplateId())
                .param("form", template.approvalFormId())
                .param("checklist", template.checklistId())
                .param("expiryDays", template.expiryDays())
                .param("renewalMode", renewalMode(template))
                .param("renewalIncrease", template.renewalIncreasePercent())
                .param("updated", Timestamp.from(template.updatedAt()))
                .query(Integer.class)
                .single();
    }

    private static @Nullable String renewalMode(OfferTemplate template) {
        return template.renewalMode() == null ? null : template.renewalMode().name();
    }

    List<OfferTemplate> offerTemplates(UUID owner) {
        return jdbc.sql("SELECT * FROM gtm.offer_template WHERE owner = :owner ORDER BY created_at DESC, id")
                .param("owner", owner)
                .query(TemplateRepository::offerTemplate)
                .list();
    }

    Optional<OfferTemplate> offerTemplate(UUID owner, String id) {
        return jdbc.sql("SELECT * FROM gtm.offer_template WHERE owner = :owner AND id = :id")
                .param("owner", owner)
                .param("id", id)
                .query(TemplateRepository::offerTemplate)
                .optional();
    }

    void insertOrigin(Origin origin) {
        jdbc.sql("""
                        INSERT INTO gtm.offer_origin (change_set_id, owner, template_id, template_version,
                            checklist_id, approval_form_id, eula_template_id, eula_version, offer_id, created_at)
                        VALUES (:changeSet, :owner, :template, :version, :checklist, :form, :eula, :eulaVersion, NULL,
                            :at)
                        """)
                .param("changeSet", origin.changeSetId())
                .param("owner", origin.owner())
                .param("template", origin.templateId())
                .param("version", origin.templateVersion())
                .param("checklist", origin.checklistId())
                .param("form", origin.approvalFormId())
                .param("eula", origin.eulaTemplateId())
                .param("eulaVersion", origin.eulaVersion())
                .param("at", Timestamp.from(origin.createdAt()))
                .update();
    }

    /** Names the offer a template's change set created; other change sets have no origin row and change nothing. */
    void completeOrigin(UUID owner, String changeSetId, String offerId) {
        jdbc.sql("""
                        UPDATE gtm.offer_origin SET offer_id = :offer
                        WHERE change_set_id = :changeSet AND owner = :owner AND offer_id IS NULL
                        """)
                .param("offer", offerId)
                .param("changeSet", changeSetId)
                .param("owner", owner)
                .update();
    }

    Optional<Origin> originOfOffer(UUID owner, String offerId) {
        return jdbc.sql("SELECT * FROM gtm.offer_origin WHERE owner = :owner AND offer_id = :offer")
                .param("owner", owner)
                .param("offer", offerId)
                .query(TemplateRepository::origin)
                .optional();
    }

    Optional<Origin> originOfChangeSet(UUID owner, String changeSetId) {
        return jdbc.sql("SELECT * FROM gtm.offer_origin WHERE owner = :owner AND change_set_id = :changeSet")
                .param("owner", owner)
                .param("changeSet", changeSetId)
                .query(TemplateRepository::origin)
                .optional();
    }

    // Per-offer checklist state

    public void recordEntry(UUID owner, String offerId, ChecklistEntry entry) {
        jdbc.sql("""
                        INSERT INTO gtm.checklist_entry (owner, offer_id, item_key, evidence, signed_off, recorded_by,
                            recorded_at)
                        VALUES (:owner, :offer, :key, :evidence, :signedOff, :by, :at)
                        ON CONFLICT (owner, offer_id, item_key) DO UPDATE SET evidence = excluded.evidence,
                            signed_off = excluded.signed_off, recorded_by = excluded.recorded_by,
                            recorded_at = excluded.recorded_at
                        """)
                .param("owner", owner)
                .param("offer", offerId)
                .param("key", entry.itemKey())
                .param("evidence", entry.evidence())
                .param("signedOff", entry.signedOff())
                .param("by", entry.recordedBy())
                .param("at", Timestamp.from(entry.recordedAt()))
                .update();
    }

    public List<ChecklistEntry> entries(UUID owner, String offerId) {
        return jdbc.sql("""
                        SELECT item_key, evidence, signed_off, recorded_by, recorded_at FROM gtm.checklist_entry
                        WHERE owner = :owner AND offer_id = :offer
                        """)
                .param("owner", owner)
                .param("offer", offerId)
                .query((rs, row) -> new ChecklistEntry(
                        rs.getString("item_key"),
                        rs.getString("evidence"),
                        rs.getBoolean("signed_off"),
                        rs.getString("recorded_by"),
                        rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    // Row mappers

    private static Clause clause(ResultSet rs, int row) throws SQLException {
        return new Clause(
                rs.getString("id"),
                rs.getObject("owner", UUID.class),
                ClauseKind.valueOf(rs.getString("kind")),
                rs.getInt("latest_version"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static ClauseVersion clauseVersion(ResultSet rs, int row) throws SQLException {
        return new ClauseVersion(
                rs.getString("clause_id"),
                rs.getInt("version"),
                rs.getString("title"),
                rs.getString("body"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"));
    }

    private static EulaTemplate eulaTemplate(ResultSet rs, int row) throws SQLException {
        return new EulaTemplate(
                rs.getString("id"),
                rs.getObject("owner", UUID.class),
                rs.getInt("latest_version"),
                rs.getTimestamp("created_at").toInstant());
    }

    private EulaTemplateVersion eulaVersion(ResultSet rs, int row) throws SQLException {
        return new EulaTemplateVersion(
                rs.getString("template_id"),
                rs.getInt("version"),
                rs.getString("name"),
                json.readValue(rs.getString("clauses"), CLAUSE_REFS),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"));
    }

    private PricingTemplate pricingTemplate(ResultSet rs, int row) throws SQLException {
        return new PricingTemplate(
                rs.getString("id"),
                rs.getObject("owner", UUID.class),
                rs.getString("name"),
                PricingShape.valueOf(rs.getString("shape")),
                rs.getInt("duration_months"),
                rs.getString("currency"),
                (ObjectNode) json.readTree(rs.getString("terms")),
                rs.getTimestamp("created_at").toInstant());
    }

    private ApprovalForm approvalForm(ResultSet rs, int row) throws SQLException {
        return new ApprovalForm(
                rs.getString("id"),
                rs.getObject("owner", UUID.class),
                rs.getString("name"),
                json.readValue(rs.getString("fields"), FIELDS),
                rs.getTimestamp("created_at").toInstant());
    }

    private Checklist checklist(ResultSet rs, int row) throws SQLException {
        return new Checklist(
                rs.getString("id"),
                rs.getObject("owner", UUID.class),
                rs.getString("name"),
                json.readValue(rs.getString("items"), ITEMS),
                rs.getTimestamp("created_at").toInstant());
    }

    private static OfferTemplate offerTemplate(ResultSet rs, int row) throws SQLException {
        return new OfferTemplate(
                rs.getString("id"),
                rs.getObject("owner", UUID.class),
                rs.getString("name"),
                rs.getInt("version"),
                rs.getString("eula_template_id"),
                rs.getObject("eula_version", Integer.class),
                rs.getString("pricing_template_id"),
                rs.getString("approval_form_id"),
                rs.getString("checklist_id"),
                rs.getInt("expiry_days"),
                rs.getString("renewal_mode") == null ? null : RenewalMode.valueOf(rs.getString("renewal_mode")),
                rs.getBigDecimal("renewal_increase_percent"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static Origin origin(ResultSet rs, int row) throws SQLException {
        return new Origin(
                rs.getString("change_set_id"),
                rs.getObject("owner", UUID.class),
                rs.getString("template_id"),
                rs.getInt("template_version"),
                rs.getString("checklist_id"),
                rs.getString("approval_form_id"),
                rs.getString("eula_template_id"),
                rs.getObject("eula_version", Integer.class),
                rs.getString("offer_id"),
                rs.getTimestamp("created_at").toInstant());
    }
}
