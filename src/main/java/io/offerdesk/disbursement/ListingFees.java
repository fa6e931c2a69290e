package io.offerdesk.disbursement;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The listing fee of accepted agreements, for the modules that move collected money (invoicing's collection split)
 * and show what sellers are charged. Unscoped: callers apply their own visibility rules.
 */
public interface ListingFees {

    /** The fee fixed for the agreement at acceptance; empty for an agreement accepted before fees were kept. */
    Optional<AgreementFee> rateFor(String agreementId);

    /** The fees of those of the agreements that have one, by agreement id. */
    Map<String, AgreementFee> ratesFor(Collection<String> agreementIds);
}
