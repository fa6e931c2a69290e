package io.offerdesk.platform.internal.time;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.platform.DueWork;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

class DueWorkOrderTests {

    static class Work implements DueWork {
        @Override
        public Optional<Instant> nextDueAfter(Instant after) {
            return Optional.empty();
        }

        @Override
        public void runDue(Instant now) {}
    }

    static class Unordered extends Work {}

    static class AlsoUnordered extends Work {}

    @Order(Ordered.LOWEST_PRECEDENCE)
    static class Last extends Work {}

    @Order(-5)
    static class Early extends Work {}

    @Test
    void lowOrdersFirstUnorderedWorkAtZeroInTheGivenOrderAndTheLowestPrecedenceLast() {
        var last = new Last();
        var unordered = new Unordered();
        var early = new Early();
        var alsoUnordered = new AlsoUnordered();

        assertThat(DueWorkOrder.sorted(List.of(last, unordered, early, alsoUnordered)))
                .containsExactly(early, unordered, alsoUnordered, last);
    }

    @Test
    void readsTheOrderOfTheClassBehindAProxy() {
        var factory = new ProxyFactory(new Last());
        factory.setProxyTargetClass(true);
        var proxied = (DueWork) factory.getProxy();

        assertThat(DueWorkOrder.order(proxied)).isEqualTo(Ordered.LOWEST_PRECEDENCE);
        assertThat(DueWorkOrder.order(new Unordered())).isZero();
    }
}
