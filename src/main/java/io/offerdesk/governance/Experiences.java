package io.offerdesk.governance;

import io.offerdesk.changesets.ChangeSet;
import io.offerdesk.changesets.ChangeSets;
import io.offerdesk.changesets.StartChangeSet;
import io.offerdesk.changesets.StartChangeSet.RequestedChange;
import io.offerdesk.governance.internal.ExperienceRepository;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.PartyKind;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A buyer organization's experiences. Every user of the organization reads them; anyone else is told they do not
 * exist. Changes go through the change-set engine ({@code Experience@1.0}), which only the organization's
 * private-marketplace administrators may start; {@link #change} is the shortcut the pages and the REST API use.
 */
@Service
public class Experiences {

    private final ExperienceRepository experiences;
    private final ChangeSets changeSets;

    Experiences(ExperienceRepository experiences, ChangeSets changeSets) {
        this.experiences = experiences;
        this.changeSets = changeSets;
    }

    @Transactional(readOnly = true)
    public List<Experience> experiences(OfferdeskPrincipal me) {
        return me.partyKind() == PartyKind.BUYER ? experiences.all(me.partyId()) : List.of();
    }

    @Transactional(readOnly = true)
    public Experience experience(OfferdeskPrincipal me, String id) {
        return experiences
                .find(me.partyId(), id)
                .filter(experience -> me.partyKind() == PartyKind.BUYER)
                .orElseThrow(() -> new NotFound("experience", id));
    }

    /**
     * The experience as the Catalog API's {@code DescribeEntity} shows it in {@code DetailsDocument}, in the members
     * its change types write: name, description, status, allowed and denied products, audience, procurement policy
     * and branding settings, each with its id. The caller has read the experience through {@link #experience}.
     */
    public ObjectNode details(Experience experience) {
        var details = JsonNodeFactory.instance.objectNode();
        details.put("Name", experience.name());
        if (experience.description() != null) {
            details.put("Description", experience.description());
        }
        details.put("Status", experience.status().wireName());
        products(details.putArray("AllowedProducts"), experience.allowedProducts());
        products(details.putArray("DeniedProducts"), experience.deniedProducts());
        var audience = experience.audience();
        if (audience != null) {
            var node = details.putObject("Audience").put("Id", audience.id());
            var principals = node.putArray("Principals");
            audience.principals().forEach(principals::add);
        }
        var policy = experience.policy();
        if (policy != null) {
            details.putObject("ProcurementPolicy")
                    .put("Id", policy.id())
                    .putObject("Configuration")
                    .put("PolicyResourceRequests", policy.resourceRequestsAllowed() ? "Allow" : "Deny");
        }
        var branding = experience.branding();
        if (branding != null) {
            var node = details.putObject("BrandingSettings").put("Id", branding.id());
            putIfPresent(node, "Title", branding.title());
            putIfPresent(node, "Color", branding.color());
            putIfPresent(node, "LogoUrl", branding.logoUrl());
        }
        return details;
    }

    private static void products(ArrayNode array, List<Experience.ProductRule> rules) {
        rules.forEach(rule -> putIfPresent(array.addObject().put("Id", rule.productId()), "Notes", rule.notes()));
    }

    private static void putIfPresent(ObjectNode node, String member, @Nullable String value) {
        if (value != null) {
            node.put(member, value);
        }
    }

    /**
     * Starts a change set of one change to an experience, or creating one.
     *
     * @param experienceId absent for {@code CreateExperience}
     */
    @Transactional
    public ChangeSet change(OfferdeskPrincipal me, @Nullable String experienceId, String changeType, JsonNode details) {
        if (experienceId != null) {
            experience(me, experienceId);
        }
        return changeSets.start(
                me,
                new StartChangeSet(
                        List.of(new RequestedChange(changeType, Experience.ENTITY_TYPE, experienceId, null, details)),
                        null,
                        null,
                        null));
    }
}
