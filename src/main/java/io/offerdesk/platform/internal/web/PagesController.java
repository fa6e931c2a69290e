package io.offerdesk.platform.internal.web;

import io.offerdesk.platform.OfferdeskPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page and each user's home page, which greets them and lays out their party's work. */
@Controller
class PagesController {

    @GetMapping("/login")
    String login() {
        return "platform/login";
    }

    @GetMapping("/")
    String home(OfferdeskPrincipal me) {
        return "platform/home";
    }
}
