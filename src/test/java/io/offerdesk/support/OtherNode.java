package io.offerdesk.support;

import com.zaxxer.hikari.HikariDataSource;
import io.offerdesk.OfferdeskApplication;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another application node on a test's database, as a second node of a cluster is: its own HTTP port, scheduler,
 * connection pool and caches, the test's database as an external one. The test's own application seeded the demo
 * marketplace in that database already.
 */
public final class OtherNode {

    private OtherNode() {}

    /**
     * Starts the node with the test profile.
     *
     * @param settings more {@code --name=value} settings: command-line arguments come before every configuration file
     */
    public static ConfigurableApplicationContext on(DataSource testDatabase, String... settings) {
        var pool = (HikariDataSource) testDatabase;
        var arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + pool.getJdbcUrl(),
                "--spring.datasource.username=" + pool.getUsername(),
                "--server.port=0",
                "--offerdesk.demo=false"));
        arguments.addAll(List.of(settings));
        return new SpringApplicationBuilder(OfferdeskApplication.class)
                .profiles("test")
                .run(arguments.toArray(String[]::new));
    }
}
