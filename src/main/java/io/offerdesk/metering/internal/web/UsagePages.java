package io.offerdesk.metering.internal.web;

import io.offerdesk.catalog.Dimension;
import io.offerdesk.metering.Metering;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.PartyKind;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.json.JsonMapper;

/**
 * An agreement's usage by dimension and day, as a chart and a table, and its rated billing periods, for the product's
 * seller and the agreement's buyer; everyone else gets 404. The API has the same at
 * {@code /api/v1/metering/agreements/{id}/usage} and {@code .../rated-usage}.
 */
@Controller
class UsagePages {

    private final Metering metering;
    private final JsonMapper json;

    UsagePages(Metering metering, JsonMapper json) {
        this.metering = metering;
        this.json = json;
    }

    @GetMapping({"/agreements/{agreementId}/usage", "/buyer/agreements/{agreementId}/usage"})
    String usage(OfferdeskPrincipal me, @PathVariable String agreementId, Model model) {
        var usage = metering.usage(me, agreementId);
        model.addAttribute("usage", usage);
        model.addAttribute("chart", json.writeValueAsString(UsageCharts.daily(usage.days(), usage.dimensions())));
        model.addAttribute(
                "agreementPath",
                (me.partyKind() == PartyKind.BUYER ? "/buyer/agreements/" : "/agreements/") + usage.agreementId());
        model.addAttribute("labels", new Labels(usage.dimensions()));
        model.addAttribute("periods", metering.ratedUsage(me, agreementId));
        return "metering/usage";
    }

    /** Names dimensions on the page as the chart does. */
    record Labels(List<Dimension> dimensions) {
        public String of(String key) {
            return UsageCharts.label(key, dimensions);
        }
    }
}
