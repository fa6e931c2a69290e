package io.offerdesk.awsapi.internal.catalog;

import io.offerdesk.awsapi.internal.AwsError;
import io.offerdesk.awsapi.internal.AwsInput;
import io.offerdesk.awsapi.internal.AwsOperations;
import io.offerdesk.awsapi.internal.AwsService;
import io.offerdesk.awsapi.internal.ModuleErrors;
import io.offerdesk.catalog.CatalogManagement;
import io.offerdesk.catalog.ProductId;
import io.offerdesk.changesets.ChangeSet;
import io.offerdesk.changesets.ChangeSetFilter;
import io.offerdesk.changesets.ChangeSetStatus;
import io.offerdesk.changesets.ChangeSets;
import io.offerdesk.changesets.Intent;
import io.offerdesk.changesets.ResourceMetadata;
import io.offerdesk.changesets.StartChangeSet;
import io.offerdesk.governance.Experience;
import io.offerdesk.governance.Experiences;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.OfferFilter;
import io.offerdesk.offers.OfferId;
import io.offerdesk.offers.OfferQueries;
import io.offerdesk.offers.OfferSet;
import io.offerdesk.offers.OfferSetFilter;
import io.offerdesk.offers.OfferSetId;
import io.offerdesk.offers.OfferSets;
import io.offerdesk.offers.OfferState;
import io.offerdesk.parties.Account;
import io.offerdesk.parties.PartyManagement;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.resale.ResaleAuthorization;
import io.offerdesk.resale.ResaleAuthorizationFilter;
import io.offerdesk.resale.ResaleAuthorizationStatus;
import io.offerdesk.resale.ResaleAuthorizations;
import io.offerdesk.shared.Conflict;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.QuotaExceeded;
import io.offerdesk.shared.ResourceInUse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * AWS Marketplace Catalog API ({@code marketplace-catalog}, restJson1) on the change-set engine and the modules that
 * own the entities: change sets are the engine's, offers are read through {@code offers}, resale authorizations
 * through {@code resale}. Members as the model names them, dates as the model's {@code DateTimeISO8601} strings
 * (whole seconds, {@code Z}), {@code ValidationException} with the model's 422. Another party's entity or change set
 * is {@code ResourceNotFoundException}, exactly as one that does not exist.
 */
@Component
class CatalogOperations implements AwsOperations {

    static final String CATALOG = "AWSMarketplace";
    private static final Pattern ARN =
            Pattern.compile("^arn:aws:aws-marketplace:[\\w-]*:(\\d{12}):AWSMarketplace/([A-Za-z]+)/([\\w-]+)$");
    private static final int LIST_ENTITIES_MAX = 50;
    private static final int LIST_ENTITIES_DEFAULT = 20;

    private final ChangeSets changeSets;
    private final CatalogManagement products;
    private final ResourceMetadata metadata;
    private final OfferQueries offers;
    private final ResaleAuthorizations resale;
    private final OfferSets offerSets;
    private final Experiences experiences;
    private final PartyManagement parties;
    private final ModuleErrors errors;
    private final JsonMapper json;

    CatalogOperations(
            ChangeSets changeSets,
            CatalogManagement products,
            ResourceMetadata metadata,
            OfferQueries offers,
            ResaleAuthorizations resale,
            OfferSets offerSets,
            Experiences experiences,
            PartyManagement parties,
            ModuleErrors errors,
            JsonMapper json) {
        this.changeSets = changeSets;
        this.products = products;
        this.metadata = metadata;
        this.offers = offers;
        this.resale = resale;
        this.offerSets = offerSets;
        this.experiences = experiences;
        this.parties = parties;
        this.errors = errors;
        this.json = json;
    }

    @Override
    public AwsService service() {
        return AwsService.CATALOG;
    }

    @Override
    public Map<String, Operation> operations() {
        return Map.<String, Operation>ofEntries(
                Map.entry("StartChangeSet", this::startChangeSet),
                Map.entry("DescribeChangeSet", this::describeChangeSet),
                Map.entry("ListChangeSets", this::listChangeSets),
                Map.entry("CancelChangeSet", this::cancelChangeSet),
                Map.entry("DescribeEntity", this::describeEntity),
                Map.entry("BatchDescribeEntities", this::batchDescribeEntities),
                Map.entry("ListEntities", this::listEntities),
                Map.entry("TagResource", this::tagResource),
                Map.entry("UntagResource", this::untagResource),
                Map.entry("ListTagsForResource", this::listTagsForResource),
                Map.entry("PutResourcePolicy", this::putResourcePolicy),
                Map.entry("GetResourcePolicy", this::getResourcePolicy),
                Map.entry("DeleteResourcePolicy", this::deleteResourcePolicy));
    }

    JsonNode startChangeSet(OfferdeskPrincipal caller, AwsInput input) {
        catalog(input);
        var tags = tags(input, "ChangeSetTags");
        // refused before the change set starts, so that a refusal leaves nothing behind
        ResourceMetadata.checkTags(tags, tags.size());
        var changes = input.requiredList("ChangeSet", CatalogOperations::change);
        var intent = input.optionalString("Intent");
        var started = changeSets.start(
                caller,
                new StartChangeSet(
                        changes,
                        input.optionalString("ChangeSetName"),
                        input.optionalString("ClientRequestToken"),
                        intent == null ? null : enumValue(Intent.class, "Intent", intent)));
        if (!tags.isEmpty()) {
            metadata.tag(caller, ResourceMetadata.CHANGE_SET, started.id(), tags);
        }
        var output = json.createObjectNode();
        output.put("ChangeSetId", started.id());
        output.put("ChangeSetArn", started.arn());
        return output;
    }

