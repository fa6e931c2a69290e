package io.offerdesk.platform.internal.web;

import io.offerdesk.platform.QueryStrings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a query that cannot be decoded ({@link QueryStrings}) with 400 before anything reads a parameter: a problem
 * naming it under {@code /api}, its message as text elsewhere. {@code /aws} answers in the service's own error shape from its
 * signature filter, which reads the query first.
 */
class MalformedQueryFilter extends OncePerRequestFilter {

    private final ProblemWriter problems;

    MalformedQueryFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/aws/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (QueryStrings.wellFormed(request.getQueryString())) {
            chain.doFilter(request, response);
        } else if (request.getRequestURI().startsWith("/api/")) {
            problems.write(request, response, HttpStatus.BAD_REQUEST, "problem.malformedQuery");
        } else {
            // written here rather than by sendError: the error page's dispatch would read the same query again
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write(problems.message("problem.malformedQuery", new Object[0], request.getLocale()));
        }
    }
}
