package io.offerdesk.platform.internal.web;

import io.offerdesk.platform.NavigationItem;
import io.offerdesk.platform.internal.security.CurrentPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Adds what the page layout needs to every rendered page: the signed-in user, their navigation and the simulation
 * flag. It works on rendered views only, so JSON endpoints pay nothing for it.
 */
@Configuration(proxyBeanMethods = false)
class LayoutModel implements HandlerInterceptor, WebMvcConfigurer {

    private final List<NavigationItem> navigation;
    private final boolean simulation;

    LayoutModel(List<NavigationItem> navigation, @Value("${offerdesk.simulation}") boolean simulation) {
        this.navigation = navigation.stream()
                .sorted(Comparator.comparingInt(NavigationItem::order))
                .toList();
        this.simulation = simulation;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, @Nullable ModelAndView page) {
        if (page == null || (page.getViewName() != null && page.getViewName().startsWith("redirect:"))) {
            return;
        }
        var me = CurrentPrincipal.get();
        page.addObject("me", me);
        page.addObject(
                "navigation",
                me == null
                        ? List.of()
                        : navigation.stream().filter(item -> item.visibleTo(me)).toList());
        page.addObject("simulation", simulation);
        page.addObject("currentPath", request.getRequestURI());
    }
}