    JsonNode tagResource(OfferdeskPrincipal caller, AwsInput input) {
        var resource = resource(caller, input);
        if (!input.has("Tags")) {
            throw validation("Tags: required.");
        }
        var tags = tags(input, "Tags");
        metadata.tag(caller, resource.type(), resource.id(), tags);
        return json.createObjectNode();
    }

    JsonNode untagResource(OfferdeskPrincipal caller, AwsInput input) {
        var resource = resource(caller, input);
        if (!input.has("TagKeys")) {
            throw validation("TagKeys: required.");
        }
        metadata.untag(caller, resource.type(), resource.id(), input.strings("TagKeys"));
        return json.createObjectNode();
    }

    JsonNode listTagsForResource(OfferdeskPrincipal caller, AwsInput input) {
        var resource = resource(caller, input);
        var output = json.createObjectNode();
        output.put("ResourceArn", input.string("ResourceArn"));
        var tags = output.putArray("Tags");
        metadata.tags(caller, resource.type(), resource.id())
                .forEach((key, value) -> tags.addObject().put("Key", key).put("Value", value));
        return output;
    }

    JsonNode putResourcePolicy(OfferdeskPrincipal caller, AwsInput input) {
        var resource = resource(caller, input);
        metadata.putPolicy(caller, resource.type(), resource.id(), input.string("Policy"));
        return json.createObjectNode();
    }

    /** A resource without a policy answers without {@code Policy}. */
    JsonNode getResourcePolicy(OfferdeskPrincipal caller, AwsInput input) {
        var resource = resource(caller, input);
        var output = json.createObjectNode();
        metadata.policy(caller, resource.type(), resource.id()).ifPresent(policy -> output.put("Policy", policy));
        return output;
    }

    JsonNode deleteResourcePolicy(OfferdeskPrincipal caller, AwsInput input) {
        var resource = resource(caller, input);
        metadata.deletePolicy(caller, resource.type(), resource.id());
        return json.createObjectNode();
    }

    private record Resource(String type, String id) {}

    /**
     * The resource an ARN names, as AWS writes them: {@code arn:aws:aws-marketplace:<region>:<account>:AWSMarketplace/
     * <type>/<id>}. An account that is not one of the caller's names nothing the caller can see.
     */
    private Resource resource(OfferdeskPrincipal caller, AwsInput input) {
        var arn = input.string("ResourceArn");
        var matcher = ARN.matcher(arn);
        if (!matcher.matches()) {
            throw validation("ResourceArn: not an AWS Marketplace catalog ARN: " + arn);
        }
        var account = matcher.group(1);
        if (parties.accountsOf(caller.partyId()).stream()
                .noneMatch(a -> a.id().value().equals(account))) {
            throw new AwsError("ResourceNotFoundException", 404, notFound(arn));
        }
        return new Resource(matcher.group(2), matcher.group(3));
    }

    /** A {@code TagList} as key to value; a key sent twice keeps the last value, as a map would. */
    private static Map<String, String> tags(AwsInput input, String member) {
        var tags = new java.util.LinkedHashMap<String, String>();
        input.list(member, tag -> tags.put(tag.string("Key"), tag.string("Value")));
        return tags;
    }

    /**
     * {@code Details} is the document as a JSON string, {@code DetailsDocument} the document itself; one of them.
     * {@code EntityTags} go to the entity the change creates or changes once the change set is applied.
     */
    private static StartChangeSet.RequestedChange change(AwsInput change) {
        var entity = change.structure("Entity");
        var details = change.optionalString("Details");
        var document = change.document("DetailsDocument");
        if (details != null && document != null) {
            throw validation("Details and DetailsDocument: send one of them, not both.");
        }
        if (details != null) {
            try {
                document = JsonMapper.builder().build().readTree(details);
            } catch (JacksonException unreadable) {
                throw validation("Details: not a JSON object: " + unreadable.getOriginalMessage());
            }
        }
        return new StartChangeSet.RequestedChange(
                change.string("ChangeType"),
                entity.string("Type"),
                entity.optionalString("Identifier"),
                change.optionalString("ChangeName"),
                document,
                tags(change, "EntityTags"));
    }

    JsonNode describeChangeSet(OfferdeskPrincipal caller, AwsInput input) {
        catalog(input);
        var set = changeSets.describe(caller, input.string("ChangeSetId"));
        var output = json.createObjectNode();
        output.put("ChangeSetId", set.id());
        output.put("ChangeSetArn", set.arn());
        output.put("ChangeSetName", set.name());
        output.put("Intent", set.intent().name());
        output.put("StartTime", date(set.startTime()));
        putIfPresent(output, "EndTime", set.endTime() == null ? null : date(set.endTime()));
        output.put("Status", set.status().name());
        putIfPresent(
                output,
                "FailureCode",
                set.failureCode() == null ? null : set.failureCode().name());
        putIfPresent(output, "FailureDescription", set.failureDescription());
        var changes = output.putArray("ChangeSet");
        for (var change : set.changes()) {
            var item = changes.addObject();
            item.put("ChangeType", change.changeType());
            putIfPresent(item, "ChangeName", change.changeName());
            var entity = item.putObject("Entity");
            entity.put("Type", change.entityType());
            putIfPresent(entity, "Identifier", change.entityIdentifier());
            // AWS answers with both forms, as the reference's recorded responses show
            item.put("Details", json.writeValueAsString(change.details()));
            item.set("DetailsDocument", change.details());
            var errorList = item.putArray("ErrorDetailList");
            change.errors()
                    .forEach(e ->
                            errorList.addObject().put("ErrorCode", e.code()).put("ErrorMessage", e.message()));
        }
        return output;
    }

