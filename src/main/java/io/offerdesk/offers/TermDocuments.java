package io.offerdesk.offers;

import io.offerdesk.offers.internal.domain.OfferChanges;
import io.offerdesk.offers.internal.domain.OfferDocuments;
import io.offerdesk.shared.Validations;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Offer terms in AWS's JSON shape, for modules whose entities carry terms shaped like an offer's: a resale
 * authorization's {@code ResaleConfigurableUpfrontPricingTerm} is a {@code ConfigurableUpfrontPricingTerm} under
 * another name. Reading and writing go through the offers module's own shapes, so each term has one JSON shape.
 */
public final class TermDocuments {

    private TermDocuments() {}

    /**
     * Reads a term of an offer term type (e.g. {@code FixedUpfrontPricingTerm}) from {@code node}, ignoring the node's
     * own {@code Type}; every broken member is reported to {@code checks} with its path below {@code path}.
     *
     * @return the term, or absent when a member broke a rule
     */
    public static @Nullable Term read(JsonNode node, String path, String offerTermType, Validations checks) {
        return OfferDocuments.readTerm(node, path, offerTermType, checks);
    }

    /**
     * The change type that sets the term on an offer, e.g. {@code UpdatePricingTerms} for every pricing term, for
     * modules that write an offer's terms back as changes.
     */
    public static String changeTypeFor(Term term) {
        return OfferChanges.changeTypeFor(term.type());
    }

    /** The term as an {@code Update…Terms} change takes it, with its offer {@code Type}. */
    public static ObjectNode change(Term term) {
        return OfferDocuments.changeTerm(term);
    }

    /** The term as {@code DescribeEntity} writes it, with its offer {@code Type}. */
    public static ObjectNode describe(Term term) {
        return OfferDocuments.describeTerm(term);
    }
}
