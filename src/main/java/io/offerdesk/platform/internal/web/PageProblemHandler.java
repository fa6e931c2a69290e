package io.offerdesk.platform.internal.web;

import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.QuotaExceeded;
import io.offerdesk.shared.ResourceInUse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Pages answer what they may not show with the error page: 404 for anything missing or belonging to another party,
 * 403 for a role that may not act, 423 while another change set holds the entity, 402 over a quota. REST controllers are answered by {@link RestProblemHandler} first.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageProblemHandler {

    @ExceptionHandler(NotFound.class)
    ModelAndView notFound() {
        return errorPage(HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView forbidden() {
        return errorPage(HttpStatus.FORBIDDEN);
    }

    /** Another change set holds the entity; the page says to retry once it has finished. */
    @ExceptionHandler(ResourceInUse.class)
    ModelAndView inUse() {
        return errorPage(HttpStatus.LOCKED);
    }

    @ExceptionHandler(QuotaExceeded.class)
    ModelAndView quota() {
        return errorPage(HttpStatus.PAYMENT_REQUIRED);
    }

    static ModelAndView errorPage(HttpStatus status) {
        var page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        return page;
    }
}