    JsonNode listChangeSets(OfferdeskPrincipal caller, AwsInput input) {
        catalog(input);
        var filter = changeSetFilter(input);
        var page = changeSets.list(caller.partyId(), filter, input.optionalString("NextToken"), (int)
                input.integer("MaxResults", ChangeSets.PAGE_MAX));
        var output = json.createObjectNode();
        var summaries = output.putArray("ChangeSetSummaryList");
        for (var set : page.changeSets()) {
            var item = summaries.addObject();
            item.put("ChangeSetId", set.id());
            item.put("ChangeSetArn", set.arn());
            item.put("ChangeSetName", set.name());
            item.put("StartTime", date(set.startTime()));
            putIfPresent(item, "EndTime", set.endTime() == null ? null : date(set.endTime()));
            item.put("Status", set.status().name());
            var entities = item.putArray("EntityIdList");
            set.changes().stream()
                    .map(ChangeSet.Change::entityIdentifier)
                    .filter(id -> id != null && !id.startsWith("$"))
                    .map(id -> id.replaceFirst("@.*$", ""))
                    .distinct()
                    .forEach(entities::add);
            putIfPresent(
                    item,
                    "FailureCode",
                    set.failureCode() == null ? null : set.failureCode().name());
        }
        putIfPresent(output, "NextToken", page.nextToken());
        return output;
    }

    /** ListChangeSets' {@code FilterList} (names as AWS documents them, all ANDed) and {@code Sort}. */
    private static ChangeSetFilter changeSetFilter(AwsInput input) {
        ChangeSetStatus status = null;
        String name = null;
        String entityId = null;
        Instant startedAfter = null;
        Instant startedBefore = null;
        Instant endedAfter = null;
        Instant endedBefore = null;
        for (var filter : input.list("FilterList", f -> f)) {
            var filterName = filter.string("Name");
            var values = filter.strings("ValueList");
            if (values.size() != 1) {
                throw validation("FilterList: Offerdesk filters " + filterName + " by exactly one value.");
            }
            var value = values.getFirst();
            switch (filterName) {
                case "Status" -> status = enumValue(ChangeSetStatus.class, "FilterList.Status", value);
                case "ChangeSetName" -> name = value;
                case "EntityId" -> entityId = value;
                case "AfterStartTime" -> startedAfter = instant("AfterStartTime", value);
                case "BeforeStartTime" -> startedBefore = instant("BeforeStartTime", value);
                case "AfterEndTime" -> endedAfter = instant("AfterEndTime", value);
                case "BeforeEndTime" -> endedBefore = instant("BeforeEndTime", value);
                default -> throw validation("FilterList: unknown filter " + filterName + ".");
            }
        }
        var sortByEndTime = false;
        var ascending = false;
        if (input.has("Sort")) {
            var sort = input.structure("Sort");
            var by = sort.optionalString("SortBy");
            if (by != null && !by.equals("StartTime") && !by.equals("EndTime")) {
                throw validation("Sort.SortBy: StartTime or EndTime.");
            }
            sortByEndTime = "EndTime".equals(by);
            ascending = "ASCENDING".equals(sort.optionalString("SortOrder"));
        }
        return new ChangeSetFilter(
                status, name, entityId, startedAfter, startedBefore, endedAfter, endedBefore, sortByEndTime, ascending);
    }

    JsonNode cancelChangeSet(OfferdeskPrincipal caller, AwsInput input) {
        catalog(input);
        var cancelled = changeSets.cancel(caller, input.string("ChangeSetId"));
        var output = json.createObjectNode();
        output.put("ChangeSetId", cancelled.id());
        output.put("ChangeSetArn", cancelled.arn());
        return output;
    }

    JsonNode describeEntity(OfferdeskPrincipal caller, AwsInput input) {
        catalog(input);
        var id = input.string("EntityId");
        var product = ProductId.parse(id);
        if (product.isPresent()) {
            // the caller's own product exists but is not an entity this API describes; another's is not found
            products.product(caller, product.get());
            throw new AwsError(
                    "ResourceNotSupportedException",
                    415,
                    "DescribeEntity describes offers and resale authorizations on Offerdesk; product " + id
                            + " is described by the catalog's REST API (/api/v1/products).");
        }
        var described = describe(caller, id);
        var output = json.createObjectNode();
        output.put("EntityType", described.entityType());
        output.put("EntityIdentifier", described.identifier());
        output.put("EntityArn", described.arn());
        output.put("LastModifiedDate", date(described.lastModified()));
        output.put("Details", json.writeValueAsString(described.details()));
        output.set("DetailsDocument", described.details());
        return output;
    }

