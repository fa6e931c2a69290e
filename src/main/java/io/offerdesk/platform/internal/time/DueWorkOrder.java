package io.offerdesk.platform.internal.time;

import io.offerdesk.platform.DueWork;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.OrderUtils;

/**
 * The order in which due work runs at one instant: by Spring's {@code @Order} (or {@link Ordered}), low first, work
 * without one counting as 0, and equal orders as the context lists them. So work that acts on what other work makes due
 * at the same instant (the invoicing run bills the charges the charge schedule and renewals make due) declares {@code
 * @Order(Ordered.LOWEST_PRECEDENCE)} and runs after all of them. (Spring's own sorting puts unordered beans last, among
 * such work.)
 */
final class DueWorkOrder {

    private DueWorkOrder() {}

    static List<DueWork> sorted(List<DueWork> work) {
        var sorted = new ArrayList<>(work);
        sorted.sort(Comparator.comparingInt(DueWorkOrder::order));
        return List.copyOf(sorted);
    }

    static int order(DueWork work) {
        if (work instanceof Ordered ordered) {
            return ordered.getOrder();
        }
        return OrderUtils.getOrder(AopUtils.getTargetClass(work), 0);
    }
}
