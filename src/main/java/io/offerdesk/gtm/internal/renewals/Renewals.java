package io.offerdesk.gtm.internal.renewals;

import io.offerdesk.agreements.Agreement;
import io.offerdesk.agreements.EndTimeBehavior;
import io.offerdesk.gtm.events.RenewalSettingsChanged;
import io.offerdesk.gtm.internal.renewals.RenewalRepository.Draft;
import io.offerdesk.gtm.internal.renewals.RenewalRepository.Settings;
import io.offerdesk.gtm.internal.templates.TemplateLibrary;
import io.offerdesk.gtm.internal.templates.domain.RenewalMode;
import io.offerdesk.platform.DueWorkSignals;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.Role;
import io.offerdesk.shared.Validations;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The renewal engine as a party sees it: its settings (administrators change them, authors read them), the agreements
 * within the lead window with what will become of them, and the drafts the engine made. Sellers and channel partners
 * only; another party's draft does not exist here.
 */
@Service
public class Renewals {

    public static final int LEAD_DAYS_MIN = 1;
    public static final int LEAD_DAYS_MAX = 365;
    public static final int DEFAULT_LEAD_DAYS = 90;
    public static final int DRAFTS_MAX = 500;

    /** What an administrator saves; absent values take the defaults (off, 90 days, replacement, 0 %). */
    public record SettingsRequest(
            @Nullable Boolean enabled,
            @Nullable Integer leadDays,
            @Nullable String defaultMode,
            @Nullable BigDecimal increasePercent) {}

    /** What will become of an agreement within the lead window. */
    public enum Outlook {
        /** It renews by its own renewal term; the engine leaves it alone. */
        RENEWS_AUTOMATICALLY,
        /** The engine drafted its renewal (see the draft's state). */
        DRAFTED,
        /** The engine will draft its renewal at its next run (once switched on). */
        PLANNED
    }

    /**
     * An agreement within the lead window.
     *
     * @param mode how it will renew (or was drafted); absent when it renews automatically
     * @param draft the draft, once made
     */
    public record Upcoming(
            Agreement agreement,
            Outlook outlook,
            @Nullable RenewalMode mode,
            @Nullable BigDecimal increasePercent,
            @Nullable Draft draft) {}

    private final RenewalRepository repository;
    private final RenewalEngine engine;
    private final RenewalDrafter drafter;
    private final ApplicationEventPublisher events;
    private final DueWorkSignals signals;
    private final Clock clock;

    Renewals(
            RenewalRepository repository,
            RenewalEngine engine,
            RenewalDrafter drafter,
            ApplicationEventPublisher events,
            DueWorkSignals signals,
            Clock clock) {
        this.repository = repository;
        this.engine = engine;
        this.drafter = drafter;
        this.events = events;
        this.signals = signals;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Settings settings(OfferdeskPrincipal me) {
        TemplateLibrary.requireReader(me);
        return repository.settings(me.partyId()).orElse(Settings.OFF);
    }

    /**
     * Saves the settings; switching the engine on drafts the agreements already within the window right after the
     * commit, rather than at the next run.
     */
    @Transactional
    public Settings saveSettings(OfferdeskPrincipal me, SettingsRequest request) {
        TemplateLibrary.requireReader(me);
        if (!me.has(Role.ADMIN)) {
            throw new AccessDeniedException("only administrators change the renewal settings");
        }
        var checks = new Validations();
        var leadDays = request.leadDays() == null ? DEFAULT_LEAD_DAYS : request.leadDays();
        checks.check(
                leadDays >= LEAD_DAYS_MIN && leadDays <= LEAD_DAYS_MAX,
                "leadDays",
                "validation.range",
                LEAD_DAYS_MIN,
                LEAD_DAYS_MAX);
        var mode = TemplateLibrary.renewalMode(checks, "defaultMode", request.defaultMode());
        TemplateLibrary.checkIncrease(checks, "increasePercent", request.increasePercent());
        checks.throwIfInvalid();
        var settings = new Settings(
                Boolean.TRUE.equals(request.enabled()),
                leadDays,
                mode == null ? RenewalMode.REPLACEMENT : mode,
                (request.increasePercent() == null ? BigDecimal.ZERO : request.increasePercent()).setScale(2));
        var now = clock.instant();
        repository.saveSettings(me.partyId(), settings, now);
        events.publishEvent(new RenewalSettingsChanged(
                me.partyId(),
                settings.enabled(),
                settings.leadDays(),
                settings.defaultMode().name(),
                settings.increasePercent(),
                me.actor(),
                now));
        if (settings.enabled()) {
            signals.afterCommit(engine);
        }
        return settings;
    }

    /** The drafts the engine made for the party, newest first. */
    @Transactional(readOnly = true)
    public List<Draft> drafts(OfferdeskPrincipal me) {
        TemplateLibrary.requireReader(me);
        return repository.drafts(me.partyId(), DRAFTS_MAX);
    }

    @Transactional(readOnly = true)
    public Draft draft(OfferdeskPrincipal me, String agreementId) {
        TemplateLibrary.requireReader(me);
        return repository
                .draft(me.partyId(), agreementId)
                .orElseThrow(() -> new NotFound("renewal-draft", agreementId));
    }

    /** The party's active agreements ending within its lead days, soonest first, with what will become of each. */
    @Transactional(readOnly = true)
    public List<Upcoming> upcoming(OfferdeskPrincipal me) {
        var settings = settings(me);
        var automation = engine.principal(me.partyId())
                .orElseThrow(() -> new NotFound("party", me.partyId().toString()));
        Instant now = clock.instant();
        var window = engine.upcoming(automation, settings.leadDays(), now);
        var drafts = new HashMap<String, Draft>();
        repository.drafts(me.partyId(), DRAFTS_MAX).forEach(d -> drafts.put(d.agreementId(), d));
        return window.stream()
                .map(agreement -> {
                    if (agreement.endTimeBehavior().type() == EndTimeBehavior.Type.RENEW) {
                        return new Upcoming(agreement, Outlook.RENEWS_AUTOMATICALLY, null, null, null);
                    }
                    var draft = drafts.get(agreement.id().value());
                    if (draft != null) {
                        return new Upcoming(agreement, Outlook.DRAFTED, draft.mode(), draft.increasePercent(), draft);
                    }
                    var plan = drafter.plan(automation, settings, agreement);
                    return new Upcoming(agreement, Outlook.PLANNED, plan.mode(), plan.increasePercent(), null);
                })
                .toList();
    }
}
