package io.offerdesk.platform.internal.limits;

import io.offerdesk.platform.CachedBodyRequest;
import io.offerdesk.platform.internal.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an {@code /api} body over {@code offerdesk.request-limits.max-body-bytes} with a 413 problem, before it is
 * authenticated or parsed. A declared length is checked as is; a chunked body is read up to the bound, so that no
 * client can make the server buffer more. Multipart uploads are left to {@code spring.servlet.multipart.*}.
 */
public class BodySizeFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final ProblemWriter problems;

    BodySizeFilter(BodySizeSettings settings, ProblemWriter problems) {
        this.maxBytes = settings.maxBodyBytes();
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            tooLarge(request, response);
            return;
        }
        if (declared >= 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null) {
            // a declared length was checked above; without one and without chunks there is no body to bound
            chain.doFilter(request, response);
            return;
        }
        var body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (body.length > maxBytes) {
            tooLarge(request, response);
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var problem = problems.problem(request, HttpStatus.CONTENT_TOO_LARGE, "problem.requestTooLarge", maxBytes);
        problem.setProperty("limit", "offerdesk.request-limits.max-body-bytes");
        problem.setProperty("maxBodyBytes", maxBytes);
        problems.write(request, response, problem);
    }
}
