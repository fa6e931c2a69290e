package io.offerdesk.offers.internal.web;

import io.offerdesk.changesets.StartChangeSet.RequestedChange;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.OfferPricingModel;
import io.offerdesk.offers.PreExistingAgreement.AcquisitionChannel;
import java.util.Map;
import java.util.Objects;

/**
 * The offer's name (buyers see it), its description (they never do) and whether it renews an agreement the buyer
 * already has, which lowers the listing fee. Saved as {@code UpdateInformation}.
 *
 * @param acquisitionChannel a wire name such as {@code AwsMarketplace}
 * @param agreementPricingModel a wire name such as {@code Contract}
 */
public record InformationForm(
        String name, String description, boolean renewal, String acquisitionChannel, String agreementPricingModel) {

    static InformationForm of(Offer offer) {
        var agreement = offer.preExistingAgreement();
        return new InformationForm(
                Objects.requireNonNullElse(offer.name(), ""),
                Objects.requireNonNullElse(offer.description(), ""),
                agreement != null,
                agreement == null
                        ? AcquisitionChannel.AWS_MARKETPLACE.wireName()
                        : agreement.acquisitionChannel().wireName(),
                agreement == null
                        ? OfferPricingModel.CONTRACT.wireName()
                        : agreement.pricingModel().wireName());
    }

    static InformationForm from(Map<String, String> params) {
        return new InformationForm(
                FormValues.text(params, "Name"),
                FormValues.text(params, "Description"),
                FormValues.checked(params, "renewal"),
                FormValues.text(params, "PreExistingAgreement.AcquisitionChannel"),
                FormValues.text(params, "PreExistingAgreement.PricingModel"));
    }

    RequestedChange change(String offerId) {
        var details = Details.object();
        if (!name.isEmpty()) {
            details.put("Name", name);
        }
        if (!description.isEmpty()) {
            details.put("Description", description);
        }
        if (renewal) {
            var agreement = details.putObject("PreExistingAgreement");
            agreement.put("AcquisitionChannel", acquisitionChannel);
            agreement.put("PricingModel", agreementPricingModel);
        } else {
            // An explicit null removes the renewal flag; leaving the member out would keep it.
            details.putNull("PreExistingAgreement");
        }
        return Details.change("UpdateInformation", offerId, details);
    }

    static AcquisitionChannel[] channels() {
        return AcquisitionChannel.values();
    }

    static OfferPricingModel[] pricingModels() {
        return OfferPricingModel.values();
    }
}
