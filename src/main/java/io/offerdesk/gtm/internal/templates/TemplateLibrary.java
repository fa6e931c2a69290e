package io.offerdesk.gtm.internal.templates;

import io.offerdesk.gtm.internal.templates.TemplateRepository.ApprovalForm;
import io.offerdesk.gtm.internal.templates.TemplateRepository.Checklist;
import io.offerdesk.gtm.internal.templates.TemplateRepository.ChecklistItem;
import io.offerdesk.gtm.internal.templates.TemplateRepository.Clause;
import io.offerdesk.gtm.internal.templates.TemplateRepository.ClauseRef;
import io.offerdesk.gtm.internal.templates.TemplateRepository.ClauseVersion;
import io.offerdesk.gtm.internal.templates.TemplateRepository.EulaTemplate;
import io.offerdesk.gtm.internal.templates.TemplateRepository.EulaTemplateVersion;
import io.offerdesk.gtm.internal.templates.TemplateRepository.FormField;
import io.offerdesk.gtm.internal.templates.TemplateRepository.OfferTemplate;
import io.offerdesk.gtm.internal.templates.TemplateRepository.PricingTemplate;
import io.offerdesk.gtm.internal.templates.domain.ClauseKind;
import io.offerdesk.gtm.internal.templates.domain.ComposedEula;
import io.offerdesk.gtm.internal.templates.domain.EulaComposition;
import io.offerdesk.gtm.internal.templates.domain.EulaComposition.ClauseText;
import io.offerdesk.gtm.internal.templates.domain.PricingShape;
import io.offerdesk.gtm.internal.templates.domain.Redline;
import io.offerdesk.gtm.internal.templates.domain.RenewalMode;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.RandomIds;
import io.offerdesk.shared.Role;
import io.offerdesk.shared.Validations;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The template library of a seller or channel partner: EULA clauses and their versions, EULA templates, pricing and
 * payment templates, approval forms, risk checklists and offer templates. Every user of the party reads it; authors
 * and administrators change it; another party's templates do not exist (404), and buyers and the operator may not
 * use it (403). Versions of clauses and EULA templates are immutable: a save adds the next version.
 */
@Service
public class TemplateLibrary {

    public static final int NAME_MAX = 200;
    public static final int TEXT_MAX = 20_000;
    public static final int ITEMS_MAX = 30;
    public static final int CLAUSES_MAX = 20;
    public static final int KEY_MAX = 40;
    public static final int EXPIRY_DAYS_MAX = 365;
    public static final int DEFAULT_EXPIRY_DAYS = 30;
    public static final BigDecimal INCREASE_MAX = BigDecimal.valueOf(100);
    /** The currencies of upfront and schedule terms (DESIGN §3); usage terms are in USD only. */
    public static final Set<String> CURRENCIES = Set.of("USD", "EUR", "GBP", "AUD", "JPY");

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{0," + (KEY_MAX - 1) + "}");

    /** A clause version as a EULA template version picks it: the clause's latest version when absent. */
    public record ClausePick(
            @Nullable String clauseId, @Nullable Integer version) {}

    /**
     * What an offer template combines.
     *
     * @param eulaVersion the EULA template version; the latest when saved without one
     * @param expiryDays how many days after its creation the offer expires
     * @param renewalMode how the renewal engine renews agreements made from the template's offers ({@link
     *     RenewalMode}); absent, the party's default
     * @param renewalIncreasePercent the price increase of such a renewal, 0 to 100 with two decimals; absent, the
     *     party's default
     */
    public record OfferTemplateContent(
            @Nullable String name,
            @Nullable String eulaTemplateId,
            @Nullable Integer eulaVersion,
            @Nullable String pricingTemplateId,
            @Nullable String approvalFormId,
            @Nullable String checklistId,
            @Nullable Integer expiryDays,
            @Nullable String renewalMode,
            @Nullable BigDecimal renewalIncreasePercent) {}

