package io.offerdesk.platform.internal.security;

import io.offerdesk.platform.OfferdeskPrincipal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets a controller method declare an {@link OfferdeskPrincipal} parameter, whichever way the user signed in (form
 * login or API key). Such controllers sit behind authentication, so the parameter is always present there.
 */
@Configuration(proxyBeanMethods = false)
public class CurrentPrincipal implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(OfferdeskPrincipal.class);
    }

    @Override
    public @Nullable Object resolveArgument(
            MethodParameter parameter,
            @Nullable ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest,
            @Nullable WebDataBinderFactory binderFactory) {
        return get();
    }

    /** The principal of the current request, if someone is signed in. */
    public static @Nullable OfferdeskPrincipal get() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    static @Nullable OfferdeskPrincipal of(@Nullable Authentication authentication) {
        if (authentication == null) {
            return null;
        }
        // Spring may hold other principals (or none) for anonymous and pre-authenticated requests.
        var principal = authentication.getPrincipal();
        if (principal instanceof SignedInUser user) {
            return user.principal();
        }
        return principal instanceof OfferdeskPrincipal offerdesk ? offerdesk : null;
    }
}
