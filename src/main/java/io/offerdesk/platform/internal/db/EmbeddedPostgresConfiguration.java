package io.offerdesk.platform.internal.db;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Without a configured database URL Offerdesk runs its own PostgreSQL, so that a fresh machine needs nothing but a
 * JDK. The data directory survives restarts; with an external database this configuration stays off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

    /** Closed with the context, after the pool that depends on it: the server stops at the JVM's exit. */
    @Bean
    EmbeddedDatabases.Lease embeddedPostgres(@Value("${offerdesk.embedded-db.data-directory}") String dataDirectory)
            throws IOException {
        return EmbeddedDatabases.lease(dataDirectory);
    }

    /** The pool takes its settings from {@code spring.datasource.hikari.*}, as Boot's own pool would. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedDatabases.Lease postgres) {
        return DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .driverClassName("org.postgresql.Driver")
                .url(postgres.jdbcUrl())
                .username("postgres")
                .build();
    }
}
