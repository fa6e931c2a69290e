package io.offerdesk.platform.internal.security;

import io.offerdesk.platform.PrincipalSource;
import io.offerdesk.platform.ProgramAuthentication;
import io.offerdesk.platform.internal.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer <api key>}. A wrong key is answered at once with 401. */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final PrincipalSource principals;
    private final ProblemWriter problems;

    ApiKeyAuthenticationFilter(PrincipalSource principals, ProblemWriter problems) {
        this.principals = principals;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        var principal =
                principals.authenticateApiKey(header.substring(BEARER.length()).trim());
        if (principal.isEmpty()) {
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "problem.badApiKey");
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(ProgramAuthentication.of(principal.get()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
