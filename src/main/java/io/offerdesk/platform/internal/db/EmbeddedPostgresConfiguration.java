package io.offerdesk.platform.internal.db;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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

    @Bean
    EmbeddedPostgres embeddedPostgres(@Value("${offerdesk.embedded-db.data-directory}") String dataDirectory)
            throws IOException {
        return EmbeddedDatabases.startOrReuse(dataDirectory);
    }

    /** The pool takes its settings from {@code spring.datasource.hikari.*}, as Boot's own pool would. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        return DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .driverClassName("org.postgresql.Driver")
                .url(postgres.getJdbcUrl("postgres", "postgres"))
                .username("postgres")
                .build();
    }
}
