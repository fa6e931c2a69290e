package io.offerdesk.awsapi.internal.agreement;

import io.offerdesk.agreements.AcceptedTerm;
import io.offerdesk.agreements.TermConfiguration;
import io.offerdesk.awsapi.internal.TermWire;
import io.offerdesk.offers.Term;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An agreement's accepted terms as the model's {@code AcceptedTerm} union: one member per term, named after its type
 * in lower camel case, carrying {@code type}, {@code id}, the term's own members and, for the terms that leave the buyer
 * a choice, the buyer's {@code configuration}. Amounts are the decimal strings the seller wrote; dates are timestamps.
 */
final class AcceptedTermShapes {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AcceptedTermShapes() {}

    /**
     * The union member for the term; empty for {@link Term.NetPaymentTerm}, which the model's union has no member for
     * (AWS keeps payment due dates outside the agreement's terms).
     */
    static Optional<ObjectNode> of(AcceptedTerm accepted) {
        var term = accepted.term();
        if (term instanceof Term.NetPaymentTerm) {
            return Optional.empty();
        }
        var body = NODES.objectNode();
        body.put("type", term.type());
        body.put("id", accepted.id());
        TermWire.members(body, term, TermWire.KEY_ONLY, Term.LegalDocument::url);
        configuration(body, term, accepted.configuration());
        return Optional.of(TermWire.union(term, body));
    }

    /** The buyer's choice, for the terms that leave one. */
    private static void configuration(ObjectNode body, Term term, @Nullable TermConfiguration chosen) {
        if (term instanceof Term.ConfigurableUpfrontPricingTerm
                && chosen instanceof TermConfiguration.ContractConfiguration contract) {
            var configuration = body.putObject("configuration")
                    .put("selectorValue", contract.selectorValue().toString());
            var dimensions = configuration.putArray("dimensions");
            contract.dimensions()
                    .forEach(d -> dimensions
                            .addObject()
                            .put("dimensionKey", d.dimensionKey())
                            .put("dimensionValue", d.dimensionValue()));
        } else if (term instanceof Term.VariablePaymentTerm
                && chosen instanceof TermConfiguration.VariablePaymentConfiguration variable) {
            var configuration = body.putObject("configuration")
                    .put(
                            "paymentRequestApprovalStrategy",
                            variable.paymentRequestApprovalStrategy().name());
            if (variable.expirationDuration() != null) {
                configuration.put(
                        "expirationDuration", variable.expirationDuration().toString());
            }
        } else if (term instanceof Term.RenewalTerm
                && chosen instanceof TermConfiguration.RenewalConfiguration renewal) {
            body.putObject("configuration").put("enableAutoRenew", renewal.enableAutoRenew());
        }
    }
}
