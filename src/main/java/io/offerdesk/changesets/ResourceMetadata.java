package io.offerdesk.changesets;

import io.offerdesk.changesets.internal.ChangeSetRepository;
import io.offerdesk.changesets.internal.ResourceMetadataRepository;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.Role;
import io.offerdesk.shared.Validations;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tags and resource policies on the resources of the Catalog API: the party's change sets and the entities it owns
 * ({@code Offer}, {@code ResaleAuthorization}, … as the Catalog API names types, without version). Kept by the engine
 * because the Catalog API addresses every resource alike, by ARN; a resource the party does not own is not found.
 * Offerdesk stores a policy and answers it back; it grants nothing by it (sharing goes through resale authorizations).
 */
@Service
public class ResourceMetadata {

    public static final String CHANGE_SET = "ChangeSet";
    public static final int TAGS_MAX = 200;
    public static final int KEY_MAX = 128;
    public static final int VALUE_MAX = 256;
    public static final int POLICY_MAX = 10240;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<ChangeHandler> handlers;
    private final ChangeSetRepository changeSets;
    private final ResourceMetadataRepository metadata;

    ResourceMetadata(
            List<ChangeHandler> handlers, ChangeSetRepository changeSets, ResourceMetadataRepository metadata) {
        this.handlers = handlers;
        this.changeSets = changeSets;
        this.metadata = metadata;
    }

    /** The resource's tags by key. */
    @Transactional(readOnly = true)
    public Map<String, String> tags(OfferdeskPrincipal me, String type, String id) {
        var owner = me.partyId();
        owned(owner, type, id);
        return metadata.tags(owner, type, id);
    }

    /**
     * Adds tags; a key the resource has already gets the new value. At most {@link #TAGS_MAX} in all.
     *
     * @throws io.offerdesk.shared.InvalidInput when a key or value is too long or there would be too many
     */
    @Transactional
    public void tag(OfferdeskPrincipal me, String type, String id, Map<String, String> tags) {
        var owner = writer(me);
        owned(owner, type, id);
        var all = new java.util.HashSet<>(metadata.tags(owner, type, id).keySet());
        all.addAll(tags.keySet());
        checkTags(tags, all.size());
        metadata.tag(owner, type, id, tags);
    }

    /**
     * Checks tags before they are added, for callers that must refuse them before anything else happens (the Catalog
     * API's {@code ChangeSetTags} are checked before the change set starts).
     *
     * @param total how many tags the resource would have with them
     * @throws io.offerdesk.shared.InvalidInput when a key or value is too long or the total is too high
     */
    public static void checkTags(Map<String, String> tags, int total) {
        var checks = new Validations();
        checkTags(checks, "tags", tags, total);
        checks.throwIfInvalid();
    }

    /** Adds what is wrong with the tags to {@code checks}, naming the fields under {@code path}. */
    static void checkTags(Validations checks, String path, Map<String, String> tags, int total) {
        tags.forEach((key, value) -> {
            checks.check(!key.isEmpty() && key.length() <= KEY_MAX, path + ".key", "validation.range", 1, KEY_MAX);
            checks.maxLength(path + ".value", value, VALUE_MAX);
        });
        checks.check(total <= TAGS_MAX, path, "validation.size", 0, TAGS_MAX);
    }

    /** The Catalog API's resource type of an entity type: {@code Offer} of {@code Offer@1.0}. */
    public static String resourceType(String entityType) {
        var at = entityType.indexOf('@');
        return at < 0 ? entityType : entityType.substring(0, at);
    }

    @Transactional
    public void untag(OfferdeskPrincipal me, String type, String id, Collection<String> keys) {
        var owner = writer(me);
        owned(owner, type, id);
        metadata.untag(owner, type, id, keys);
    }

    @Transactional(readOnly = true)
    public Optional<String> policy(OfferdeskPrincipal me, String type, String id) {
        var owner = me.partyId();
        owned(owner, type, id);
        return metadata.policy(owner, type, id);
    }

    /**
     * Stores the policy, a JSON object of at most {@link #POLICY_MAX} characters, replacing the one before.
     *
     * @throws io.offerdesk.shared.InvalidInput when it is not such an object
     */
    @Transactional
    public void putPolicy(OfferdeskPrincipal me, String type, String id, String policy) {
        var owner = writer(me);
        owned(owner, type, id);
        var checks = new Validations();
        checks.maxLength("policy", policy, POLICY_MAX);
        checks.check(isJsonObject(policy), "policy", "validation.pattern");
        checks.throwIfInvalid();
        metadata.putPolicy(owner, type, id, policy);
    }

    /** @throws NotFound when the resource has no policy */
    @Transactional
    public void deletePolicy(OfferdeskPrincipal me, String type, String id) {
        var owner = writer(me);
        owned(owner, type, id);
        if (!metadata.deletePolicy(owner, type, id)) {
            throw new NotFound("resource-policy", id);
        }
    }

    /** Those who may start change sets may change their resources' metadata; everyone in the party may read it. */
    private static UUID writer(OfferdeskPrincipal me) {
        if (!me.has(Role.ADMIN) && !me.has(Role.OFFER_AUTHOR) && !me.has(Role.MARKETPLACE_ADMIN)) {
            throw new AccessDeniedException("only authors and administrators change tags and policies");
        }
        return me.partyId();
    }

    private void owned(UUID owner, String type, String id) {
        if (type.equals(CHANGE_SET)) {
            if (changeSets.find(owner, id).isEmpty()) {
                throw new NotFound("change-set", id);
            }
            return;
        }
        var handler = handlers.stream()
                .filter(h -> h.entityType().startsWith(type + "@"))
                .findFirst()
                .orElseThrow(() -> new NotFound("entity", id));
        handler.revisionOf(owner, id); // NotFound for another party's entity
    }

    private static boolean isJsonObject(String text) {
        try {
            return JSON.readTree(text).isObject();
        } catch (JacksonException e) {
            return false;
        }
    }
}
