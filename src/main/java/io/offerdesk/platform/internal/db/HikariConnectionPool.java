package io.offerdesk.platform.internal.db;

import com.zaxxer.hikari.HikariDataSource;
import io.offerdesk.platform.ConnectionPool;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/** The pool as Hikari counts it; both the embedded database's pool and Boot's own are Hikari's. */
@Component
class HikariConnectionPool implements ConnectionPool {

    private final HikariDataSource hikari;

    HikariConnectionPool(DataSource dataSource) throws SQLException {
        this.hikari = dataSource.unwrap(HikariDataSource.class);
    }

    @Override
    public int maximumSize() {
        return hikari.getMaximumPoolSize();
    }

    @Override
    public int busy() {
        var pool = hikari.getHikariPoolMXBean();
        // Absent until the pool's first connection is asked for: nothing is taken then.
        return pool == null ? 0 : pool.getActiveConnections() + pool.getThreadsAwaitingConnection();
    }
}
