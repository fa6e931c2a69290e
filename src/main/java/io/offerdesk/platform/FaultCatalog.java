package io.offerdesk.platform;

import java.util.List;
import java.util.Optional;

/**
 * The errors the simulator may answer a call with, as the API that owns the operation models them: the simulator's
 * fault control ({@link SimulatorControls#fault}) accepts only those, so that a client's SDK can parse what it gets.
 * An SPI: the module that serves the operations implements it.
 */
public interface FaultCatalog {

    /**
     * The error codes the operation is modeled to answer with, or absent when the service or the operation is not
     * one this catalog knows.
     *
     * @param service the botocore name of the service ({@code marketplace-entitlement})
     * @param operation the operation's name in the model ({@code GetEntitlements})
     */
    Optional<List<String>> modeledErrors(String service, String operation);
}
