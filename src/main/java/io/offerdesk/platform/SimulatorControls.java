package io.offerdesk.platform;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * What the operator told the simulator to do to a party's automation, for people testing how their programs cope with
 * AWS's failure modes (see {@code /simulation}). Outside simulation mode nothing can be set, so every answer is "no".
 */
public interface SimulatorControls {

    /**
     * The modeled error this call is to be answered with ({@code ThrottlingException}, {@code
     * InternalServerException}, ... as the operator chose from {@link FaultCatalog}), if any; a fault of a number of
     * calls counts the call and ends after its last one. Cluster-safe: one row per fault, counted down in the
     * database.
     *
     * @param service the botocore name of the service ({@code marketplace-entitlement})
     * @param operation the operation's name in the model ({@code GetEntitlements})
     */
    Optional<String> fault(UUID partyId, String service, String operation);

    /**
     * The error code the party's change set that changes the entity is to fail with, taken once: the failure is
     * committed as used at once, whatever becomes of the caller's transaction (the failed change set rolls its own
     * back).
     */
    Optional<String> takeChangeSetFailure(UUID partyId, String entityId);

    /** How long after its start the engine is to wait before it applies a change set of the party, if at all. */
    Optional<Duration> changeSetDelay(UUID partyId);
}
