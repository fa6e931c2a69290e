package io.offerdesk.disbursement.internal.payout.rest;

import io.offerdesk.disbursement.internal.payout.DisbursementPreferences;
import io.offerdesk.disbursement.internal.payout.domain.BankAccountReference;
import io.offerdesk.disbursement.internal.payout.domain.Frequency;
import io.offerdesk.disbursement.internal.payout.domain.PayoutPreference;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** How a seller or channel partner is paid, per currency (its administrators and finance users). */
@RestController
@Tag(name = "Disbursement preferences", description = "How often, and into which bank account, a payee is paid")
class DisbursementPreferencesApi {

    /**
     * @param dayOfMonth the day (1–28) of a monthly disbursement; absent for daily
     * @param bankAccount masked: only its last four characters
     * @param isDefault true when the payee set nothing for the currency: monthly on the 1st
     */
    record PreferenceJson(
            String currencyCode,
            Frequency frequency,
            @Nullable Integer dayOfMonth,
            @Nullable String bankAccount,
            boolean isDefault,
            @Nullable Instant updatedAt,
            @Nullable String updatedBy) {

        static PreferenceJson of(PayoutPreference p) {
            return new PreferenceJson(
                    p.currency().getCode(),
                    p.frequency(),
                    p.dayOfMonth(),
                    p.bankAccount() == null ? null : BankAccountReference.masked(p.bankAccount()),
                    p.isDefault(),
                    p.updatedAt(),
                    p.updatedBy());
        }
    }

    record PreferencesJson(List<PreferenceJson> items) {}

    /**
     * @param bankAccount an IBAN, or a US ACH account as "routing-account" (USD only); absent keeps none
     */
    record PreferenceBody(
            @Nullable String frequency,
            @Nullable Integer dayOfMonth,
            @Nullable String bankAccount) {}

    private final DisbursementPreferences preferences;

    DisbursementPreferencesApi(DisbursementPreferences preferences) {
        this.preferences = preferences;
    }

    @GetMapping("/api/v1/disbursement-preferences")
    @Operation(summary = "The caller's party's preference for each currency; the default where it set none")
    PreferencesJson list(OfferdeskPrincipal me) {
        return new PreferencesJson(
                preferences.of(me).stream().map(PreferenceJson::of).toList());
    }

    @PutMapping("/api/v1/disbursement-preferences/{currencyCode}")
    @Operation(summary = "Set how the caller's party is paid in the currency: DAILY, or MONTHLY on a day 1–28")
    PreferenceJson set(OfferdeskPrincipal me, @PathVariable String currencyCode, @RequestBody PreferenceBody body) {
        return PreferenceJson.of(
                preferences.set(me, currencyCode, body.frequency(), body.dayOfMonth(), body.bankAccount()));
    }
}
