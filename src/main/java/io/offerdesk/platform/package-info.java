/**
 * Platform: what every module runs on. Security (form login for people, bearer API keys for programs), the page
 * layout and navigation, RFC 9457 problem responses, languages, observability, the embedded database, and the one
 * clock, which the operator can move forward in simulation mode so that every job due in between runs in order.
 *
 * <p>Its root package is the API other modules use: {@link io.offerdesk.platform.OfferdeskPrincipal}, the {@link
 * io.offerdesk.platform.PrincipalSource} SPI that parties implements, {@link io.offerdesk.platform.NavigationItem}
 * and {@link io.offerdesk.platform.DueWork}, with {@link io.offerdesk.platform.DueWorkSignals} to run it right after a
 * commit, {@link io.offerdesk.platform.LongStatements} for work whose statements outlast the statement timeout, and
 * {@link io.offerdesk.platform.ConnectionPool} for background work that keeps to its share of the pool.
 */
@ApplicationModule(
        displayName = "Platform",
        allowedDependencies = {})
@NullMarked
package io.offerdesk.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
