package io.offerdesk.platform.internal.db;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
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
    EmbeddedPostgres embeddedPostgres(@Value("${offerdesk.embedded-db.data-directory}") Path dataDirectory)
            throws IOException {
        return EmbeddedDatabases.startOrReuse(dataDirectory);
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres, DataSourceProperties properties) {
        var dataSource = properties
                .initializeDataSourceBuilder()
                .type(HikariDataSource.class)
                .url(postgres.getJdbcUrl("postgres", "postgres"))
                .username("postgres")
                .password("")
                .build();
        dataSource.setMaximumPoolSize(20);
        return dataSource;
    }
}
