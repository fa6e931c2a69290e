package io.offerdesk.invoicing.internal.rest;

import io.offerdesk.invoicing.internal.BillingProfile;
import io.offerdesk.invoicing.internal.BillingProfiles;
import io.offerdesk.invoicing.internal.TaxRate;
import io.offerdesk.invoicing.internal.TaxRates;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** What invoices take from outside the charges: tax rates per buyer country and buyers' billing profiles. */
@RestController
@Tag(name = "Billing settings", description = "Tax rates per buyer country (operator) and buyer billing profiles")
class BillingApi {

    /** @param ratePercent e.g. "19.0000" for 19 % */
    record TaxRateJson(String country, String ratePercent, Instant updatedAt) {
        static TaxRateJson of(TaxRate rate) {
            return new TaxRateJson(rate.country(), rate.ratePercent().toPlainString(), rate.updatedAt());
        }
    }

    record TaxRatesJson(List<TaxRateJson> items) {}

    record TaxRateBody(@Nullable BigDecimal ratePercent) {}

    /**
     * @param defaultNetPaymentDays as set, absent for the marketplace's default
     * @param netPaymentDays what applies to charges whose offer has no net payment term
     */
    record ProfileJson(
            UUID buyerPartyId,
            @Nullable String country,
            @Nullable Integer defaultNetPaymentDays,
            int netPaymentDays,
            @Nullable Instant updatedAt) {}

    record ProfileBody(@Nullable String country, @Nullable Integer defaultNetPaymentDays) {}

    private final TaxRates rates;
    private final BillingProfiles profiles;

    BillingApi(TaxRates rates, BillingProfiles profiles) {
        this.rates = rates;
        this.profiles = profiles;
    }

    @GetMapping("/api/v1/invoicing/tax-rates")
    @Operation(summary = "Operator: the tax rate of every buyer country that has one")
    TaxRatesJson taxRates(OfferdeskPrincipal me) {
        return new TaxRatesJson(rates.rates(me).stream().map(TaxRateJson::of).toList());
    }

    @PutMapping("/api/v1/invoicing/tax-rates/{country}")
    @Operation(summary = "Operator: set the tax rate (percent, 0 to below 100, 4 decimals) of a country (ISO 3166)")
    TaxRateJson setTaxRate(OfferdeskPrincipal me, @PathVariable String country, @RequestBody TaxRateBody body) {
        return TaxRateJson.of(rates.set(me, country, body.ratePercent()));
    }

    @DeleteMapping("/api/v1/invoicing/tax-rates/{country}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Operator: remove a country's tax rate; its buyers are billed no tax from now on")
    void removeTaxRate(OfferdeskPrincipal me, @PathVariable String country) {
        rates.remove(me, country);
    }

    @GetMapping("/api/v1/invoicing/billing-profiles/{buyerPartyId}")
    @Operation(summary = "A buyer's billing profile: country (for tax) and default days to pay (its users, operator)")
    ProfileJson profile(OfferdeskPrincipal me, @PathVariable String buyerPartyId) {
        return json(profiles.profile(me, partyId(buyerPartyId)));
    }

    @PutMapping("/api/v1/invoicing/billing-profiles/{buyerPartyId}")
    @Operation(
            summary = "Set a buyer's billing profile (its private-marketplace administrator, operator); absent"
                    + " fields are cleared")
    ProfileJson saveProfile(OfferdeskPrincipal me, @PathVariable String buyerPartyId, @RequestBody ProfileBody body) {
        return json(profiles.save(me, partyId(buyerPartyId), body.country(), body.defaultNetPaymentDays()));
    }

    private ProfileJson json(BillingProfile profile) {
        return new ProfileJson(
                profile.buyerPartyId(),
                profile.country(),
                profile.defaultNetPaymentDays(),
                profiles.netPaymentDays(profile),
                profile.updatedAt());
    }

    private static UUID partyId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException malformed) {
            // Not an id of any party: as for another tenant's, nothing to see.
            throw new NotFound("buyer", text);
        }
    }
}
