package io.offerdesk.platform.internal.web;

import io.offerdesk.platform.NulCharacters;
import io.offerdesk.shared.Conflict;
import io.offerdesk.shared.FieldViolation;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.QuotaExceeded;
import io.offerdesk.shared.ResourceInUse;
import io.offerdesk.shared.Unauthenticated;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every client error of the REST API into an RFC 9457 problem that names the offending field and the rule it
 * broke, in the caller's language: 400 for requests that cannot be read (syntax, unknown fields, wrong types), 422
 * for readable requests that break a rule, 404 for anything the caller may not see.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RestProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(RestProblemHandler.class);

    private final ProblemWriter problems;

    RestProblemHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalidInput(InvalidInput invalid) {
        return withErrors(HttpStatus.UNPROCESSABLE_CONTENT, "problem.invalid", invalid.violations());
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound missing) {
        return problems.problem(
                HttpStatus.NOT_FOUND, "problem.notFound", locale(), missing.entityType(), missing.entityId());
    }

    @ExceptionHandler(Conflict.class)
    ProblemDetail conflict(Conflict conflict) {
        var problem = problems.problem(
                HttpStatus.CONFLICT,
                "problem.conflict",
                locale(),
                problems.message(conflict.code(), conflict.arguments().toArray(), locale()));
        problem.setProperty("code", conflict.code());
        return problem;
    }

    @ExceptionHandler(Unauthenticated.class)
    ProblemDetail unauthenticated(Unauthenticated failed) {
        var problem = problems.problem(
                HttpStatus.UNAUTHORIZED,
                "problem.notProven",
                locale(),
                problems.message(failed.code(), new Object[0], locale()));
        problem.setProperty("code", failed.code());
        return problem;
    }

    @ExceptionHandler(ResourceInUse.class)
    ProblemDetail inUse(ResourceInUse busy) {
        var problem = problems.problem(HttpStatus.LOCKED, "problem.inUse", locale(), busy.entityId());
        problem.setProperty("entityId", busy.entityId());
        return problem;
    }

    @ExceptionHandler(QuotaExceeded.class)
    ProblemDetail quota(QuotaExceeded exceeded) {
        var problem = problems.problem(
                HttpStatus.PAYMENT_REQUIRED,
                "problem.quota",
                locale(),
                problems.message(exceeded.code(), exceeded.arguments().toArray(), locale()));
        problem.setProperty("code", exceeded.code());
        return problem;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException denied) {
        return problems.problem(HttpStatus.FORBIDDEN, "problem.forbidden", locale());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail parameterType(MethodArgumentTypeMismatchException mismatch) {
        return withErrors(
                HttpStatus.BAD_REQUEST,
                "problem.unreadable",
                List.of(FieldViolation.of(mismatch.getName(), "validation.type")));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException unreadable,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        var violation = switch (outermostJacksonFailure(unreadable)) {
            case UnrecognizedPropertyException unknown -> FieldViolation.of(path(unknown), "validation.unknownField");
            case InvalidNullException nullValue -> FieldViolation.of(path(nullValue), "validation.required");
            case MismatchedInputException mismatch -> FieldViolation.of(path(mismatch), "validation.type");
            case StreamReadException syntax ->
                FieldViolation.of("$", "validation.malformedJson", syntax.getOriginalMessage());
            case JacksonException other -> FieldViolation.of(path(other), "validation.type");
            case null -> FieldViolation.of("$", "validation.body");
        };
        return ResponseEntity.badRequest()
                .body(withErrors(HttpStatus.BAD_REQUEST, "problem.unreadable", List.of(violation)));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException invalid, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var violations = invalid.getBindingResult().getFieldErrors().stream()
                .map(error -> FieldViolation.of(
                        error.getField(), "validation.constraint", String.valueOf(error.getDefaultMessage())))
                .toList();
        return ResponseEntity.unprocessableContent()
                .body(withErrors(HttpStatus.UNPROCESSABLE_CONTENT, "problem.invalid", violations));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException invalid, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var violations = invalid.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> FieldViolation.of(
                                String.valueOf(result.getMethodParameter().getParameterName()),
                                "validation.constraint",
                                String.valueOf(error.getDefaultMessage()))))
                .toList();
        return ResponseEntity.badRequest().body(withErrors(HttpStatus.BAD_REQUEST, "problem.invalid", violations));
    }

    /**
     * No database connection could be had in time: every connection of the pool is busy (or the database is down).
     * The server is overloaded, not broken, and the same request may succeed a moment later, so the client is told
     * to come back instead of being handed a 500.
     */
    @ExceptionHandler({CannotCreateTransactionException.class, CannotGetJdbcConnectionException.class})
    ResponseEntity<ProblemDetail> unavailable(RuntimeException failure) {
        log.warn("No database connection in time; answered 503: {}", failure.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "problem.unavailable", locale()));
    }

    /**
     * PostgreSQL cancelled a statement that ran longer than the statement timeout ({@code offerdesk.db.statement-timeout},
     * ADR 0054): the database was too slow for the request, or the request asked for too much at once. Its transaction
     * rolled back, so nothing changed; the answer says so instead of a bare 500, and the log names the statement.
     */
    @ExceptionHandler(QueryTimeoutException.class)
    ResponseEntity<ProblemDetail> statementTimeout(QueryTimeoutException timeout) {
        log.warn("A statement ran past the statement timeout and was cancelled; answered 503", timeout);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "problem.statementTimeout", locale()));
    }

    /**
     * A body that says it is multipart (or a form) but cannot be read as such (no boundary, cut off): the client's
     * fault, met by Spring when the controller reads a part ({@code MultipartException}; its subclass for a body over
     * the upload limit keeps its 413 from the base class) or by Tomcat when anything first reads a parameter (the
     * locale interceptor does, for {@code ?lang=}).
     */
    @ExceptionHandler({MultipartException.class, InvalidParameterException.class})
    ProblemDetail unreadableMultipart(RuntimeException unreadable) {
        return withErrors(
                HttpStatus.BAD_REQUEST, "problem.unreadable", List.of(FieldViolation.of("$", "validation.body")));
    }

    /**
     * The database refused a value of the request: a text with the NUL character, which PostgreSQL cannot keep. Which
     * field carried it is not known here, so the problem names the request as a whole; anything else the database
     * refused as a constraint is a server fault.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail refusedByTheDatabase(DataIntegrityViolationException refused) {
        if (!NulCharacters.refused(refused)) {
            return serverFault(refused);
        }
        return withErrors(
                HttpStatus.BAD_REQUEST,
                "problem.unreadable",
                List.of(FieldViolation.of("$", NulCharacters.MESSAGE_KEY)));
    }

    @ExceptionHandler(RuntimeException.class)
    ProblemDetail serverFault(RuntimeException fault) {
        log.error("Server fault", fault);
        return problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "problem.serverFault", locale());
    }

    private ProblemDetail withErrors(HttpStatus status, String code, List<FieldViolation> violations) {
        var locale = locale();
        var problem = problems.problem(status, code, locale);
        problem.setProperty(
                "errors",
                violations.stream()
                        .map(v -> Map.of(
                                "field", v.field(),
                                "code", v.code(),
                                "message",
                                        problems.message(v.code(), v.arguments().toArray(), locale)))
                        .toList());
        return problem;
    }

    /**
     * The Jackson failure that carries the JSON path. Its own cause may be deeper (a {@code DateTimeParseException}
     * for a malformed duration, say) but knows nothing of where in the document the value stood.
     */
    private static @Nullable JacksonException outermostJacksonFailure(Throwable failure) {
        for (var cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson) {
                return jackson;
            }
        }
        return null;
    }

    /** The JSON path of the failing value, e.g. {@code dimensions[1].key}. */
    private static String path(JacksonException failure) {
        var path = new StringBuilder();
        for (var reference : failure.getPath()) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            }
        }
        return path.isEmpty() ? "$" : path.toString();
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