    /** Each entity as DescribeEntity describes it, or the error it would raise, keyed by the requested id. */
    JsonNode batchDescribeEntities(OfferdeskPrincipal caller, AwsInput input) {
        var requests = input.requiredList("EntityRequestList", r -> r);
        if (requests.isEmpty() || requests.size() > 20) {
            throw validation("EntityRequestList: 1 to 20 entities.");
        }
        var output = json.createObjectNode();
        var details = output.putObject("EntityDetails");
        var failures = output.putObject("Errors");
        for (var request : requests) {
            catalog(request);
            var id = request.string("EntityId");
            try {
                var described = describe(caller, id);
                var item = details.putObject(id);
                item.put("EntityType", described.entityType());
                item.put("EntityArn", described.arn());
                item.put("EntityIdentifier", described.identifier());
                item.put("LastModifiedDate", date(described.lastModified()));
                item.set("DetailsDocument", described.details());
            } catch (NotFound missing) {
                failures.putObject(id)
                        .put("ErrorCode", "ResourceNotFoundException")
                        .put("ErrorMessage", notFound(id));
            }
        }
        return output;
    }

    private record Described(
            String entityType, String identifier, String arn, Instant lastModified, ObjectNode details) {}

    /**
     * An offer, offer set or experience the caller owns, or a resale authorization it owns or that is shared with it.
     */
    private Described describe(OfferdeskPrincipal caller, String id) {
        if (OfferId.parse(id).isPresent()) {
            var offer = offers.offer(caller, id);
            return new Described(
                    Offer.ENTITY_TYPE,
                    id + "@" + offer.revision(),
                    arn(offer.sellerPartyId(), "Offer", id),
                    offer.lastModifiedAt(),
                    offers.details(offer));
        }
        if (ResaleAuthorization.isId(id)) {
            var authorization = ownedOrShared(caller, id);
            return new Described(
                    ResaleAuthorization.ENTITY_TYPE,
                    id + "@" + authorization.revision(),
                    arn(authorization.manufacturerPartyId(), "ResaleAuthorization", id),
                    authorization.lastModifiedAt(),
                    resale.describe(authorization));
        }
        if (OfferSetId.parse(id).isPresent()) {
            var set = offerSets.offerSet(caller, id).set();
            return new Described(
                    OfferSet.ENTITY_TYPE,
                    id + "@" + set.revision(),
                    arn(set.ownerPartyId(), "OfferSet", id),
                    set.lastModifiedAt(),
                    offerSets.details(set));
        }
        if (id.startsWith(Experience.ID_PREFIX)) {
            var experience = experiences.experience(caller, id);
            return new Described(
                    Experience.ENTITY_TYPE,
                    id + "@" + experience.revision(),
                    arn(experience.ownerPartyId(), "Experience", id),
                    experience.lastModifiedAt(),
                    experiences.details(experience));
        }
        throw new NotFound("entity", id);
    }

    private ResaleAuthorization ownedOrShared(OfferdeskPrincipal caller, String id) {
        try {
            return resale.authorization(caller, id);
        } catch (NotFound notOwned) {
            return resale.shared(caller, id);
        }
    }

    JsonNode listEntities(OfferdeskPrincipal caller, AwsInput input) {
        catalog(input);
        var entityType = input.string("EntityType");
        var max = (int) input.integer("MaxResults", LIST_ENTITIES_DEFAULT);
        if (max < 1 || max > LIST_ENTITIES_MAX) {
            throw validation("MaxResults: 1 to " + LIST_ENTITIES_MAX + ".");
        }
        var offset = offset(input.optionalString("NextToken"));
        var shared = "SHARED".equals(input.optionalString("OwnershipType"));
        if (input.has("FilterList") || input.has("Sort")) {
            throw validation("FilterList and Sort: use EntityTypeFilters and EntityTypeSort on Offerdesk.");
        }
        var output = json.createObjectNode();
        var summaries = output.putArray("EntitySummaryList");
        boolean more;
        switch (entityType) {
            case "Offer" -> {
                // offers are never shared with another party: a partner's list of shared offers is empty
                var page = shared
                        ? new OfferQueries.OfferPage(List.of(), false)
                        : offers.offers(caller, offerFilter(input), offset, max);
                page.offers().forEach(offer -> summaries.add(offerSummary(offer)));
                more = page.more();
            }
            case "ResaleAuthorization" -> {
                var filter = resaleFilter(input);
                var page = shared
                        ? resale.shared(caller, filter, offset, max)
                        : resale.authorizations(caller, filter, offset, max);
                page.authorizations().forEach(a -> summaries.add(resaleSummary(a)));
                more = page.more();
            }
            case "OfferSet" -> {
                // offer sets are never shared with another party
                var page = shared
                        ? new OfferSets.OfferSetPage(List.of(), false)
                        : offerSets.offerSets(caller, offerSetFilter(input), offset, max);
                page.sets().forEach(set -> summaries.add(offerSetSummary(set)));
                more = page.more();
            }
            case "Experience" -> {
                // the model has no filters, sorts or summary for experiences: the caller's own, most recent first
                if (input.has("EntityTypeFilters") || input.has("EntityTypeSort")) {
                    throw validation("EntityTypeFilters and EntityTypeSort: the model has none for Experience.");
                }
                var all = shared
                        ? List.<Experience>of()
                        : experiences.experiences(caller).stream()
                                .sorted(java.util.Comparator.comparing(Experience::lastModifiedAt)
                                        .reversed()
                                        .thenComparing(Experience::id))
                                .toList();
                all.stream().skip(offset).limit(max).forEach(e -> summaries.add(experienceSummary(e)));
                more = all.size() > offset + max;
            }
            default ->
                throw new AwsError(
                        "ResourceNotFoundException",
                        404,
                        "Offerdesk lists Offer, ResaleAuthorization, OfferSet and Experience entities, not "
                                + entityType + ".");
        }
        if (more) {
            output.put("NextToken", Integer.toString(offset + max));
        }
        return output;
    }