    private final TemplateRepository repository;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    TemplateLibrary(TemplateRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    // Clauses

    @Transactional
    public Clause createClause(
            OfferdeskPrincipal me, @Nullable String kind, @Nullable String title, @Nullable String text) {
        requireAuthor(me);
        var checks = new Validations();
        var parsedKind = choice(checks, "kind", kind, ClauseKind.class);
        checks.text("title", title, NAME_MAX).text("text", text, TEXT_MAX).throwIfInvalid();
        var now = clock.instant();
        var clause = new Clause(
                RandomIds.of("clause-", 16, random), me.partyId(), Validations.present("kind", parsedKind), 1, now);
        repository.insertClause(clause);
        repository.insertClauseVersion(new ClauseVersion(
                clause.id(),
                1,
                Validations.present("title", title).strip(),
                Validations.present("text", text).strip(),
                now,
                me.actor().name()));
        return clause;
    }

    @Transactional
    public ClauseVersion addClauseVersion(
            OfferdeskPrincipal me, String clauseId, @Nullable String title, @Nullable String text) {
        requireAuthor(me);
        clause(me, clauseId);
        new Validations()
                .text("title", title, NAME_MAX)
                .text("text", text, TEXT_MAX)
                .throwIfInvalid();
        var version = repository.addClauseVersion(
                me.partyId(),
                clauseId,
                Validations.present("title", title).strip(),
                Validations.present("text", text).strip(),
                clock.instant(),
                me.actor().name());
        return clauseVersion(me, clauseId, version);
    }

    @Transactional(readOnly = true)
    public List<Clause> clauses(OfferdeskPrincipal me) {
        requireReader(me);
        return repository.clauses(me.partyId());
    }

    @Transactional(readOnly = true)
    public Clause clause(OfferdeskPrincipal me, String id) {
        requireReader(me);
        return repository.clause(me.partyId(), id).orElseThrow(() -> new NotFound("eula-clause", id));
    }

    @Transactional(readOnly = true)
    public List<ClauseVersion> clauseVersions(OfferdeskPrincipal me, String id) {
        clause(me, id);
        return repository.clauseVersions(me.partyId(), id);
    }

    @Transactional(readOnly = true)
    public ClauseVersion clauseVersion(OfferdeskPrincipal me, String id, int version) {
        requireReader(me);
        return repository
                .clauseVersion(me.partyId(), id, version)
                .orElseThrow(() -> new NotFound("eula-clause-version", id + "@" + version));
    }

    /** The word-level redline from one version of a clause (title and text) to another. */
    @Transactional(readOnly = true)
    public List<Redline.Segment> clauseRedline(OfferdeskPrincipal me, String id, int from, int to) {
        var before = clauseVersion(me, id, from);
        var after = clauseVersion(me, id, to);
        return Redline.between(before.title() + "\n" + before.body(), after.title() + "\n" + after.body());
    }

    // EULA templates

    @Transactional
    public EulaTemplateVersion createEulaTemplate(
            OfferdeskPrincipal me, @Nullable String name, @Nullable List<ClausePick> clauses) {
        requireAuthor(me);
        var refs = checkedPicks(me, name, clauses);
        var now = clock.instant();
        var template = new EulaTemplate(RandomIds.of("eulatpl-", 16, random), me.partyId(), 1, now);
        repository.insertEulaTemplate(template);
        var version = new EulaTemplateVersion(
                template.id(),
                1,
                Validations.present("name", name).strip(),
                refs,
                now,
                me.actor().name());
        repository.insertEulaVersion(version);
        return version;
    }

    /** Saves the template as its next version; earlier versions stay as they were. */
    @Transactional
    public EulaTemplateVersion saveEulaTemplate(
            OfferdeskPrincipal me, String id, @Nullable String name, @Nullable List<ClausePick> clauses) {
        requireAuthor(me);
        eulaTemplate(me, id);
        var refs = checkedPicks(me, name, clauses);
        var version = repository.addEulaVersion(
                me.partyId(),
                id,
                Validations.present("name", name).strip(),
                refs,
                clock.instant(),
                me.actor().name());
        return eulaVersion(me, id, version);
    }

    @Transactional(readOnly = true)
    public List<EulaTemplate> eulaTemplates(OfferdeskPrincipal me) {
        requireReader(me);
        return repository.eulaTemplates(me.partyId());
    }

    @Transactional(readOnly = true)
    public EulaTemplate eulaTemplate(OfferdeskPrincipal me, String id) {
        requireReader(me);
        return repository.eulaTemplate(me.partyId(), id).orElseThrow(() -> new NotFound("eula-template", id));
    }

    @Transactional(readOnly = true)
    public List<EulaTemplateVersion> eulaVersions(OfferdeskPrincipal me, String id) {
        eulaTemplate(me, id);
        return repository.eulaVersions(me.partyId(), id);
    }

    @Transactional(readOnly = true)
    public EulaTemplateVersion eulaVersion(OfferdeskPrincipal me, String id, int version) {
        requireReader(me);
        return repository
                .eulaVersion(me.partyId(), id, version)
                .orElseThrow(() -> new NotFound("eula-template-version", id + "@" + version));
    }

    /** The EULA a template version composes (ADR 0028). */
    @Transactional(readOnly = true)
    public ComposedEula composed(OfferdeskPrincipal me, String id, int version) {
        return composed(me.partyId(), eulaVersion(me, id, version));
    }

    ComposedEula composed(UUID owner, EulaTemplateVersion version) {
        var texts = new ArrayList<ClauseText>();
        for (var ref : version.clauses()) {
            var clause = repository.clause(owner, ref.clauseId()).orElseThrow();
            var text = repository
                    .clauseVersion(owner, ref.clauseId(), ref.version())
                    .orElseThrow();
            texts.add(new ClauseText(clause.id(), ref.version(), clause.kind(), text.title(), text.body()));
        }
        return EulaComposition.compose(version.name(), texts);
    }

    /** The word-level redline between two versions of a EULA template, as composed EULAs. */
    @Transactional(readOnly = true)
    public List<Redline.Segment> eulaRedline(OfferdeskPrincipal me, String id, int from, int to) {
        return Redline.between(
                composed(me, id, from).text(), composed(me, id, to).text());
    }

    // Pricing templates

    @Transactional
    public PricingTemplate createPricingTemplate(
            OfferdeskPrincipal me,
            @Nullable String name,
            @Nullable String shape,
            @Nullable Integer durationMonths,
            @Nullable String currency) {
        requireAuthor(me);
        var checks = new Validations();
        checks.text("name", name, NAME_MAX);
        var parsedShape = choice(checks, "shape", shape, PricingShape.class);
        checks.required("durationMonths", durationMonths);
        if (parsedShape != null && durationMonths != null) {
            var problem = parsedShape.durationProblem(durationMonths);
            checks.check(problem == null, "durationMonths", problem == null ? "" : problem, PricingShape.MONTHS_MAX);
        }
        var code = currency == null || currency.isBlank() ? "USD" : currency.strip();
        checks.check(
                CURRENCIES.contains(code),
                "currency",
                "templates.pricing.currency",
                String.join(", ", CURRENCIES.stream().sorted().toList()));
        checks.check(
                parsedShape != PricingShape.UPFRONT_PLUS_USAGE || code.equals("USD"),
                "currency",
                "templates.pricing.usageInUsd");
        checks.throwIfInvalid();
        var checkedShape = Validations.present("shape", parsedShape);
        int months = Validations.present("durationMonths", durationMonths);
        var template = new PricingTemplate(
                RandomIds.of("pricetpl-", 16, random),
                me.partyId(),
                Validations.present("name", name).strip(),
                checkedShape,
                months,
                code,
                checkedShape.skeleton(months, code),
                clock.instant());
        repository.insertPricingTemplate(template);
        return template;
    }

    @Transactional(readOnly = true)
    public List<PricingTemplate> pricingTemplates(OfferdeskPrincipal me) {
        requireReader(me);
        return repository.pricingTemplates(me.partyId());
    }

    @Transactional(readOnly = true)
    public PricingTemplate pricingTemplate(OfferdeskPrincipal me, String id) {
        requireReader(me);
        return repository.pricingTemplate(me.partyId(), id).orElseThrow(() -> new NotFound("pricing-template", id));
    }

    // Approval forms and checklists

    @Transactional
    public ApprovalForm createApprovalForm(
            OfferdeskPrincipal me, @Nullable String name, @Nullable List<FormField> fields) {
        requireAuthor(me);
        var checks = new Validations();
        checks.text("name", name, NAME_MAX);
        checkList(checks, "fields", fields);
        var keys = new HashSet<String>();
        var list = fields == null ? List.<FormField>of() : fields;
        for (int i = 0; i < list.size(); i++) {
            var field = list.get(i);
            var path = "fields[" + i + "].";
            checkKey(checks, path + "key", field.key(), keys);
            checks.text(path + "label", field.label(), NAME_MAX);
        }
        checks.throwIfInvalid();
        var form = new ApprovalForm(
                RandomIds.of("apform-", 16, random),
                me.partyId(),
                Validations.present("name", name).strip(),
                list.stream()
                        .map(f -> new FormField(f.key(), f.label().strip(), f.required()))
                        .toList(),
                clock.instant());
        repository.insertApprovalForm(form);
        return form;
    }

    @Transactional(readOnly = true)
    public List<ApprovalForm> approvalForms(OfferdeskPrincipal me) {
        requireReader(me);
        return repository.approvalForms(me.partyId());
    }

    @Transactional(readOnly = true)
    public ApprovalForm approvalForm(OfferdeskPrincipal me, String id) {
        requireReader(me);
        return repository.approvalForm(me.partyId(), id).orElseThrow(() -> new NotFound("approval-form", id));
    }

    @Transactional
    public Checklist createChecklist(
            OfferdeskPrincipal me, @Nullable String name, @Nullable List<ChecklistItem> items) {
        requireAuthor(me);
        var checks = new Validations();
        checks.text("name", name, NAME_MAX);
        checkList(checks, "items", items);
        var keys = new HashSet<String>();
        var list = items == null ? List.<ChecklistItem>of() : items;
        for (int i = 0; i < list.size(); i++) {
            var item = list.get(i);
            var path = "items[" + i + "].";
            checkKey(checks, path + "key", item.key(), keys);
            checks.text(path + "text", item.text(), NAME_MAX);
            checks.required(path + "requirement", item.requirement());
        }
        checks.throwIfInvalid();
        var checklist = new Checklist(
                RandomIds.of("checklist-", 16, random),
                me.partyId(),
                Validations.present("name", name).strip(),
                list.stream()
                        .map(i -> new ChecklistItem(i.key(), i.text().strip(), i.requirement()))
                        .toList(),
                clock.instant());
        repository.insertChecklist(checklist);
        return checklist;
    }

    @Transactional(readOnly = true)
    public List<Checklist> checklists(OfferdeskPrincipal me) {
        requireReader(me);
        return repository.checklists(me.partyId());
    }

    @Transactional(readOnly = true)
    public Checklist checklist(OfferdeskPrincipal me, String id) {
        requireReader(me);
        return repository.checklist(me.partyId(), id).orElseThrow(() -> new NotFound("checklist", id));
    }

    // Offer templates

    @Transactional
    public OfferTemplate createOfferTemplate(OfferdeskPrincipal me, OfferTemplateContent content) {
        requireAuthor(me);
        var now = clock.instant();
        var template = checkedOfferTemplate(me, RandomIds.of("offertpl-", 16, random), 1, content, now, now);
        repository.insertOfferTemplate(template);
        return template;
    }

    /** Saves new content as the template's next version; offers made earlier keep the version they came from. */
    @Transactional
    public OfferTemplate updateOfferTemplate(OfferdeskPrincipal me, String id, OfferTemplateContent content) {
        requireAuthor(me);
        var current = offerTemplate(me, id);
        repository.updateOfferTemplate(
                checkedOfferTemplate(me, id, current.version(), content, current.createdAt(), clock.instant()));
        return offerTemplate(me, id);
    }

    @Transactional(readOnly = true)
    public List<OfferTemplate> offerTemplates(OfferdeskPrincipal me) {
        requireReader(me);
        return repository.offerTemplates(me.partyId());
    }

    @Transactional(readOnly = true)
    public OfferTemplate offerTemplate(OfferdeskPrincipal me, String id) {
        requireReader(me);
        return repository.offerTemplate(me.partyId(), id).orElseThrow(() -> new NotFound("offer-template", id));
    }

    // Access

    /** Sellers and channel partners keep template libraries; anyone else is refused. */
    public static void requireReader(OfferdeskPrincipal me) {
        if (me.partyKind() != PartyKind.SELLER && me.partyKind() != PartyKind.CHANNEL_PARTNER) {
            throw new AccessDeniedException("only sellers and channel partners keep template libraries");
        }
    }

    public static void requireAuthor(OfferdeskPrincipal me) {
        requireReader(me);
        if (!me.has(Role.ADMIN) && !me.has(Role.OFFER_AUTHOR)) {
            throw new AccessDeniedException("only authors and administrators change templates");
        }
    }

    public static boolean mayEdit(OfferdeskPrincipal me) {
        return me.has(Role.ADMIN) || me.has(Role.OFFER_AUTHOR);
    }

    // Checks

    private List<ClauseRef> checkedPicks(
            OfferdeskPrincipal me, @Nullable String name, @Nullable List<ClausePick> picks) {
        var checks = new Validations();
        checks.text("name", name, NAME_MAX);
        var list = picks == null ? List.<ClausePick>of() : picks;
        checks.check(list.size() <= CLAUSES_MAX, "clauses", "validation.size", 0, CLAUSES_MAX);
        var refs = new ArrayList<ClauseRef>();
        var kinds = EnumSet.noneOf(ClauseKind.class);
        for (int i = 0; i < list.size(); i++) {
            var pick = list.get(i);
            var field = "clauses[" + i + "]";
            if (pick.clauseId() == null || pick.clauseId().isBlank()) {
                checks.required(field + ".clauseId", null);
                continue;
            }
            var clause = repository.clause(me.partyId(), pick.clauseId()).orElse(null);
            if (clause == null) {
                checks.check(false, field + ".clauseId", "templates.clause.unknown", pick.clauseId());
                continue;
            }
            var version = pick.version() == null ? clause.latestVersion() : pick.version();
            checks.check(
                    version >= 1 && version <= clause.latestVersion(),
                    field + ".version",
                    "templates.clause.unknownVersion",
                    version);
            checks.check(kinds.add(clause.kind()), field + ".clauseId", "templates.eula.duplicateKind", clause.kind());
            refs.add(new ClauseRef(clause.id(), version));
        }
        checks.throwIfInvalid();
        return refs;
    }

    private OfferTemplate checkedOfferTemplate(
            OfferdeskPrincipal me,
            String id,
            int version,
            OfferTemplateContent content,
            java.time.Instant createdAt,
            java.time.Instant updatedAt) {
        var owner = me.partyId();
        var checks = new Validations();
        checks.text("name", content.name(), NAME_MAX);
        Integer eulaVersion = null;
        if (content.eulaTemplateId() != null) {
            var eula = repository.eulaTemplate(owner, content.eulaTemplateId()).orElse(null);
            checks.check(eula != null, "eulaTemplateId", "templates.unknown", content.eulaTemplateId());
            if (eula != null) {
                eulaVersion = content.eulaVersion() == null ? eula.latestVersion() : content.eulaVersion();
                checks.check(
                        eulaVersion >= 1 && eulaVersion <= eula.latestVersion(),
                        "eulaVersion",
                        "templates.clause.unknownVersion",
                        eulaVersion);
            }
        }
        known(checks, "pricingTemplateId", content.pricingTemplateId(), i -> repository.pricingTemplate(owner, i));
        known(checks, "approvalFormId", content.approvalFormId(), i -> repository.approvalForm(owner, i));
        known(checks, "checklistId", content.checklistId(), i -> repository.checklist(owner, i));
        var expiryDays = content.expiryDays() == null ? DEFAULT_EXPIRY_DAYS : content.expiryDays();
        checks.check(
                expiryDays >= 1 && expiryDays <= EXPIRY_DAYS_MAX, "expiryDays", "validation.range", 1, EXPIRY_DAYS_MAX);
        var renewalMode = renewalMode(checks, "renewalMode", content.renewalMode());
        checkIncrease(checks, "renewalIncreasePercent", content.renewalIncreasePercent());
        checks.throwIfInvalid();
        return new OfferTemplate(
                id,
                owner,
                Validations.present("name", content.name()).strip(),
                version,
                content.eulaTemplateId(),
                eulaVersion,
                content.pricingTemplateId(),
                content.approvalFormId(),
                content.checklistId(),
                expiryDays,
                renewalMode,
                content.renewalIncreasePercent(),
                createdAt,
                updatedAt);
    }

    /** A renewal mode by its name; a blank one is absent. */
    public static @Nullable RenewalMode renewalMode(Validations checks, String field, @Nullable String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return RenewalMode.valueOf(name.strip());
        } catch (IllegalArgumentException unknown) {
            checks.check(false, field, "renewals.mode.unknown", name);
            return null;
        }
    }

