package io.offerdesk.platform.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/** A request that finds every database connection busy is told to come back, not handed a server fault. */
class RestProblemHandlerTests {

    final RestProblemHandler handler = new RestProblemHandler(new ProblemWriter(
            messages(),
            new FixedLocaleResolver(Locale.ENGLISH),
            JsonMapper.builder().build()));

    @Test
    void aPoolThatTimedOutAtTheStartOfATransactionIs503WithRetryAfter() {
        var answer = handler.unavailable(new CannotCreateTransactionException(
                "Could not open JDBC Connection for transaction",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available")));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(answer.getBody()).isNotNull();
        assertThat(answer.getBody().getTitle()).isEqualTo("Service unavailable");
        assertThat(answer.getBody().getType().toString()).endsWith("/unavailable");
    }

    @Test
    void aPoolThatTimedOutOutsideATransactionIs503Too() {
        var answer = handler.unavailable(new CannotGetJdbcConnectionException(
                "Failed to obtain JDBC Connection", new SQLTransientConnectionException("timed out")));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
    }

    private static ResourceBundleMessageSource messages() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/platform");
        messages.setDefaultEncoding("UTF-8");
        return messages;
    }
}