    /**
     * Every {@code OfferFilters} member and {@code OfferSort} field of the model. Value lists match any of their values;
     * a list of both states, or of both targetings Offerdesk has ({@code BuyerAccounts}, {@code None}), does not
     * filter; wildcard name and buyer account match a part, ignoring case; date ranges are inclusive.
     */
    private static OfferFilter offerFilter(AwsInput input) {
        var filters = EntityFilters.read(input, "OfferFilters", OFFER_FILTERS);
        var released = filters.range("ReleaseDate");
        var ends = filters.range("AvailabilityEndDate");
        var modified = filters.range("LastModifiedDate");
        var sorting = sorting(
                input,
                "OfferSort",
                Map.ofEntries(
                        Map.entry("LastModifiedDate", OfferFilter.Sort.LAST_MODIFIED_DATE),
                        Map.entry("Name", OfferFilter.Sort.NAME),
                        Map.entry("ReleaseDate", OfferFilter.Sort.RELEASE_DATE),
                        Map.entry("AvailabilityEndDate", OfferFilter.Sort.AVAILABILITY_END_DATE),
                        Map.entry("ProductId", OfferFilter.Sort.PRODUCT_ID),
                        Map.entry("State", OfferFilter.Sort.STATE),
                        Map.entry("EntityId", OfferFilter.Sort.ENTITY_ID),
                        Map.entry("ResaleAuthorizationId", OfferFilter.Sort.RESALE_AUTHORIZATION_ID),
                        Map.entry("OfferSetId", OfferFilter.Sort.OFFER_SET_ID),
                        Map.entry("BuyerAccounts", OfferFilter.Sort.BUYER_ACCOUNTS),
                        Map.entry("Targeting", OfferFilter.Sort.TARGETING)));
        return new OfferFilter(
                filters.state(),
                null,
                filters.value("BuyerAccounts"),
                filters.value("Name"),
                released.after(),
                released.before(),
                ends.afterDay(),
                ends.beforeDay(),
                null,
                sorting.by(),
                sorting.ascending(),
                filters.values("EntityId"),
                filters.values("Name"),
                filters.values("ProductId"),
                filters.values("ResaleAuthorizationId"),
                filters.values("OfferSetId"),
                targeted(filters.values("Targeting")),
                modified.after(),
                modified.before());
    }

    /**
     * An offer's targeting as its summary states it: {@code BuyerAccounts} (private) or {@code None} (public); the
     * model's {@code CountryCodes} and {@code ParticipatingPrograms} are not kinds of targeting Offerdesk lists by.
     */
    private static @Nullable Boolean targeted(List<String> values) {
        for (var value : values) {
            if (!value.equals("BuyerAccounts") && !value.equals("None")) {
                throw validation("EntityTypeFilters.OfferFilters.Targeting: Offerdesk filters by BuyerAccounts and"
                        + " None, not " + value + ".");
            }
        }
        var buyerAccounts = values.contains("BuyerAccounts");
        return buyerAccounts == values.contains("None") ? null : buyerAccounts;
    }

    /**
     * {@code ResaleAuthorizationFilters} and {@code ResaleAuthorizationSort} as far as the resale module keeps what they
     * name: ids, names, product, reseller account, status and the three dates. Legal names, product names, the
     * manufacturer's account (the caller's own, or the one that shared it) and the extended offer status are refused.
     */
    private static ResaleAuthorizationFilter resaleFilter(AwsInput input) {
        var filters = EntityFilters.read(input, "ResaleAuthorizationFilters", RESALE_AUTHORIZATION_FILTERS);
        var status = filters.value("Status");
        var created = filters.range("CreatedDate");
        var ends = filters.range("AvailabilityEndDate");
        var modified = filters.range("LastModifiedDate");
        var sorting = sorting(
                input,
                "ResaleAuthorizationSort",
                Map.ofEntries(
                        Map.entry("LastModifiedDate", ResaleAuthorizationFilter.Sort.LAST_MODIFIED_DATE),
                        Map.entry("EntityId", ResaleAuthorizationFilter.Sort.ENTITY_ID),
                        Map.entry("Name", ResaleAuthorizationFilter.Sort.NAME),
                        Map.entry("ProductId", ResaleAuthorizationFilter.Sort.PRODUCT_ID),
                        Map.entry("ResellerAccountID", ResaleAuthorizationFilter.Sort.RESELLER_ACCOUNT_ID),
                        Map.entry("Status", ResaleAuthorizationFilter.Sort.STATUS),
                        Map.entry("CreatedDate", ResaleAuthorizationFilter.Sort.CREATED_DATE),
                        Map.entry("AvailabilityEndDate", ResaleAuthorizationFilter.Sort.AVAILABILITY_END_DATE)));
        return new ResaleAuthorizationFilter(
                status == null
                        ? null
                        : java.util.Arrays.stream(ResaleAuthorizationStatus.values())
                                .filter(s -> s.wireName().equals(status))
                                .findFirst()
                                .orElseThrow(() -> validation("Status: Draft, Active or Restricted.")),
                filters.value("ProductId"),
                filters.value("ResellerAccountID"),
                filters.values("EntityId"),
                filters.values("Name"),
                filters.value("Name"),
                created.after(),
                created.before(),
                ends.afterDay(),
                ends.beforeDay(),
                modified.after(),
                modified.before(),
                sorting.by(),
                sorting.ascending());
    }

