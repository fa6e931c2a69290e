package io.offerdesk.gtm.internal.renewals;

import io.offerdesk.gtm.internal.renewals.RenewalRepository.Draft;
import io.offerdesk.gtm.internal.renewals.RenewalRepository.Settings;
import io.offerdesk.gtm.internal.renewals.Renewals.SettingsRequest;
import io.offerdesk.gtm.internal.renewals.Renewals.Upcoming;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The renewal engine's settings, the agreements within its lead window and the drafts it made. */
@RestController
@Tag(name = "Renewals", description = "The renewal engine: settings, upcoming agreements and the renewal drafts")
class RenewalsApi {

    /**
     * @param defaultMode REPLACEMENT, FUTURE_DATED or NEW_OFFER; an offer template's renewal plan overrides it
     * @param increasePercent the price increase of a renewal, 0 to 100 with two decimals
     */
    record SettingsJson(boolean enabled, int leadDays, String defaultMode, BigDecimal increasePercent) {
        static SettingsJson of(Settings s) {
            return new SettingsJson(s.enabled(), s.leadDays(), s.defaultMode().name(), s.increasePercent());
        }
    }

    /**
     * @param agreementOfferId the offer the agreement was made from
     * @param offerId the renewal offer, once its change set succeeded
     * @param state DRAFTING, QUEUED (approvals requested), READY (the policy asks none) or FAILED (see reason)
     */
    record DraftJson(
            String agreementId,
            String agreementOfferId,
            String productId,
            String acceptorAccountId,
            Instant agreementEnd,
            String mode,
            BigDecimal increasePercent,
            @Nullable String templateId,
            String state,
            @Nullable String changeSetId,
            @Nullable String offerId,
            @Nullable UUID approvalRequestId,
            @Nullable String reason,
            Instant createdAt) {
        static DraftJson of(Draft d) {
            return new DraftJson(
                    d.agreementId(),
                    d.agreementOfferId(),
                    d.productId(),
                    d.acceptorAccountId(),
                    d.agreementEnd(),
                    d.mode().name(),
                    d.increasePercent(),
                    d.templateId(),
                    d.state().name(),
                    d.changeSetId(),
                    d.offerId(),
                    d.approvalRequestId(),
                    d.reason(),
                    d.createdAt());
        }
    }

    record DraftsJson(List<DraftJson> drafts) {}

    /** @param outlook RENEWS_AUTOMATICALLY, DRAFTED or PLANNED */
    record UpcomingJson(
            String agreementId,
            String offerId,
            String acceptorAccountId,
            @Nullable Instant endTime,
            String outlook,
            @Nullable String mode,
            @Nullable BigDecimal increasePercent,
            @Nullable String draftState) {
        static UpcomingJson of(Upcoming u) {
            var a = u.agreement();
            return new UpcomingJson(
                    a.id().value(),
                    a.offerId(),
                    a.acceptorAccountId().value(),
                    a.endTime(),
                    u.outlook().name(),
                    u.mode() == null ? null : u.mode().name(),
                    u.increasePercent(),
                    u.draft() == null ? null : u.draft().state().name());
        }
    }

    record UpcomingListJson(List<UpcomingJson> agreements) {}

    private final Renewals renewals;

    RenewalsApi(Renewals renewals) {
        this.renewals = renewals;
    }

    @GetMapping("/api/v1/renewal-settings")
    @Operation(summary = "The caller's party's renewal settings (off until an administrator switches them on)")
    SettingsJson settings(OfferdeskPrincipal me) {
        return SettingsJson.of(renewals.settings(me));
    }

    @PutMapping("/api/v1/renewal-settings")
    @Operation(
            summary = "Switch the renewal engine on or off and set its lead days (1-365), default mode and increase;"
                    + " administrators only")
    SettingsJson saveSettings(OfferdeskPrincipal me, @RequestBody SettingsRequest request) {
        return SettingsJson.of(renewals.saveSettings(me, request));
    }

    @GetMapping("/api/v1/renewal-drafts")
    @Operation(summary = "The renewals the engine drafted for the caller's party, newest first")
    DraftsJson drafts(OfferdeskPrincipal me) {
        return new DraftsJson(renewals.drafts(me).stream().map(DraftJson::of).toList());
    }

    @GetMapping("/api/v1/renewal-drafts/upcoming")
    @Operation(summary = "The party's active agreements ending within the lead days and what will become of each")
    UpcomingListJson upcoming(OfferdeskPrincipal me) {
        return new UpcomingListJson(
                renewals.upcoming(me).stream().map(UpcomingJson::of).toList());
    }

    @GetMapping("/api/v1/renewal-drafts/{agreementId}")
    @Operation(summary = "The renewal draft of one of the party's agreements")
    DraftJson draft(OfferdeskPrincipal me, @PathVariable String agreementId) {
        return DraftJson.of(renewals.draft(me, agreementId));
    }
}