    /** A renewal price increase: 0 to 100 percent with at most two decimals, as AWS's FixedPercentage. */
    public static void checkIncrease(Validations checks, String field, @Nullable BigDecimal percent) {
        if (percent == null) {
            return;
        }
        checks.check(
                percent.signum() >= 0
                        && percent.compareTo(INCREASE_MAX) <= 0
                        && percent.stripTrailingZeros().scale() <= 2,
                field,
                "renewals.increase.range",
                0,
                100);
    }

    private static void known(
            Validations checks,
            String field,
            @Nullable String id,
            java.util.function.Function<String, java.util.Optional<?>> find) {
        if (id != null) {
            checks.check(find.apply(id).isPresent(), field, "templates.unknown", id);
        }
    }

    private static void checkList(Validations checks, String field, @Nullable List<?> list) {
        checks.check(
                list != null && !list.isEmpty() && list.size() <= ITEMS_MAX, field, "validation.size", 1, ITEMS_MAX);
    }

    private static void checkKey(Validations checks, String field, @Nullable String key, Set<String> seen) {
        checks.required(field, key);
        checks.matches(field, key, KEY, "templates.key");
        checks.check(key == null || seen.add(key), field, "templates.duplicateKey", key == null ? "" : key);
    }

    private static <E extends Enum<E>> @Nullable E choice(
            Validations checks, String field, @Nullable String value, Class<E> type) {
        checks.required(field, value);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            checks.check(
                    false,
                    field,
                    "templates.oneOf",
                    String.join(
                            ", ",
                            java.util.Arrays.stream(type.getEnumConstants())
                                    .map(Enum::name)
                                    .toList()));
            return null;
        }
    }
}
