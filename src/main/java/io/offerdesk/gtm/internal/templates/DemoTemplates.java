package io.offerdesk.gtm.internal.templates;

import io.offerdesk.gtm.ChecklistRequirement;
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
import io.offerdesk.gtm.internal.templates.domain.PricingShape;
import io.offerdesk.gtm.internal.templates.domain.RenewalMode;
import io.offerdesk.parties.PartyManagement;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A small template library for the demo seller Acme Analytics: a liability-cap clause in two versions and a data
 * protection clause, an enterprise EULA template, the three pricing shapes, a discount approval form, a risk checklist,
 * and an offer template combining them. Skipped when Acme already has clauses.
 */
@Component
@Order(950)
@ConditionalOnBooleanProperty("offerdesk.demo")
class DemoTemplates implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoTemplates.class);
    private static final String BY = "demo data";

    private final PartyManagement parties;
    private final TemplateRepository repository;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemoTemplates(
            PartyManagement parties, TemplateRepository repository, TransactionTemplate transaction, Clock clock) {
        this.parties = parties;
        this.repository = repository;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> parties.findByName("Acme Analytics")
                .filter(acme -> repository.clauses(acme.id()).isEmpty())
                .ifPresent(acme -> seed(acme.id())));
    }

    private void seed(UUID acme) {
        var now = clock.instant();
        var cap = new Clause("clause-acmedemocap00001", acme, ClauseKind.LIABILITY_CAP, 2, now);
        repository.insertClause(cap);
        repository.insertClauseVersion(new ClauseVersion(
                cap.id(),
                1,
                "Limitation of liability",
                "Each party's total liability is limited to the fees paid in the twelve months before the claim.",
                now,
                BY));
        repository.insertClauseVersion(new ClauseVersion(
                cap.id(),
                2,
                "Limitation of liability",
                "Each party's total liability is limited to twice the fees paid in the twelve months before the"
                        + " claim, except for breaches of confidentiality and data protection.",
                now,
                BY));
        var dpa = new Clause("clause-acmedemodpa00001", acme, ClauseKind.DATA_PROTECTION, 1, now);
        repository.insertClause(dpa);
        repository.insertClauseVersion(new ClauseVersion(
                dpa.id(),
                1,
                "Data processing addendum",
                "Acme processes personal data only on Buyer's documented instructions, within the EU, and notifies"
                        + " Buyer of a personal data breach within 48 hours.",
                now,
                BY));
        var eula = new EulaTemplate("eulatpl-acmedemo00000001", acme, 1, now);
        repository.insertEulaTemplate(eula);
        repository.insertEulaVersion(new EulaTemplateVersion(
                eula.id(),
                1,
                "Acme enterprise EULA",
                List.of(new ClauseRef(cap.id(), 2), new ClauseRef(dpa.id(), 1)),
                now,
                BY));
        var annual = pricing(
                acme, "pricetpl-acmedemo0000001", "36 months, annual in advance", PricingShape.ANNUAL_IN_ADVANCE, 36);
        pricing(acme, "pricetpl-acmedemo0000002", "12 monthly installments", PricingShape.MONTHLY_INSTALLMENTS, 12);
        pricing(acme, "pricetpl-acmedemo0000003", "Upfront + usage overage", PricingShape.UPFRONT_PLUS_USAGE, 12);
        var form = new ApprovalForm(
                "apform-acmedemo00000001",
                acme,
                "Discount approval",
                List.of(
                        new FormField("justification", "Why this discount?", true),
                        new FormField("competitor", "Competing vendor", false),
                        new FormField("discount-reason", "Discount reason", true)),
                now);
        repository.insertApprovalForm(form);
        var checklist = new Checklist(
                "checklist-acmedemo000001",
                acme,
                "Enterprise deal risks",
                List.of(
                        new ChecklistItem("security-review", "Security review report", ChecklistRequirement.EVIDENCE),
                        new ChecklistItem("legal-review", "Legal has read the EULA", ChecklistRequirement.SIGN_OFF)),
                now);
        repository.insertChecklist(checklist);
        repository.insertOfferTemplate(new OfferTemplate(
                "offertpl-acmedemo0000001",
                acme,
                "Enterprise 3-year",
                1,
                eula.id(),
                1,
                annual.id(),
                form.id(),
                checklist.id(),
                30,
                // Acme renews its enterprise deals early, with the new term starting where the old one ends.
                RenewalMode.FUTURE_DATED,
                new BigDecimal("5.00"),
                now,
                now));
        log.info("Seeded the demo template library of Acme Analytics");
    }

    private PricingTemplate pricing(UUID owner, String id, String name, PricingShape shape, int months) {
        var template = new PricingTemplate(
                id, owner, name, shape, months, "USD", shape.skeleton(months, "USD"), clock.instant());
        repository.insertPricingTemplate(template);
        return template;
    }
}
