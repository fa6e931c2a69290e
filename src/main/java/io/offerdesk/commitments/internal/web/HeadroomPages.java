package io.offerdesk.commitments.internal.web;

import io.offerdesk.commitments.internal.HeadroomSharing;
import io.offerdesk.platform.OfferdeskPrincipal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The seller's (or channel partner's) view of the headroom buyers share with it: a page listing them, and a fragment
 * of one buyer's headroom that pages about that buyer embed with htmx (404, so nothing shows, unless shared).
 */
@Controller
class HeadroomPages {

    static final String PATH = "/seller/commitment-headroom";

    private final HeadroomSharing sharing;

    HeadroomPages(HeadroomSharing sharing) {
        this.sharing = sharing;
    }

    @GetMapping(PATH)
    String list(OfferdeskPrincipal me, Model model) {
        model.addAttribute("headrooms", sharing.sharedWithMe(me));
        return "commitments/headroom";
    }

    /**
     * One buyer's headroom, named by its party or by one of its accounts (the seller's offer page knows only the
     * accounts it targets).
     */
    @GetMapping(PATH + "/fragment")
    String fragment(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable UUID buyerPartyId,
            @RequestParam(required = false) @Nullable String buyerAccountId,
            Model model) {
        model.addAttribute(
                "headroom",
                buyerPartyId != null
                        ? sharing.headroomOf(me, buyerPartyId)
                        : sharing.headroomOfAccount(me, String.valueOf(buyerAccountId)));
        return "commitments/headroom :: headroomCard";
    }
}
