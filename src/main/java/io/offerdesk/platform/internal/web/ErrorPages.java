package io.offerdesk.platform.internal.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * The last stop for errors no controller handled (unknown paths, container errors): a translated page for browsers,
 * problem+json for everyone else.
 */
@Controller
class ErrorPages implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private final ProblemWriter problems;
    private final LocaleResolver locales;

    ErrorPages(ProblemWriter problems, LocaleResolver locales) {
        this.problems = problems;
        this.locales = locales;
    }

    @RequestMapping(path = "/error", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request) {
        var status = status(request);
        // A page's own fault reaches the container untouched and is not logged on the way: log it here, where it ends.
        if (status.is5xxServerError()
                && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable fault) {
            log.error("Server fault on page {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), fault);
        }
        return PageProblemHandler.errorPage(status);
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        var status = status(request);
        var code = switch (status) {
            case NOT_FOUND -> "problem.noSuchPath";
            case METHOD_NOT_ALLOWED -> "problem.methodNotAllowed";
            case UNAUTHORIZED -> "problem.unauthenticated";
            case FORBIDDEN -> "problem.forbidden";
            default -> status.is4xxClientError() ? "problem.badRequest" : "problem.serverFault";
        };
        var problem = problems.problem(status, code, locales.resolveLocale(request));
        var path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (path != null) {
            problem.setInstance(URI.create(path.toString()));
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static HttpStatus status(HttpServletRequest request) {
        var code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        var status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
