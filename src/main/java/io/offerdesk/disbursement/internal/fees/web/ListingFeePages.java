package io.offerdesk.disbursement.internal.fees.web;

import io.offerdesk.disbursement.internal.fees.FeeSchedules;
import io.offerdesk.disbursement.internal.fees.domain.FeeRules;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.Conflict;
import io.offerdesk.shared.FieldViolation;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.Role;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator's page of the listing-fee schedule: every version with the one in force marked, a form that adds a
 * version (filled in with the rates in force), and withdrawing a version before it takes effect.
 */
@Controller
class ListingFeePages {

    static final String PATH = "/operator/listing-fees";

    private final FeeSchedules schedules;

    ListingFeePages(FeeSchedules schedules) {
        this.schedules = schedules;
    }

    @GetMapping(PATH)
    String schedule(OfferdeskPrincipal me, Model model) {
        if (!me.has(Role.OPERATOR_ADMIN)) {
            throw new AccessDeniedException("the listing-fee schedule is kept by the marketplace operator");
        }
        model.addAttribute("versions", schedules.versions());
        model.addAttribute("inForce", schedules.inForce());
        model.addAttribute(
                "productTypes", FeeRules.PRODUCT_TYPES.stream().sorted().toList());
        return "disbursement/listingFees";
    }

    /** @param effectiveFrom a UTC date and time as the form's datetime-local input sends it */
    @PostMapping(PATH)
    String add(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable String effectiveFrom,
            @RequestParam(required = false) @Nullable BigDecimal lowerThreshold,
            @RequestParam(required = false) @Nullable BigDecimal upperThreshold,
            @RequestParam(required = false) @Nullable BigDecimal privateBelowLowerPercent,
            @RequestParam(required = false) @Nullable BigDecimal privateBelowUpperPercent,
            @RequestParam(required = false) @Nullable BigDecimal privateFromUpperPercent,
            @RequestParam(required = false) @Nullable BigDecimal renewalPercent,
            @RequestParam(required = false) @Nullable BigDecimal cppoUpliftPercent,
            @RequestParam(required = false) @Nullable BigDecimal professionalServicesPercent,
            @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        var publicPercents = new HashMap<String, BigDecimal>();
        try {
            for (var type : FeeRules.PRODUCT_TYPES) {
                var value = form.get("public." + type);
                if (value != null && !value.isBlank()) {
                    publicPercents.put(type, new BigDecimal(value.strip()));
                }
            }
            var added = schedules.add(
                    me,
                    new FeeRules.Draft(
                            instant(effectiveFrom),
                            lowerThreshold,
                            upperThreshold,
                            privateBelowLowerPercent,
                            privateBelowUpperPercent,
                            privateFromUpperPercent,
                            renewalPercent,
                            cppoUpliftPercent,
                            professionalServicesPercent,
                            publicPercents));
            redirect.addFlashAttribute("added", added);
        } catch (InvalidInput refused) {
            redirect.addFlashAttribute("violations", refused.violations());
        } catch (NumberFormatException malformed) {
            redirect.addFlashAttribute(
                    "violations", List.of(FieldViolation.of("publicPercents", "fees.rate", FeeRules.RATE_SCALE)));
        } catch (Conflict taken) {
            redirect.addFlashAttribute(
                    "violations", List.of(FieldViolation.of("effectiveFrom", "fees.effectiveFromTaken", "")));
        }
        return "redirect:" + PATH;
    }

    /**
     * The agreement's listing fee, loaded by htmx into the agreement page of its seller of record and its ISV: what
     * each charge collected pays. Anyone else (the buyer included) gets 404 and the page shows nothing.
     */
    @GetMapping("/agreements/{agreementId}/listing-fee")
    String agreementFee(OfferdeskPrincipal me, @PathVariable String agreementId, Model model) {
        model.addAttribute("fee", schedules.agreementFee(me, agreementId));
        return "disbursement/agreement-fee :: listingFee";
    }

    @PostMapping(PATH + "/{id}/withdraw")
    String withdraw(OfferdeskPrincipal me, @PathVariable String id, RedirectAttributes redirect) {
        schedules.withdraw(me, id);
        redirect.addFlashAttribute("withdrawn", id);
        return "redirect:" + PATH;
    }

    private static @Nullable Instant instant(@Nullable String local) {
        if (local == null || local.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(local.strip()).toInstant(ZoneOffset.UTC);
        } catch (java.time.format.DateTimeParseException malformed) {
            return null;
        }
    }
}
