package io.offerdesk.platform.internal.limits;

import io.offerdesk.platform.CachedBodyRequest;
import io.offerdesk.platform.internal.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an {@code /api} body over its limit with a 413 problem naming the limit, before it is authenticated or
 * parsed: uploads (a PDF, a multipart form) up to {@code offerdesk.request-limits.max-upload-bytes}, every other body
 * up to {@code max-body-bytes}. A declared length is checked as is; a chunked body is read up to the bound, so that no
 * client can make the server (or the idempotency filter, which reads the body to fingerprint it) buffer more.
 */
public class BodySizeFilter extends OncePerRequestFilter {

    /** The media types of the endpoints that take files. */
    private static final List<String> UPLOADS =
            List.of(MediaType.APPLICATION_PDF_VALUE, MediaType.MULTIPART_FORM_DATA_VALUE);

    private final BodySizeSettings settings;
    private final ProblemWriter problems;

    BodySizeFilter(BodySizeSettings settings, ProblemWriter problems) {
        this.settings = settings;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var upload = isUpload(request);
        var maxBytes = upload ? settings.maxUploadBytes() : settings.maxBodyBytes();
        var declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            tooLarge(request, response, upload, maxBytes);
            return;
        }
        if (declared >= 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null) {
            // a declared length was checked above; without one and without chunks there is no body to bound
            chain.doFilter(request, response);
            return;
        }
        var body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (body.length > maxBytes) {
            tooLarge(request, response, upload, maxBytes);
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private static boolean isUpload(HttpServletRequest request) {
        var type = request.getContentType();
        if (type == null) {
            return false;
        }
        var lower = type.toLowerCase(Locale.ROOT);
        return UPLOADS.stream().anyMatch(lower::startsWith);
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response, boolean upload, long maxBytes)
            throws IOException {
        var problem = problems.problem(request, HttpStatus.CONTENT_TOO_LARGE, "problem.requestTooLarge", maxBytes);
        problem.setProperty(
                "limit",
                upload ? "offerdesk.request-limits.max-upload-bytes" : "offerdesk.request-limits.max-body-bytes");
        problem.setProperty("maxBodyBytes", maxBytes);
        problems.write(request, response, problem);
    }
}
