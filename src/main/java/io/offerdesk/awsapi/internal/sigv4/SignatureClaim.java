package io.offerdesk.awsapi.internal.sigv4;

import io.offerdesk.awsapi.internal.AwsError;
import io.offerdesk.platform.ReplayGuard;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Optional;

/**
 * The verified signature of the request under way, claimed only once the endpoint knows the operation has effects. A
 * read sent again is answered again, as AWS answers it: a program may poll DescribeChangeSet twice within one second,
 * and the SDKs sign both polls alike. An operation with effects sent again is refused as a replay.
 */
public final class SignatureClaim {

    private static final String REPLAYED = "The request signature has already been used. Sign every request anew.";
    private static final String ATTRIBUTE = SignatureClaim.class.getName();

    private final ReplayGuard replays;
    private final String signature;
    private final Instant expiresAt;
    private boolean claimed;

    private SignatureClaim(ReplayGuard replays, String signature, Instant expiresAt) {
        this.replays = replays;
        this.signature = signature;
        this.expiresAt = expiresAt;
    }

    static SignatureClaim attach(HttpServletRequest request, ReplayGuard replays, String signature, Instant expiresAt) {
        var claim = new SignatureClaim(replays, signature, expiresAt);
        request.setAttribute(ATTRIBUTE, claim);
        return claim;
    }

    /** The claim of a SigV4-signed request; absent when the request was not signed so. */
    public static Optional<SignatureClaim> of(HttpServletRequest request) {
        return Optional.ofNullable((SignatureClaim) request.getAttribute(ATTRIBUTE));
    }

    /**
     * Claims the signature for an operation with effects.
     *
     * @throws AwsError InvalidSignatureException when the signature was claimed before and is still valid
     */
    public void claim() {
        if (!replays.claim(signature, expiresAt)) {
            throw new AwsError(AuthFailure.INVALID_SIGNATURE.code(), AuthFailure.INVALID_SIGNATURE.status(), REPLAYED);
        }
        claimed = true;
    }

    /** Gives the signature back after an error, so that an SDK retry signed within the same second is not a replay. */
    void releaseIfClaimed() {
        if (claimed) {
            replays.release(signature);
        }
    }
}
