package io.offerdesk.platform.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 problem details with translated titles and details. Used by the REST exception handler and by
 * security filters, which answer before any controller runs.
 */
@Component
public class ProblemWriter {

    public static final String TYPE_BASE = "https://offerdesk.io/problems/";

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    ProblemWriter(MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    public ProblemDetail problem(HttpStatus status, String code, Locale locale, Object... arguments) {
        var problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(TYPE_BASE + code.replace("problem.", "")));
        problem.setTitle(messages.getMessage(code + ".title", null, status.getReasonPhrase(), locale));
        problem.setDetail(messages.getMessage(code, arguments, code, locale));
        return problem;
    }

    public String message(String code, Object[] arguments, Locale locale) {
        return messages.getMessage(code, arguments, code, locale);
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code)
            throws IOException {
        write(request, response, problem(request, status, code));
    }

    /** The problem in the request's language, for a filter that adds properties before writing it. */
    public ProblemDetail problem(HttpServletRequest request, HttpStatus status, String code, Object... arguments) {
        var problem = problem(status, code, locales.resolveLocale(request), arguments);
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
