package io.offerdesk.gtm.internal.crm;

import io.offerdesk.platform.FormSubmission;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.InvalidInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The administrator's CRM pages: connections (create, show the secret once, rotate, switch off), the mapping editor
 * with "test this mapping on a sample payload", and the receipts of what the CRM sent.
 */
@Controller
class CrmPages {

    /** The documented Salesforce-shaped example, which a new connection starts from. */
    static final String EXAMPLE_MAPPING = resource("gtm/crm/salesforce-mapping.json");

    static final String EXAMPLE_PAYLOAD = resource("gtm/crm/salesforce-opportunity.json");

    private final CrmConnections connections;
    private final JsonMapper json;
    private final JsonMapper pretty;

    CrmPages(CrmConnections connections, JsonMapper json) {
        this.connections = connections;
        this.json = json;
        this.pretty = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
    }

    @GetMapping("/crm")
    String list(OfferdeskPrincipal me, Model model) {
        model.addAttribute("connections", connections.connections(me));
        model.addAttribute("exampleMapping", EXAMPLE_MAPPING);
        model.addAttribute("actingUsers", connections.actingUsers(me));
        return "crm/connections";
    }

    @PostMapping("/crm/connections")
    String create(
            OfferdeskPrincipal me,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String mapping,
            @RequestParam(required = false) @Nullable UUID actingUserId,
            RedirectAttributes redirect) {
        return FormSubmission.attempt(redirect, "redirect:/crm", () -> {
            var created = connections.create(me, name, connections.read("mapping", mapping), actingUserId, true);
            redirect.addFlashAttribute("secret", created.secret());
            return "redirect:/crm/" + created.connection().id();
        });
    }

    @GetMapping("/crm/{id}")
    String connection(OfferdeskPrincipal me, @PathVariable String id, Model model) {
        var connection = connections.connection(me, id);
        model.addAttribute("connection", connection);
        if (!model.containsAttribute("mappingText")) {
            model.addAttribute(
                    "mappingText",
                    pretty.writeValueAsString(connection.mapping().document()));
        }
        if (!model.containsAttribute("payloadText")) {
            model.addAttribute("payloadText", EXAMPLE_PAYLOAD);
        }
        model.addAttribute("receipts", connections.receipts(me, id, 0, CrmConnections.PAGE_MAX));
        return "crm/connection";
    }

    @PostMapping("/crm/{id}/mapping")
    String saveMapping(
            OfferdeskPrincipal me,
            @PathVariable String id,
            @RequestParam(defaultValue = "") String mapping,
            RedirectAttributes redirect) {
        var connection = connections.connection(me, id);
        redirect.addFlashAttribute("mappingText", mapping);
        return FormSubmission.attempt(redirect, "redirect:/crm/" + id, () -> {
            connections.update(
                    me,
                    id,
                    connection.name(),
                    connections.read("mapping", mapping),
                    connection.actingUserId(),
                    connection.active());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/crm/" + id;
        });
    }

    /** Runs the sample through the mapping as typed, saved or not; shows the values and the fields that failed. */
    @PostMapping("/crm/{id}/test")
    String test(
            OfferdeskPrincipal me,
            @PathVariable String id,
            @RequestParam(defaultValue = "") String mapping,
            @RequestParam(defaultValue = "") String payload,
            Model model) {
        model.addAttribute("mappingText", mapping);
        model.addAttribute("payloadText", payload);
        try {
            model.addAttribute("test", CrmApi.json(connections.test(me, mapping, payload)));
        } catch (InvalidInput invalid) {
            model.addAttribute("violations", invalid.violations());
        }
        return connection(me, id, model);
    }

    @PostMapping("/crm/{id}/active")
    String active(OfferdeskPrincipal me, @PathVariable String id, @RequestParam boolean active) {
        var c = connections.connection(me, id);
        connections.update(me, id, c.name(), json.valueToTree(c.mapping().document()), c.actingUserId(), active);
        return "redirect:/crm/" + id;
    }

    @PostMapping("/crm/{id}/rotate-secret")
    String rotate(OfferdeskPrincipal me, @PathVariable String id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("secret", connections.rotateSecret(me, id).secret());
        return "redirect:/crm/" + id;
    }

    private static String resource(String path) {
        try (var in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
