package io.offerdesk.agreements;

import java.util.List;
import org.joda.money.Money;

/**
 * The wholesale side of a channel partner private offer's agreement: the resale authorization's terms as the buyer's
 * configuration priced them, which is what the ISV is paid. The ISV and the partner see it; the buyer never does.
 *
 * @param resaleAuthorizationId the authorization the partner resold the product under
 * @param terms the wholesale terms, a snapshot like the agreement's own terms
 * @param value the wholesale agreement value, by the same rules as the agreement value
 */
public record Wholesale(String resaleAuthorizationId, List<AcceptedTerm> terms, Money value) {

    public Wholesale {
        terms = List.copyOf(terms);
    }
}