    /** How a member of an entity type's {@code EntityTypeFilters} gives its value. */
    private enum FilterKind {
        /** {@code ValueList}: any of its values. */
        VALUE_LIST,
        /** {@code ValueList} of exactly one value. */
        SINGLE_VALUE,
        /** {@code WildCardValue}: a part to look for, without its stars. */
        WILDCARD,
        /** {@code WildCardValue} (a part) if given, else {@code ValueList} (whole values). */
        WILDCARD_OR_VALUE_LIST,
        /** {@code DateRange}. */
        DATE_RANGE
    }

    /** Every {@code OfferFilters} member of the model. */
    private static final Map<String, FilterKind> OFFER_FILTERS = Map.ofEntries(
            Map.entry("EntityId", FilterKind.VALUE_LIST),
            Map.entry("ProductId", FilterKind.VALUE_LIST),
            Map.entry("ResaleAuthorizationId", FilterKind.VALUE_LIST),
            Map.entry("OfferSetId", FilterKind.VALUE_LIST),
            Map.entry("State", FilterKind.VALUE_LIST),
            Map.entry("Targeting", FilterKind.VALUE_LIST),
            Map.entry("Name", FilterKind.WILDCARD_OR_VALUE_LIST),
            Map.entry("BuyerAccounts", FilterKind.WILDCARD),
            Map.entry("ReleaseDate", FilterKind.DATE_RANGE),
            Map.entry("AvailabilityEndDate", FilterKind.DATE_RANGE),
            Map.entry("LastModifiedDate", FilterKind.DATE_RANGE));

    /** The {@code ResaleAuthorizationFilters} members whose object the resale module keeps. */
    private static final Map<String, FilterKind> RESALE_AUTHORIZATION_FILTERS = Map.ofEntries(
            Map.entry("Status", FilterKind.SINGLE_VALUE),
            Map.entry("ProductId", FilterKind.SINGLE_VALUE),
            Map.entry("ResellerAccountID", FilterKind.SINGLE_VALUE),
            Map.entry("EntityId", FilterKind.VALUE_LIST),
            Map.entry("Name", FilterKind.WILDCARD_OR_VALUE_LIST),
            Map.entry("CreatedDate", FilterKind.DATE_RANGE),
            Map.entry("AvailabilityEndDate", FilterKind.DATE_RANGE),
            Map.entry("LastModifiedDate", FilterKind.DATE_RANGE));

    /** Every {@code OfferSetFilters} member but {@code SolutionId}. */
    private static final Map<String, FilterKind> OFFER_SET_FILTERS = Map.ofEntries(
            Map.entry("EntityId", FilterKind.VALUE_LIST),
            Map.entry("Name", FilterKind.VALUE_LIST),
            Map.entry("AssociatedOfferIds", FilterKind.VALUE_LIST),
            Map.entry("State", FilterKind.VALUE_LIST),
            Map.entry("ReleaseDate", FilterKind.DATE_RANGE),
            Map.entry("LastModifiedDate", FilterKind.DATE_RANGE));

    /**
     * The filters a ListEntities call gave for its entity type, read by the type's table in the order given: a member
     * the table lacks is refused by name. Value lists by member, single and wildcard values by member, date ranges by
     * member; a member not given does not filter.
     */
    private record EntityFilters(
            Map<String, List<String>> lists, Map<String, String> strings, Map<String, Between> ranges) {

        static EntityFilters read(AwsInput input, String structure, Map<String, FilterKind> table) {
            var filters = input.has("EntityTypeFilters")
                    ? input.structure("EntityTypeFilters").structureOrNull(structure)
                    : null;
            var read = new EntityFilters(new HashMap<>(), new HashMap<>(), new HashMap<>());
            if (filters != null) {
                for (var member : filters.members()) {
                    var filter = filters.structure(member);
                    var kind = table.get(member);
                    if (kind == null) {
                        throw validation(
                                "EntityTypeFilters." + structure + "." + member + ": not a filter Offerdesk supports.");
                    }
                    switch (kind) {
                        case VALUE_LIST -> read.lists.put(member, filter.strings("ValueList"));
                        case SINGLE_VALUE -> read.strings.put(member, single(filter, member));
                        case WILDCARD -> read.strings.put(member, wildcard(filter));
                        case WILDCARD_OR_VALUE_LIST -> {
                            if (filter.has("WildCardValue")) {
                                read.strings.put(member, wildcard(filter));
                            } else {
                                read.lists.put(member, filter.strings("ValueList"));
                            }
                        }
                        case DATE_RANGE -> read.ranges.put(member, Between.of(filter, structure + "." + member));
                    }
                }
            }
            return read;
        }

        private static String wildcard(AwsInput filter) {
            return filter.string("WildCardValue").replace("*", "");
        }

        List<String> values(String member) {
            return lists.getOrDefault(member, List.of());
        }

        @Nullable
        String value(String member) {
            return strings.get(member);
        }

        Between range(String member) {
            return ranges.getOrDefault(member, Between.ANY_TIME);
        }

        /** {@code State}: one of Draft and Released filters; both do not. */
        @Nullable
        OfferState state() {
            var states = values("State");
            if (states.size() != 1) {
                return null;
            }
            return states.getFirst().equals("Draft") ? OfferState.DRAFT : OfferState.RELEASED;
        }
    }

