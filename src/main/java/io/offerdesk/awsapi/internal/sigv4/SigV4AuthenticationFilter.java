package io.offerdesk.awsapi.internal.sigv4;

import io.offerdesk.awsapi.internal.AwsError;
import io.offerdesk.awsapi.internal.AwsResponses;
import io.offerdesk.awsapi.internal.AwsService;
import io.offerdesk.awsapi.internal.sigv4.SigV4Verifier.Refused;
import io.offerdesk.awsapi.internal.sigv4.SigV4Verifier.Verified;
import io.offerdesk.awsapi.internal.sigv4.SigV4Verifier.WrongRegion;
import io.offerdesk.platform.CachedBodyRequest;
import io.offerdesk.platform.ProgramAuthentication;
import io.offerdesk.platform.QueryStrings;
import io.offerdesk.platform.ReplayGuard;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Authenticates every request under {@code /aws} by its SigV4 signature, with real time (signatures are made with
 * real time, whatever the simulated clock says). The body is read once, up to a bound, because the signature covers
 * its hash; the controller reads the same bytes. A verified request acts as the access key's user, exactly as a
 * request with the user's bearer API key does. The signature is handed to the endpoint as a {@link SignatureClaim}:
 * an operation with effects claims it, so that a captured request cannot have its effect twice.
 */
public class SigV4AuthenticationFilter extends OncePerRequestFilter {

    private final SigV4Verifier verifier;
    private final ReplayGuard replays;
    private final AwsResponses responses;
    private final int maxRequestBytes;
    private final Clock realTime = Clock.systemUTC();

    public SigV4AuthenticationFilter(
            SigV4Verifier verifier, ReplayGuard replays, AwsResponses responses, int maxRequestBytes) {
        this.verifier = verifier;
        this.replays = replays;
        this.responses = responses;
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        AwsResponses.assignRequestId(response);
        var protocol = AwsService.protocolFor(request.getRequestURI());
        if (request.getContentLengthLong() > maxRequestBytes) {
            responses.error(response, protocol, tooLarge());
            return;
        }
        var body = request.getInputStream().readNBytes(maxRequestBytes + 1);
        if (body.length > maxRequestBytes) {
            responses.error(response, protocol, tooLarge());
            return;
        }
        if (!QueryStrings.wellFormed(request.getQueryString())) {
            // no parameter of it can be read (Tomcat throws): refused before anything tries
            responses.error(
                    response, protocol, AwsError.serialization("The query string is not valid percent-encoded UTF-8."));
            return;
        }
        switch (verifier.verify(signed(request, body), realTime.instant())) {
            case Refused refused ->
                responses.error(
                        response,
                        protocol,
                        new AwsError(refused.failure().code(), refused.failure().status(), refused.message()));
            case WrongRegion wrong ->
                // answered before the operation runs, as a refused signature is, and likewise not claimed as used
                responses.error(
                        response,
                        protocol,
                        new AwsError(
                                "InvalidRegionException",
                                400,
                                "The request was signed for " + wrong.verified().region() + "; this endpoint serves "
                                        + wrong.region() + "."));
            case Verified verified -> proceed(verified, new CachedBodyRequest(request, body), response, chain);
        }
    }

    /**
     * Runs the request as the key's user; a request that ends in an error gives back the signature its operation
     * claimed. The answer is held until then, so that a client retrying at once, as the SDKs do, never finds the
     * signature still taken.
     */
    private void proceed(Verified verified, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var claim = SignatureClaim.attach(
                request, replays, verified.signature(), verified.signedAt().plus(SigV4Verifier.MAX_SKEW));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(ProgramAuthentication.of(verified.principal()));
        SecurityContextHolder.setContext(context);
        var held = new ContentCachingResponseWrapper(response);
        var succeeded = false;
        try {
            chain.doFilter(request, held);
            succeeded = held.getStatus() < 400;
        } finally {
            SecurityContextHolder.clearContext();
            if (!succeeded) {
                claim.releaseIfClaimed();
            }
            held.copyBodyToResponse();
        }
    }

    private AwsError tooLarge() {
        return new AwsError(
                "RequestEntityTooLargeException", 413, "The request must be at most " + maxRequestBytes + " bytes.");
    }

    /** The request as it arrived: the path and query still percent-encoded, every header. */
    private static SignedRequest signed(HttpServletRequest request, byte[] body) {
        var headers = new LinkedHashMap<String, List<String>>();
        for (var name : Collections.list(request.getHeaderNames())) {
            headers.put(name, Collections.list(request.getHeaders(name)));
        }
        var query = request.getQueryString();
        return new SignedRequest(
                request.getMethod(), request.getRequestURI(), query == null ? "" : query, headers, body);
    }
}
