package io.offerdesk.platform;

import java.time.Instant;

/**
 * Remembers request signatures until they expire, so that a captured signed request cannot be sent a second time
 * while its signature is still valid. Holds on every node of a cluster: a signature is claimed by one row in the
 * database. Time here is real time, never the simulated clock, because signatures are made with real time.
 */
public interface ReplayGuard {

    /**
     * Claims the signature for one request.
     *
     * @param expiresAt when the signature stops being accepted anyway; the claim is forgotten after it
     * @return false when the signature was claimed before and is still valid: the request is a replay
     */
    boolean claim(String signature, Instant expiresAt);

    /**
     * Forgets the claim of a request that failed, so that a client retrying it (an SDK may sign the retry within the
     * same second, with the same signature) is not refused as a replay.
     */
    void release(String signature);
}