    /** A filter's {@code DateRange}, each end optional and inclusive: Offerdesk filters dates by ranges, not lists. */
    private record Between(
            @Nullable Instant after, @Nullable Instant before) {

        static final Between ANY_TIME = new Between(null, null);

        static Between of(AwsInput filter, String member) {
            if (!filter.has("DateRange")) {
                throw validation("EntityTypeFilters." + member + ": Offerdesk filters dates by DateRange.");
            }
            var range = filter.structure("DateRange");
            return new Between(optionalInstant(range, "AfterValue"), optionalInstant(range, "BeforeValue"));
        }

        @Nullable
        LocalDate afterDay() {
            return after == null ? null : LocalDate.ofInstant(after, ZoneOffset.UTC);
        }

        @Nullable
        LocalDate beforeDay() {
            return before == null ? null : LocalDate.ofInstant(before, ZoneOffset.UTC);
        }
    }

    /** An {@code EntityTypeSort} member's field and order; most recently modified first unless told otherwise. */
    private record Sorting<S>(S by, boolean ascending) {}

    private static <S> Sorting<S> sorting(AwsInput input, String member, Map<String, S> fields) {
        var sort =
                input.has("EntityTypeSort") ? input.structure("EntityTypeSort").structureOrNull(member) : null;
        var by = sort == null ? null : sort.optionalString("SortBy");
        var field = fields.get(by == null ? "LastModifiedDate" : by);
        if (field == null) {
            throw validation("EntityTypeSort." + member + ".SortBy: Offerdesk does not sort by " + by + ".");
        }
        return new Sorting<>(field, sort != null && "ASCENDING".equals(sort.optionalString("SortOrder")));
    }

    /**
     * {@code OfferSetFilters} and {@code OfferSetSort}: every member but {@code SolutionId} (Offerdesk has no solutions,
     * refused by name); a list of both states does not filter.
     */
    private static OfferSetFilter offerSetFilter(AwsInput input) {
        var filters = EntityFilters.read(input, "OfferSetFilters", OFFER_SET_FILTERS);
        var released = filters.range("ReleaseDate");
        var modified = filters.range("LastModifiedDate");
        var sorting = sorting(
                input,
                "OfferSetSort",
                Map.ofEntries(
                        Map.entry("LastModifiedDate", OfferSetFilter.Sort.LAST_MODIFIED_DATE),
                        Map.entry("EntityId", OfferSetFilter.Sort.ENTITY_ID),
                        Map.entry("Name", OfferSetFilter.Sort.NAME),
                        Map.entry("State", OfferSetFilter.Sort.STATE),
                        Map.entry("ReleaseDate", OfferSetFilter.Sort.RELEASE_DATE)));
        return new OfferSetFilter(
                filters.values("EntityId"),
                filters.values("Name"),
                filters.state(),
                released.after(),
                released.before(),
                filters.values("AssociatedOfferIds"),
                modified.after(),
                modified.before(),
                sorting.by(),
                sorting.ascending());
    }

    private ObjectNode offerSetSummary(OfferSet set) {
        var id = set.id().value();
        var item = json.createObjectNode();
        item.put("Name", set.name());
        item.put("EntityType", "OfferSet");
        item.put("EntityId", id);
        item.put("EntityArn", arn(set.ownerPartyId(), "OfferSet", id));
        item.put("LastModifiedDate", date(set.lastModifiedAt()));
        item.put("Visibility", "Private");
        var summary = item.putObject("OfferSetSummary");
        summary.put("Name", set.name());
        summary.put("State", set.state().wireName());
        putIfPresent(summary, "ReleaseDate", set.releasedAt() == null ? null : date(set.releasedAt()));
        var offerIds = summary.putArray("AssociatedOfferIds");
        set.offerIds().forEach(offerId -> offerIds.add(offerId.value()));
        return item;
    }

    private ObjectNode experienceSummary(Experience experience) {
        var item = json.createObjectNode();
        item.put("Name", experience.name());
        item.put("EntityType", "Experience");
        item.put("EntityId", experience.id());
        item.put("EntityArn", arn(experience.ownerPartyId(), "Experience", experience.id()));
        item.put("LastModifiedDate", date(experience.lastModifiedAt()));
        item.put("Visibility", "Private");
        return item;
    }

