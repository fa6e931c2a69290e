package io.offerdesk.offers.internal.web;

import io.offerdesk.changesets.StartChangeSet.RequestedChange;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.Term.ValidityTerm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How long an agreement made from the offer runs, and until when the buyer may accept the offer. An agreement runs
 * for a number of months from acceptance (or from a future start date), or between fixed dates; the offer expires at
 * the end of its availability end date, in UTC. Saved as {@code UpdateValidityTerms} and {@code UpdateAvailability}
 * in one change set, because the engine checks the two against each other.
 *
 * @param mode {@code DURATION} or {@code DATES}
 */
public record ValidityForm(String mode, String months, String startDate, String endDate, String availabilityEndDate) {

    static final String DURATION = "DURATION";
    static final String DATES = "DATES";

    static ValidityForm of(Offer offer) {
        var term = offer.term(ValidityTerm.class);
        var duration = term.map(ValidityTerm::agreementDuration).orElse(null);
        var end = term.map(ValidityTerm::agreementEndDate).orElse(null);
        return new ValidityForm(
                end != null ? DATES : DURATION,
                duration == null ? "12" : Long.toString(duration.toTotalMonths()),
                term.map(ValidityTerm::agreementStartDate).map(Object::toString).orElse(""),
                Objects.toString(end, ""),
                Objects.toString(offer.availabilityEndDate(), ""));
    }

    static ValidityForm from(Map<String, String> params) {
        return new ValidityForm(
                FormValues.text(params, "mode"),
                FormValues.text(params, "months"),
                FormValues.text(params, "Terms[0].AgreementStartDate"),
                FormValues.text(params, "Terms[0].AgreementEndDate"),
                FormValues.text(params, "AvailabilityEndDate"));
    }

    List<RequestedChange> changes(String offerId) {
        var term = Details.term("ValidityTerm");
        if (DATES.equals(mode)) {
            putIfTyped(term, "AgreementStartDate", startDate);
            putIfTyped(term, "AgreementEndDate", endDate);
        } else {
            term.put("AgreementDuration", "P" + months + "M");
            putIfTyped(term, "AgreementStartDate", startDate);
        }
        var changes = new ArrayList<RequestedChange>();
        changes.add(Details.change("UpdateValidityTerms", offerId, Details.terms(term)));
        if (!availabilityEndDate.isEmpty()) {
            var availability = Details.object();
            availability.put("AvailabilityEndDate", availabilityEndDate);
            changes.add(Details.change("UpdateAvailability", offerId, availability));
        }
        return changes;
    }

    private static void putIfTyped(tools.jackson.databind.node.ObjectNode term, String name, String value) {
        if (!value.isEmpty()) {
            term.put(name, value);
        }
    }
}
