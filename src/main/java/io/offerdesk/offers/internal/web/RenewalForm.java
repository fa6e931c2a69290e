package io.offerdesk.offers.internal.web;

import io.offerdesk.changesets.StartChangeSet.RequestedChange;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.Term.PriceIncrease;
import io.offerdesk.offers.Term.RenewalTerm;
import io.offerdesk.platform.FormSubmission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Automatic renewal: off unless enabled. A private offer's renewal names its price increase (a fixed percentage
 * here), and with installments it needs a template of how the renewal is invoiced (charges as months after the
 * renewal and shares of its price). Saved as {@code UpdateRenewalTerms}; disabling sends no term.
 */
public record RenewalForm(boolean enabled, String priceIncrease, String maxRenewals, List<Charge> charges) {

    static final String CHARGES = "charges";

    /** One installment of the renewal, {@code offsetMonths} after it, taking {@code percentage} of its price. */
    public record Charge(String offsetMonths, String percentage) {}

    public RenewalForm {
        charges = List.copyOf(charges);
    }

    static RenewalForm of(Offer offer) {
        var term = offer.term(RenewalTerm.class);
        var increase = term.map(RenewalTerm::priceIncrease)
                .filter(PriceIncrease.FixedPercentage.class::isInstance)
                .map(p -> ((PriceIncrease.FixedPercentage) p).value().toPlainString())
                .orElse("0");
        var charges = term.map(RenewalTerm::paymentScheduleTemplate).stream()
                .flatMap(template -> template.schedule().stream())
                .map(c -> new Charge(
                        Long.toString(c.chargeDateOffset().toTotalMonths()),
                        c.chargePercentage().toPlainString()))
                .toList();
        return new RenewalForm(
                term.isPresent(),
                increase,
                term.map(RenewalTerm::maxRenewals).map(Objects::toString).orElse(""),
                charges);
    }

    static RenewalForm from(Map<String, String> params) {
        return new RenewalForm(
                FormValues.checked(params, "enabled"),
                FormValues.text(params, "priceIncrease"),
                FormValues.text(params, "MaxRenewals"),
                FormSubmission.rows(params, CHARGES).stream()
                        .map(row ->
                                new Charge(row.getOrDefault("offsetMonths", ""), row.getOrDefault("percentage", "")))
                        .toList());
    }

    /** Charges to type into: those given and one empty row. */
    public List<Charge> rows() {
        var rows = new ArrayList<>(charges);
        rows.add(new Charge("", ""));
        return rows;
    }

    RequestedChange change(String offerId) {
        if (!enabled) {
            return Details.change("UpdateRenewalTerms", offerId, Details.terms(null));
        }
        var term = Details.term("RenewalTerm");
        if (!maxRenewals.isEmpty()) {
            Details.putInteger(term, "MaxRenewals", maxRenewals);
        }
        term.putObject("PriceIncrease").put("Type", "FixedPercentage").put("Value", priceIncrease);
        if (!charges.isEmpty()) {
            var template = term.putArray("TermTemplates").addObject();
            template.put("Type", "PaymentScheduleTermTemplate");
            var schedule = template.putArray("Schedule");
            charges.forEach(c -> schedule.addObject()
                    .put("ChargeDateOffset", "P" + c.offsetMonths() + "M")
                    .put("ChargePercentage", c.percentage()));
        }
        return Details.change("UpdateRenewalTerms", offerId, Details.terms(term));
    }
}