    private ObjectNode offerSummary(Offer offer) {
        var id = offer.id().value();
        var item = json.createObjectNode();
        putIfPresent(item, "Name", offer.name());
        item.put("EntityType", "Offer");
        item.put("EntityId", id);
        item.put("EntityArn", arn(offer.sellerPartyId(), "Offer", id));
        item.put("LastModifiedDate", date(offer.lastModifiedAt()));
        item.put("Visibility", offer.isPrivate() ? "Private" : "Public");
        var summary = item.putObject("OfferSummary");
        putIfPresent(summary, "Name", offer.name());
        summary.put("ProductId", offer.productId());
        if (offer.resale() != null) {
            putIfPresent(summary, "ResaleAuthorizationId", offer.resale().authorizationId());
        }
        putIfPresent(summary, "ReleaseDate", offer.releasedAt() == null ? null : date(offer.releasedAt()));
        putIfPresent(
                summary,
                "AvailabilityEndDate",
                offer.availabilityEndDate() == null ? null : offer.availabilityEndDate() + "T23:59:59Z");
        if (offer.isPrivate()) {
            var buyers = summary.putArray("BuyerAccounts");
            offer.buyerAccounts().forEach(a -> buyers.add(a.value()));
            summary.putArray("Targeting").add("BuyerAccounts");
        } else {
            summary.putArray("Targeting").add("None");
        }
        summary.put("State", offer.state().wireName());
        putIfPresent(summary, "OfferSetId", offer.offerSetId());
        return item;
    }

    private ObjectNode resaleSummary(ResaleAuthorization authorization) {
        var id = authorization.id();
        var item = json.createObjectNode();
        item.put("Name", authorization.name());
        item.put("EntityType", "ResaleAuthorization");
        item.put("EntityId", id);
        item.put("EntityArn", arn(authorization.manufacturerPartyId(), "ResaleAuthorization", id));
        item.put("LastModifiedDate", date(authorization.lastModifiedAt()));
        item.put("Visibility", "Private");
        var summary = item.putObject("ResaleAuthorizationSummary");
        summary.put("Name", authorization.name());
        summary.put("ProductId", authorization.productId());
        summary.put("ResellerAccountID", authorization.resellerAccountId().value());
        summary.put("Status", authorization.status().wireName());
        summary.put("CreatedDate", date(authorization.createdAt()));
        putIfPresent(
                summary,
                "AvailabilityEndDate",
                authorization.availabilityEndDate() == null
                        ? null
                        : authorization.availabilityEndDate() + "T23:59:59Z");
        return item;
    }

    @Override
    public AwsError translate(String operation, RuntimeException failure) {
        return switch (failure) {
            case InvalidInput invalid ->
                validation(String.join(
                        "; ", invalid.violations().stream().map(errors::message).toList()));
            case NotFound missing -> new AwsError("ResourceNotFoundException", 404, notFound(missing.entityId()));
            case ResourceInUse inUse ->
                new AwsError(
                        "ResourceInUseException",
                        423,
                        "The entity " + inUse.entityId() + " is locked by another change set that has not finished.");
            case QuotaExceeded quota ->
                new AwsError(
                        "ServiceQuotaExceededException",
                        402,
                        errors.message(quota.code(), quota.arguments().toArray()));
            case Conflict conflict ->
                new AwsError(
                        "ResourceInUseException",
                        423,
                        errors.message(conflict.code(), conflict.arguments().toArray()));
            case AccessDeniedException denied ->
                new AwsError("AccessDeniedException", 403, "You are not allowed to do this: " + denied.getMessage());
            default -> new AwsError("InternalServiceException", 500, "An internal error occurred.");
        };
    }

    /** Catalog has no SerializationException and answers validation with 422. */
    @Override
    public AwsError onWire(AwsError error) {
        return switch (error.code()) {
            case "ValidationException", "SerializationException" -> validation(error.message());
            default -> error;
        };
    }

    private static AwsError validation(String message) {
        return new AwsError("ValidationException", 422, message);
    }

    private static String notFound(String id) {
        return "The entity or change set " + id + " was not found.";
    }

    private static void catalog(AwsInput input) {
        if (!CATALOG.equals(input.string("Catalog"))) {
            throw new AwsError("ResourceNotFoundException", 404, "The only catalog is " + CATALOG + ".");
        }
    }

    /** {@code arn:aws:aws-marketplace:us-east-1:<owner's account>:AWSMarketplace/<type>/<id>}, as AWS writes it. */
    private String arn(UUID ownerPartyId, String type, String id) {
        var account = parties.accountsOf(ownerPartyId).stream()
                .filter(a -> a.kind() == Account.Kind.MANAGEMENT)
                .findFirst()
                .map(a -> a.id().value())
                .orElse("000000000000");
        return "arn:aws:aws-marketplace:us-east-1:" + account + ":AWSMarketplace/" + type + "/" + id;
    }

    /** The model's {@code DateTimeISO8601}: exactly {@code yyyy-MM-ddTHH:mm:ssZ}. */
    static String date(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static Instant instant(String member, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw validation(member + ": expected yyyy-MM-ddTHH:mm:ssZ, got " + value + ".");
        }
    }

    private static @Nullable Instant optionalInstant(AwsInput range, String member) {
        var value = range.optionalString(member);
        return value == null ? null : instant(member, value);
    }

    private static String single(AwsInput filter, String member) {
        var values = filter.strings("ValueList");
        if (values.size() != 1) {
            throw validation(member + ".ValueList: Offerdesk filters by exactly one value.");
        }
        return values.getFirst();
    }

    private static int offset(@Nullable String nextToken) {
        if (nextToken == null) {
            return 0;
        }
        try {
            var offset = Integer.parseInt(nextToken);
            if (offset >= 0) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw validation("NextToken: not a token Offerdesk issued.");
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String member, String value) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw validation(member + ": '" + value + "' is not one of " + List.of(type.getEnumConstants()) + ".");
        }
    }

    private static void putIfPresent(ObjectNode node, String member, @Nullable String value) {
        if (value != null) {
            node.put(member, value);
        }
    }
}
