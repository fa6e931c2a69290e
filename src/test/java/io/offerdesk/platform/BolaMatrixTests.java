package io.offerdesk.platform;

import static io.offerdesk.offers.OfferFixtures.change;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.awsapi.support.AwsClients;
import io.offerdesk.gtm.ApprovalFixtures;
import io.offerdesk.invoicing.CollectionFixtures;
import io.offerdesk.invoicing.CollectionFixtures.Buyer;
import io.offerdesk.offers.OfferFixtures;
import io.offerdesk.offers.ResaleOfferFixtures;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.Onboarding;
import io.offerdesk.support.Polls;
import io.offerdesk.support.TestApi;
import io.offerdesk.support.TestApi.Reply;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The BOLA matrix (issue #11 item 6, ADR 0050): every REST operation whose path names an object, enumerated from the
 * app's own OpenAPI document, called by every role of tenant B on the objects of tenant A. Tenant A is the demo seller
 * Acme with its channel partner Northwind, a buyer of the test's own and a seller of the test's own for the approval
 * workflow; tenant B is a seller, a channel partner and a buyer onboarded here, each with a user of every role its kind
 * can grant. Every answer must be what the same user gets for an id that does not exist (so the answer tells nothing
 * about A's object), never a success and never a 5xx, and must not carry A's data; A's own users must succeed on a read
 * of each object, which proves the ids were real.
 */
// Moves the simulated clock a minute so that the invoicing run issues tenant A's invoice.
@EndToEndTest
@Order(Order.DEFAULT + 76)
class BolaMatrixTests {

    static final String OPERATOR = Onboarding.OPERATOR;
    static final String AUTHOR = OfferFixtures.AUTHOR;
    static final String ACME_ADMIN = "admin@acme.example";
    static final String ACME_FINANCE = "finance@acme.example";
    static final String ACME_APPROVER = "approver@acme.example";
    static final List<String> ACME_AND_NORTHWIND = List.of(
            ACME_ADMIN,
            AUTHOR,
            ACME_APPROVER,
            ACME_FINANCE,
            "admin@northwind.example",
            ResaleOfferFixtures.PARTNER,
            "approver@northwind.example",
            "finance@northwind.example");
    static final Pattern VARIABLE = Pattern.compile("([^/]*)/\\{([^}]+)}");

    /**
     * Path variables that name no object of another party, with why; every other variable must have a value of tenant
     * A below, so that a new object endpoint fails this test until its object joins the matrix.
     */
    static final Map<String, String> NOT_OBJECTS = Map.of(
            "invitations/{token}", "the invitation token is a bearer secret: whoever holds it may accept by design",
            "analytics/{report}", "the name of a report of the caller's own data, not an object",
            "disbursement-preferences/{currencyCode}", "the caller's own preference for a currency",
            "commitment-headroom-shares/{sellerPartyId}", "the caller's own share with a seller, named by the seller");

    /** Objects of the operator, not of a tenant. */
    static final List<String> OPERATOR_OBJECTS = List.of(
            "runs/{runId}",
            "schedules/{id}",
            "tax-rates/{country}",
            "standard-contracts/{contractId}",
            "rate-limits/{partyId}",
            "commitment-eligibility/{productId}");

    /**
     * The operator's documents that every party reads by design: the standard contract buyers accept and the
     * listing-fee schedule sellers pay by. Their mutations are in the matrix like any other.
     */
    static final List<String> PUBLIC_READS =
            List.of("/api/v1/standard-contracts/{contractId}", "/api/v1/listing-fees/schedules/{id}");

    /** Reads whose positive control A cannot give, with why; B's cells of them are in the matrix all the same. */
    static final Map<String, String> NO_POSITIVE_CONTROL = Map.of(
            "/api/v1/renewal-drafts/{agreementId}", "the renewal engine is off in tests, so A's agreement has no draft",
            "/api/v1/eula-templates/{id}/redline", "a redline compares two versions; the demo's templates have one",
            "/api/v1/eula-clauses/{id}/redline", "a redline compares two versions; the demo's clauses have one",
            "/api/v1/operator/commitment-eligibility/{productId}", "only products the operator flagged have one",
            "/api/v1/rate-limits/{partyId}", "only parties the operator gave their own limits have one");

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    /** A user of tenant B: its e-mail, party kind and role. */
    record Attacker(String email, String kind, String role) {}

    /** One cell of the matrix that broke the rule, with what was asked and answered. */
    record Violation(String user, String method, String path, int status, String why, String body) {

        @Override
        public String toString() {
            return "%s %s as %s -> %d: %s %s"
                    .formatted(method, path, user, status, why, body.length() > 300 ? body.substring(0, 300) : body);
        }
    }

    /** Tenant A's objects and tenant B's users, made once for the class's tests. */
    record Tenants(TenantA a, List<Attacker> b) {}

    static @Nullable Tenants tenants;

    Tenants tenants() {
        var made = tenants;
        if (made == null) {
            made = new Tenants(tenantA(), tenantB());
            tenants = made;
        }
        return made;
    }

    @Test
    void noRoleOfAnotherTenantReachesAnObjectOfTenantA() {
        var a = tenants().a();
        var attackers = tenants().b();
        var operations = objectOperations();
        var unresolved = new TreeMap<String, String>();
        operations.forEach(op -> op.variables().forEach(v -> {
            if (!NOT_OBJECTS.containsKey(v) && !a.ids.containsKey(v)) {
                unresolved.put(v, op.method() + " " + op.template());
            }
        }));
        var violations = new ArrayList<Violation>();
        var unconfirmed = new ArrayList<String>();
        var statuses = new TreeMap<Integer, Integer>();
        var cells = 0;
        for (var op : operations) {
            if (op.variables().stream().anyMatch(v -> NOT_OBJECTS.containsKey(v) || !a.ids.containsKey(v))) {
                continue;
            }
            var reals = op.paths(a.ids);
            if (op.method().equals("GET")
                    && !NO_POSITIVE_CONTROL.containsKey(op.template())
                    && reals.stream().noneMatch(real -> readByTenantA(op, real, a))) {
                unconfirmed.add(op.template());
            }
            for (var real : reals) {
                var fabricated = op.path(fabricated(real.values()));
                for (var attacker : attackers) {
                    cells++;
                    var got = call(op, real.path(), attacker.email());
                    var control = call(op, fabricated, attacker.email());
                    statuses.merge(got.status(), 1, Integer::sum);
                    check(op, real, attacker, got, control, a.secrets).ifPresent(violations::add);
                }
            }
        }
        System.out.printf(
                "BOLA matrix: %d object operations x %d roles of tenant B = %d cells; statuses %s%n",
                operations.size(), attackers.size(), cells, statuses);
        violations.forEach(v -> System.out.println("BOLA violation: " + v));
        unresolved.forEach((v, op) -> System.out.println("BOLA unresolved: " + v + " in " + op));
        unconfirmed.forEach(op -> System.out.println("BOLA unconfirmed: " + op));
        a.problems().forEach(p -> System.out.println("BOLA setup problem: " + p));
        assertThat(violations).as("cross-tenant answers").isEmpty();
        assertUnchanged(a);
        assertThat(a.problems()).as("tenant A's objects that could not be made").isEmpty();
        assertThat(unconfirmed)
                .as("reads that no user of tenant A could make: the ids were not real")
                .isEmpty();
        assertThat(unresolved)
                .as("object endpoints whose object tenant A does not have yet: add it to tenantA()")
                .isEmpty();
    }

    /**
     * The operator is not a tenant: it reads across tenants what its duties need (ADR 0050), and exactly that. The
     * operator's mutations are not called here: on A's real objects they would act (disable A's users, say).
     */
    @Test
    void theOperatorReadsAcrossTenantsOnlyWhatItsDutiesNeed() {
        var a = tenants().a();
        var reads = new java.util.TreeSet<String>();
        for (var op : objectOperations()) {
            if (!op.method().equals("GET")
                    || op.variables().stream().anyMatch(v -> NOT_OBJECTS.containsKey(v) || !a.ids.containsKey(v))
                    || op.variables().stream().anyMatch(OPERATOR_OBJECTS::contains)) {
                continue;
            }
            var readable = op.paths(a.ids).stream()
                    .anyMatch(real -> call(op, real.path(), OPERATOR).status() / 100 == 2);
            if (readable) {
                reads.add(op.template());
            }
        }
        reads.forEach(template -> System.out.println("BOLA operator reads: " + template));
        assertThat(reads).isEqualTo(new java.util.TreeSet<>(OPERATOR_READS));
    }

    /** What the operator reads of a tenant's objects: see ADR 0050 and docs/operations.md. */
    static final List<String> OPERATOR_READS = List.of(
            "/api/v1/agreements/{agreementId}",
            "/api/v1/agreements/{agreementId}/cancellation-requests",
            "/api/v1/agreements/{agreementId}/charges",
            "/api/v1/agreements/{agreementId}/entitlements",
            "/api/v1/agreements/{agreementId}/invoice-line-items",
            "/api/v1/agreements/{agreementId}/payment-requests",
            "/api/v1/agreements/{agreementId}/renewal",
            "/api/v1/agreements/{agreementId}/terms",
            "/api/v1/billing-adjustment-requests/{requestId}",
            "/api/v1/cancellation-requests/{requestId}",
            "/api/v1/disbursements/{id}",
            "/api/v1/disbursements/{id}/report",
            "/api/v1/disbursements/{id}/report.csv",
            "/api/v1/invoices/{invoiceId}",
            "/api/v1/invoices/{invoiceId}/balance",
            "/api/v1/invoices/{invoiceId}/payments",
            "/api/v1/invoices/{invoiceId}/pdf",
            "/api/v1/invoices/{invoiceId}/reminders",
            "/api/v1/invoicing/billing-profiles/{buyerPartyId}",
            "/api/v1/listing-fees/agreements/{agreementId}",
            "/api/v1/metering/agreements/{agreementId}/rated-usage",
            "/api/v1/metering/agreements/{agreementId}/usage",
            "/api/v1/offer-sets/{offerSetId}",
            "/api/v1/offers/{offerId}",
            "/api/v1/offers/{offerId}/approvals",
            "/api/v1/offers/{offerId}/eula",
            "/api/v1/offers/{offerId}/revisions",
            "/api/v1/offers/{offerId}/revisions/{revision}",
            "/api/v1/parties/{partyId}",
            "/api/v1/parties/{partyId}/accounts",
            "/api/v1/parties/{partyId}/organization",
            "/api/v1/parties/{partyId}/organizational-units",
            "/api/v1/parties/{partyId}/users",
            "/api/v1/payment-requests/{requestId}",
            "/api/v1/products/{productId}",
            "/api/v1/users/{userId}");

    /** The positive control: some user of tenant A (the operator for the operator's objects) reads the object. */
    boolean readByTenantA(Operation op, Resolved real, TenantA a) {
        var owners = op.variables().stream().anyMatch(OPERATOR_OBJECTS::contains) ? List.of(OPERATOR) : a.users();
        return owners.stream().anyMatch(owner -> call(op, real.path(), owner).status() / 100 == 2);
    }

    // ----- the operations

    /** An operation of the OpenAPI document whose path names an object. */
    record Operation(
            String method, String template, @Nullable JsonNode body, List<String> variables) {

        String path(Map<String, String> values) {
            var path = template;
            for (var v : values.entrySet()) {
                path = path.replace(v.getKey(), v.getValue());
            }
            return path;
        }

        /** The paths with tenant A's values: every combination where a variable has several. */
        List<Resolved> paths(Map<String, List<String>> ids) {
            var combinations = new ArrayList<Map<String, String>>();
            combinations.add(new LinkedHashMap<>());
            for (var variable : variables) {
                var next = new ArrayList<Map<String, String>>();
                for (var combination : combinations) {
                    for (var value : ids.getOrDefault(variable, List.of())) {
                        var extended = new LinkedHashMap<>(combination);
                        extended.put(variable.substring(variable.indexOf('{')), value);
                        next.add(extended);
                    }
                }
                combinations = next;
            }
            return combinations.stream()
                    .map(values -> new Resolved(path(values), values))
                    .toList();
        }
    }

    record Resolved(String path, Map<String, String> values) {}

    List<Operation> objectOperations() {
        var docs = api.get("/v3/api-docs", null).json();
        var operations = new ArrayList<Operation>();
        for (var path : docs.at("/paths").properties()) {
            var template = path.getKey();
            var matcher = VARIABLE.matcher(template);
            var variables = new ArrayList<String>();
            while (matcher.find()) {
                variables.add(matcher.group(1) + "/{" + matcher.group(2) + "}");
            }
            if (variables.isEmpty()) {
                continue;
            }
            for (var method : path.getValue().properties()) {
                var schema = method.getValue().at("/requestBody/content/application~1json/schema");
                operations.add(new Operation(
                        method.getKey().toUpperCase(java.util.Locale.ROOT),
                        template,
                        schema.isMissingNode() ? null : example(docs, schema, 0),
                        variables));
            }
        }
        return operations;
    }

    /** A plausible body for the schema: every property with a value of its type. */
    static JsonNode example(JsonNode docs, JsonNode schema, int depth) {
        var mapper = tools.jackson.databind.json.JsonMapper.builder().build();
        if (schema.has("$ref")) {
            return example(docs, docs.at(schema.at("/$ref").asString().substring(1)), depth);
        }
        if (schema.has("enum")) {
            return schema.at("/enum/0");
        }
        var type = schema.at("/type").asString("object");
        return switch (type) {
            case "string" ->
                switch (schema.at("/format").asString("")) {
                    case "uuid" ->
                        mapper.getNodeFactory().stringNode(UUID.randomUUID().toString());
                    case "date" -> mapper.getNodeFactory().stringNode("2027-01-15");
                    case "date-time" -> mapper.getNodeFactory().stringNode("2027-01-15T00:00:00Z");
                    default -> mapper.getNodeFactory().stringNode("12");
                };
            case "integer", "number" -> mapper.getNodeFactory().numberNode(1);
            case "boolean" -> mapper.getNodeFactory().booleanNode(true);
            case "array" -> {
                var array = mapper.createArrayNode();
                if (depth < 4) {
                    array.add(example(docs, schema.at("/items"), depth + 1));
                }
                yield array;
            }
            default -> {
                var object = mapper.createObjectNode();
                if (depth < 4) {
                    schema.at("/properties")
                            .properties()
                            .forEach(p -> object.set(p.getKey(), example(docs, p.getValue(), depth + 1)));
                }
                yield object;
            }
        };
    }

    Reply call(Operation op, String path, String email) {
        var reply = once(op, path, email);
        for (int i = 0; reply.status() == 429 && i < 10; i++) {
            sleep(1000);
            reply = once(op, path, email);
        }
        return reply;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply once(Operation op, String path, String email) {
        var request = api.request(path, email);
        var body = op.body() == null ? "{}" : op.body().toString();
        var builder = switch (op.method()) {
            case "GET" -> request.GET();
            case "DELETE" -> request.DELETE();
            default ->
                request.header("Content-Type", "application/json")
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .method(op.method(), HttpRequest.BodyPublishers.ofString(body));
        };
        return api.send(builder);
    }

    /** An id of the same shape as the real one (prefix, length, digits and letters) that names nothing. */
    static Map<String, String> fabricated(Map<String, String> real) {
        var fabricated = new LinkedHashMap<String, String>();
        real.forEach((variable, value) -> fabricated.put(variable, fabricated(value)));
        return fabricated;
    }

    static String fabricated(String value) {
        try {
            UUID.fromString(value);
            return UUID.randomUUID().toString();
        } catch (IllegalArgumentException notUuid) {
            var random = ThreadLocalRandom.current();
            var chars = value.toCharArray();
            for (int i = value.lastIndexOf('-') + 1; i < chars.length; i++) {
                var c = chars[i];
                if (Character.isDigit(c)) {
                    chars[i] = (char) ('0' + random.nextInt(10));
                } else if (c >= 'a' && c <= 'z') {
                    chars[i] = (char) ('a' + random.nextInt(26));
                } else if (c >= 'A' && c <= 'Z') {
                    chars[i] = (char) ('A' + random.nextInt(26));
                }
            }
            return new String(chars);
        }
    }

    /**
     * The rule of a cell: no success and no 5xx; the same status as for an id that names nothing (a 403 is allowed
     * only when the role is refused the operation whatever the object, so the control gets it too); none of A's
     * identifiers or names in the body, other than those the caller sent in the path.
     */
    static java.util.Optional<Violation> check(
            Operation op, Resolved real, Attacker attacker, Reply got, Reply control, List<String> secrets) {
        var path = real.path();
        if (op.method().equals("GET") && PUBLIC_READS.contains(op.template()) && got.status() == 200) {
            return java.util.Optional.empty();
        }
        if (got.status() < 400 || got.status() >= 500) {
            return java.util.Optional.of(
                    new Violation(attacker.email(), op.method(), path, got.status(), "answered", got.body()));
        }
        if (got.status() != control.status()) {
            return java.util.Optional.of(new Violation(
                    attacker.email(),
                    op.method(),
                    path,
                    got.status(),
                    "differs from an id that names nothing (" + control.status() + ")",
                    got.body()));
        }
        var body = got.body();
        for (var value : real.values().values()) {
            body = body.replace(value, "");
        }
        for (var secret : secrets) {
            if (body.contains(secret)) {
                return java.util.Optional.of(new Violation(
                        attacker.email(), op.method(), path, got.status(), "shows " + secret, got.body()));
            }
        }
        return java.util.Optional.empty();
    }

    /** What B's calls would have changed, had any of them succeeded, is as A left it. */
    void assertUnchanged(TenantA a) {
        var offer = api.get("/api/v1/offers/" + a.id("offers/{offerId}"), AUTHOR);
        assertThat(offer.json().at("/offer/name").asString()).as(offer.body()).isEqualTo(a.offerName());
        var agreement = api.get("/api/v1/agreements/" + a.id("agreements/{agreementId}"), AUTHOR);
        assertThat(statusOf(agreement)).as(agreement.body()).isEqualTo("ACTIVE");
        for (var request : List.of("payment-requests/{requestId}", "cancellation-requests/{requestId}")) {
            var read = api.get("/api/v1/" + request.replace("{requestId}", a.id(request)), AUTHOR);
            assertThat(statusOf(read)).as(read.body()).startsWith("PENDING");
        }
        var draft = a.ids().getOrDefault("offers/{offerId}", List.of("missing")).getLast();
        var approvals =
                api.get("/api/v1/offers/" + draft + "/approvals", a.seller().author());
        assertThat(approvals.json().at("/latest/status").asString())
                .as(approvals.body())
                .isEqualTo("PENDING");
        assertThat(approvals.json().at("/latest/approvals/0/state").asString())
                .as(approvals.body())
                .isEqualTo("OPEN");
    }

    /** The status of an object read as JSON, at the top or in its one wrapped object. */
    static String statusOf(Reply read) {
        var json = read.json();
        return json.at("/status").isString()
                ? json.at("/status").asString()
                : json.values().stream()
                        .filter(JsonNode::isObject)
                        .map(o -> o.at("/status").asString(""))
                        .findFirst()
                        .orElse("");
    }

    // ----- the AWS-compatible operations

    /** Members of an operation's input that name an entity, agreement, offer, product or change set of a party. */
    static final Pattern IDENTIFIER_MEMBER = Pattern.compile(
            "(?i)(agreement|agreementRequest|agreementCancellationRequest|paymentRequest|billingAdjustmentRequest"
                    + "|originalInvoice|invoice|offer|offerSet|product|listing|entity|changeSet|resaleAuthorization)Id"
                    + "|agreementProposalIdentifier|Identifier|ResourceArn|ProductCode|EntityRequestList");

    /** The botocore models by service name, with the path of the service's endpoint. */
    static final Map<String, String> SERVICES = Map.of(
            "marketplace-catalog", "/aws/catalog",
            "marketplace-agreement", "/aws/agreement",
            "marketplace-discovery", "/aws/discovery",
            "marketplace-entitlement", "/aws/entitlement",
            "meteringmarketplace", "/aws/metering");

    @Test
    void noRoleOfAnotherTenantReachesAnEntityOfTenantAOverTheAwsApis() throws Exception {
        var a = tenants().a();
        var calls = awsCalls(a);
        assertThat(calls.stream().map(c -> c.get("operation")).distinct().toList())
                .as("every modeled operation that names an object is in the matrix")
                .containsAll(identifierOperations());

        var sellerOwner = Map.<String, Object>of("name", AUTHOR, "keys", AwsClients.accessKey(api, AUTHOR, AUTHOR));
        var buyerOwner = Map.<String, Object>of(
                "name",
                a.buyer().procurement(),
                "keys",
                AwsClients.accessKey(api, a.buyer().procurement(), a.buyer().procurement()));
        var sellerReads = bola(
                List.of(sellerOwner),
                calls.stream()
                        .filter(c -> List.of("describe_entity", "describe_change_set", "get_agreement_terms")
                                        .contains(c.get("operation"))
                                // Offerdesk describes products by REST only (ResourceNotSupportedException).
                                && !c.toString().contains(a.id("products/{productId}")))
                        .toList());
        var buyerReads = bola(
                List.of(buyerOwner),
                calls.stream()
                        .filter(c -> List.of("describe_agreement", "get_offer", "get_offer_terms", "get_offer_set")
                                .contains(c.get("operation")))
                        .toList());
        for (var read : concat(sellerReads, buyerReads)) {
            assertThat(read.at("/ok").asBoolean())
                    .as("the positive control: A's own user reads its object " + read)
                    .isTrue();
        }

        var users = new ArrayList<Map<String, Object>>();
        for (var attacker : tenants().b()) {
            users.add(Map.of(
                    "name", attacker.email(), "keys", AwsClients.accessKey(api, attacker.email(), attacker.email())));
        }
        var fabricated = AwsClients.JSON.writeValueAsString(calls);
        for (var id : a.ids().values().stream()
                .flatMap(List::stream)
                .filter(v -> v.length() >= 8)
                .toList()) {
            fabricated = fabricated.replace(id, fabricated(id));
        }
        var got = bola(users, calls);
        var control = bola(users, AwsClients.JSON.readValue(fabricated, List.class));
        var violations = new ArrayList<String>();
        var statuses = new TreeMap<String, Integer>();
        for (int i = 0; i < got.size(); i++) {
            var call = calls.get(i % calls.size());
            var user = users.get(i / calls.size()).get("name");
            var outcome = got.get(i);
            var expected = control.get(i);
            statuses.merge(
                    outcome.at("/ok").asBoolean() ? "ok" : outcome.at("/code").asString(""), 1, Integer::sum);
            awsViolation(call, outcome, expected, a)
                    .ifPresent(why -> violations.add(call.get("operation") + " " + call.get("params") + " as " + user
                            + ": " + why + " " + outcome));
        }
        System.out.printf(
                "BOLA AWS matrix: %d calls x %d roles of tenant B = %d cells; outcomes %s%n",
                calls.size(), users.size(), got.size(), statuses);
        violations.forEach(v -> System.out.println("BOLA AWS violation: " + v));
        assertThat(violations).as("cross-tenant answers").isEmpty();
        assertUnchanged(a);
    }

    /**
     * The rule of a cell: a refusal (4xx, never 5xx) with the code an id that names nothing gets; a list, search or
     * batch call and the asynchronous start of a change set may succeed, but then shows nothing of A beyond the ids
     * the caller sent (a change set's changes fail when they run: {@link #assertUnchanged} checks the offer).
     */
    static java.util.Optional<String> awsViolation(
            Map<String, Object> call, JsonNode outcome, JsonNode control, TenantA a) {
        var operation = String.valueOf(call.get("operation"));
        if (outcome.at("/status").asInt() == 0 && !outcome.at("/ok").asBoolean()) {
            return java.util.Optional.of("boto3 did not send the call");
        }
        var body = outcome.at("/raw/body").asString("");
        var params = AwsClients.JSON.writeValueAsString(call.get("params"));
        for (var id : a.ids().values().stream().flatMap(List::stream).toList()) {
            if (params.contains(id)) {
                body = body.replace(id, "");
            }
        }
        for (var secret : a.secrets()) {
            if (body.contains(secret)) {
                return java.util.Optional.of("shows " + secret);
            }
        }
        if (outcome.at("/ok").asBoolean()) {
            var mayAnswer = operation.startsWith("list_")
                    || operation.startsWith("search_")
                    || operation.startsWith("batch_")
                    || operation.equals("start_change_set");
            return mayAnswer ? java.util.Optional.empty() : java.util.Optional.of("answered");
        }
        var status = outcome.at("/status").asInt();
        if (status < 400 || status >= 500) {
            return java.util.Optional.of("status " + status);
        }
        if (operation.equals("register_usage")
                && outcome.at("/code").asString("").equals("CustomerNotEntitledException")
                && control.at("/code").asString("").equals("InvalidProductCodeException")) {
            // AWS's model: RegisterUsage tells a product the caller holds no entitlement to from an unknown code
            // (product codes are not secrets on AWS). Known and accepted: ADR 0050.
            return java.util.Optional.empty();
        }
        if (!outcome.at("/code").asString("").equals(control.at("/code").asString(""))) {
            return java.util.Optional.of("differs from an id that names nothing (" + control.at("/code") + ")");
        }
        return java.util.Optional.empty();
    }

    static List<JsonNode> concat(List<JsonNode> first, List<JsonNode> second) {
        var all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    List<JsonNode> bola(List<Map<String, Object>> users, List<?> calls) {
        var outcomes = new ArrayList<JsonNode>();
        AwsClients.boto3("bola.py", Map.of("endpoint", api.baseUrl(), "users", users, "calls", calls))
                .forEach(outcomes::add);
        return outcomes;
    }

    /** The boto3 names of every modeled operation with a member that names an object. */
    static List<String> identifierOperations() throws java.io.IOException {
        var names = new ArrayList<String>();
        var resolver = new org.springframework.core.io.support.PathMatchingResourcePatternResolver();
        for (var model : resolver.getResources("classpath:awsapi/models/*.json")) {
            var json = AwsClients.JSON.readTree(model.getInputStream());
            for (var operation : json.at("/operations").properties()) {
                var input = operation.getValue().at("/input/shape");
                if (!input.isMissingNode() && namesObject(json.at("/shapes"), input.asString(), 0)) {
                    names.add(operation
                            .getKey()
                            .replaceAll("([a-z])([A-Z])", "$1_$2")
                            .toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        return names;
    }

    static boolean namesObject(JsonNode shapes, String shape, int depth) {
        var s = shapes.at("/" + shape);
        if (depth > 4) {
            return false;
        }
        return switch (s.at("/type").asString()) {
            case "structure" ->
                s.at("/members").properties().stream()
                        .anyMatch(m -> IDENTIFIER_MEMBER.matcher(m.getKey()).matches()
                                || namesObject(shapes, m.getValue().at("/shape").asString(), depth + 1));
            case "list" -> namesObject(shapes, s.at("/member/shape").asString(), depth + 1);
            case "map" -> namesObject(shapes, s.at("/value/shape").asString(), depth + 1);
            default -> false;
        };
    }

    /** Every AWS-compatible call on A's objects, with plausible parameters. */
    static List<Map<String, Object>> awsCalls(TenantA a) {
        var offer = a.id("offers/{offerId}");
        var product = a.id("products/{productId}");
        var agreement = a.id("agreements/{agreementId}");
        var payment = a.id("payment-requests/{requestId}");
        var cancellation = a.id("cancellation-requests/{requestId}");
        var adjustment = a.id("billing-adjustment-requests/{requestId}");
        var invoice = a.id("invoices/{invoiceId}");
        var changeSet = a.id("change-sets/{changeSetId}");
        var offerSet = a.id("offer-sets/{offerSetId}");
        var authorization = a.id("resale-authorizations/{id}");
        var arn = "arn:aws:aws-marketplace:us-east-1:200000000001:AWSMarketplace/Offer/" + offer;
        var catalog = "AWSMarketplace";
        var calls = new ArrayList<Map<String, Object>>();
        for (var entity : List.of(offer, product, offerSet, authorization)) {
            calls.add(aws("marketplace-catalog", "describe_entity", Map.of("Catalog", catalog, "EntityId", entity)));
        }
        calls.add(aws(
                "marketplace-catalog",
                "batch_describe_entities",
                Map.of("EntityRequestList", List.of(Map.of("Catalog", catalog, "EntityId", offer)))));
        calls.add(aws(
                "marketplace-catalog", "describe_change_set", Map.of("Catalog", catalog, "ChangeSetId", changeSet)));
        calls.add(
                aws("marketplace-catalog", "cancel_change_set", Map.of("Catalog", catalog, "ChangeSetId", changeSet)));
        calls.add(aws(
                "marketplace-catalog",
                "list_entities",
                Map.of(
                        "Catalog",
                        catalog,
                        "EntityType",
                        "Offer",
                        "EntityTypeFilters",
                        Map.of("OfferFilters", Map.of("EntityId", Map.of("ValueList", List.of(offer)))))));
        calls.add(aws("marketplace-catalog", "list_tags_for_resource", Map.of("ResourceArn", arn)));
        calls.add(aws(
                "marketplace-catalog",
                "tag_resource",
                Map.of("ResourceArn", arn, "Tags", List.of(Map.of("Key", "bola", "Value", "b")))));
        calls.add(aws("marketplace-catalog", "untag_resource", Map.of("ResourceArn", arn, "TagKeys", List.of("bola"))));
        calls.add(aws("marketplace-catalog", "get_resource_policy", Map.of("ResourceArn", arn)));
        calls.add(aws("marketplace-catalog", "put_resource_policy", Map.of("ResourceArn", arn, "Policy", "{}")));
        calls.add(aws("marketplace-catalog", "delete_resource_policy", Map.of("ResourceArn", arn)));
        calls.add(aws(
                "marketplace-catalog",
                "start_change_set",
                Map.of(
                        "Catalog",
                        catalog,
                        "ChangeSet",
                        List.of(Map.of(
                                "ChangeType", "UpdateInformation",
                                "Entity", Map.of("Type", "Offer@1.0", "Identifier", offer),
                                "Details", "{\"Name\":\"Renamed by tenant B\"}")))));

        var agreementApi = "marketplace-agreement";
        var ofAgreement = Map.of("agreementId", agreement);
        for (var operation : List.of(
                "describe_agreement",
                "get_agreement_terms",
                "get_agreement_entitlements",
                "cancel_agreement",
                "list_agreement_charges",
                "list_billing_adjustment_requests")) {
            calls.add(aws(agreementApi, operation, ofAgreement));
        }
        calls.add(aws(
                agreementApi,
                "send_agreement_cancellation_request",
                Map.of("agreementId", agreement, "reasonCode", "TEST_AGREEMENT")));
        var ofCancellation = Map.of("agreementId", agreement, "agreementCancellationRequestId", cancellation);
        calls.add(aws(agreementApi, "get_agreement_cancellation_request", ofCancellation));
        calls.add(aws(agreementApi, "accept_agreement_cancellation_request", ofCancellation));
        calls.add(aws(
                agreementApi,
                "cancel_agreement_cancellation_request",
                with(ofCancellation, "cancellationReason", "Changed our mind")));
        calls.add(aws(
                agreementApi,
                "reject_agreement_cancellation_request",
                with(ofCancellation, "rejectionReason", "Keep it")));
        var ofPayment = Map.of("agreementId", agreement, "paymentRequestId", payment);
        for (var operation : List.of(
                "get_agreement_payment_request",
                "accept_agreement_payment_request",
                "cancel_agreement_payment_request",
                "reject_agreement_payment_request")) {
            calls.add(aws(agreementApi, operation, ofPayment));
        }
        calls.add(aws(
                agreementApi,
                "send_agreement_payment_request",
                Map.of(
                        "agreementId",
                        agreement,
                        "termId",
                        "term-" + agreement.substring(5, 30),
                        "name",
                        "Extra analysts",
                        "chargeAmount",
                        "5")));
        calls.add(aws(
                agreementApi,
                "get_billing_adjustment_request",
                Map.of("agreementId", agreement, "billingAdjustmentRequestId", adjustment)));
        calls.add(aws(
                agreementApi,
                "accept_agreement_request",
                Map.of("agreementRequestId", a.id("agreement-requests/{requestId}"))));
        calls.add(aws(
                agreementApi,
                "create_agreement_request",
                Map.of(
                        "intent",
                        "NEW",
                        "agreementProposalIdentifier",
                        offer,
                        "requestedTerms",
                        List.of(Map.of("id", "term-" + offer.substring(6))))));
        calls.add(aws(agreementApi, "list_agreement_invoice_line_items", with(ofAgreement, "groupBy", "INVOICE_ID")));
        for (var partyType : List.of("Proposer", "Acceptor")) {
            calls.add(aws(agreementApi, "list_agreement_payment_requests", with(ofAgreement, "partyType", partyType)));
            calls.add(aws(
                    agreementApi, "list_agreement_cancellation_requests", with(ofAgreement, "partyType", partyType)));
        }
        calls.add(aws(
                agreementApi,
                "batch_create_billing_adjustment_request",
                Map.of(
                        "billingAdjustmentRequestEntries",
                        List.of(Map.of(
                                "agreementId", agreement,
                                "originalInvoiceId", invoice,
                                "adjustmentAmount", "1.00",
                                "currencyCode", "USD",
                                "adjustmentReasonCode", "BUYER_DISSATISFACTION",
                                "clientToken", "bola-" + agreement.substring(5, 20),
                                "description", "Tenant B")))));
        calls.add(aws(
                agreementApi,
                "update_purchase_orders",
                Map.of(
                        "purchaseOrders",
                        List.of(Map.of(
                                "agreementId",
                                agreement,
                                "chargeId",
                                "charge-" + agreement.substring(5, 20),
                                "purchaseOrderReference",
                                "PO-B")))));

        calls.add(aws("marketplace-discovery", "get_offer", Map.of("offerId", offer)));
        calls.add(aws("marketplace-discovery", "get_offer_terms", Map.of("offerId", offer)));
        calls.add(aws("marketplace-discovery", "get_offer_set", Map.of("offerSetId", offerSet)));
        calls.add(aws("marketplace-discovery", "get_product", Map.of("productId", product)));
        calls.add(aws("marketplace-discovery", "get_listing", Map.of("listingId", "prodview-" + product.substring(5))));
        calls.add(aws("marketplace-discovery", "list_fulfillment_options", Map.of("productId", product)));
        calls.add(aws("marketplace-entitlement", "get_entitlements", Map.of("ProductCode", product)));
        calls.add(aws(
                "meteringmarketplace",
                "meter_usage",
                Map.of(
                        "ProductCode",
                        product,
                        "Timestamp",
                        "2026-11-27T00:00:00Z",
                        "UsageDimension",
                        "analysts",
                        "UsageQuantity",
                        1)));
        calls.add(aws(
                "meteringmarketplace",
                "batch_meter_usage",
                Map.of(
                        "ProductCode",
                        product,
                        "UsageRecords",
                        List.of(Map.of(
                                "Timestamp",
                                "2026-11-27T00:00:00Z",
                                "CustomerAWSAccountId",
                                a.buyer().accountId(),
                                "Dimension",
                                "analysts",
                                "Quantity",
                                1)))));
        calls.add(aws("meteringmarketplace", "register_usage", Map.of("ProductCode", product, "PublicKeyVersion", 1)));
        return calls;
    }

    /** The parameters with one more. */
    static Map<String, Object> with(Map<String, ?> params, String name, Object value) {
        var more = new LinkedHashMap<String, Object>(params);
        more.put(name, value);
        return more;
    }

    static Map<String, Object> aws(String service, String operation, Map<String, ?> params) {
        return Map.of(
                "service",
                service,
                "path",
                SERVICES.getOrDefault(service, ""),
                "operation",
                operation,
                "params",
                params);
    }

    // ----- tenant B

    List<Attacker> tenantB() {
        var onboarding = new Onboarding(api);
        var attackers = new ArrayList<Attacker>();
        for (var kind : List.of("SELLER", "CHANNEL_PARTNER", "BUYER")) {
            var party = onboarding.party(kind, "Tenant B", "bola-b", kind.equals("BUYER") ? '7' : '6');
            var administrator = kind.equals("BUYER") ? "MARKETPLACE_ADMIN" : "ADMIN";
            attackers.add(new Attacker(party.admin(), kind, administrator));
            for (var role : io.offerdesk.shared.Role.forParty(io.offerdesk.shared.PartyKind.valueOf(kind))) {
                if (!role.name().equals(administrator)) {
                    var email = onboarding.invite(
                            party.admin(), party.email(role.name().toLowerCase(java.util.Locale.ROOT)), role.name());
                    attackers.add(new Attacker(email, kind, role.name()));
                }
            }
        }
        return attackers;
    }

    // ----- tenant A

    /** Tenant A's object ids by path variable, and the strings of A that no answer to B may contain. */
    record TenantA(
            Map<String, List<String>> ids,
            List<String> secrets,
            List<String> users,
            Buyer buyer,
            ApprovalFixtures.Seller seller,
            String offerName,
            List<String> problems) {

        String id(String variable) {
            return ids.getOrDefault(variable, List.of("missing")).getFirst();
        }
    }

    TenantA tenantA() {
        var collections = new CollectionFixtures(api, jdbc);
        var agreements = collections.agreements();
        var offers = agreements.offers();
        var buyer = buyerWithEveryRole(collections);
        // A seller of A's own for the approval workflow: a rule of Acme's policy would route other tests' Acme offers
        // through approval.
        var approvals = new ApprovalFixtures(api);
        var seller = approvals.seller();
        var ids = new LinkedHashMap<String, List<String>>();
        var problems = new ArrayList<String>();
        var author = api.get("/api/v1/users/me", AUTHOR).json().at("/id").asString();

        // A's webhook endpoint first, so that the offer A releases next gives it a delivery.
        var endpoint = api.post("/api/v1/webhooks/endpoints", ACME_ADMIN, """
                {"url":"http://localhost:9/bola","eventTypes":["offer.released"],"active":true}""");
        assertThat(endpoint.status()).as(endpoint.body()).isEqualTo(201);
        put(
                ids,
                List.of("endpoints/{id}"),
                endpoint.json()
                        .at("/endpoint/id")
                        .asString(endpoint.json().at("/id").asString("")));
        var eula = api.send(api.request("/api/v1/eula-documents?fileName=bola.pdf", AUTHOR)
                .header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(
                        "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII))));
        assertThat(eula.status()).as(eula.body()).isEqualTo(201);
        var eulaPath = eula.json().at("/url").asString();
        put(ids, List.of("eula-documents/{documentId}"), eulaPath.replaceAll(".*/", ""));
        var product = agreements.saasProduct();
        var offerName = OfferFixtures.unique("BOLA offer");
        var changes = new ArrayList<>(
                offers.privateOffer(product, offerName, buyer.accountId(), "https://offerdesk.example" + eulaPath));
        // One charge dated today, invoiced a minute later, and variable payments for a payment request.
        changes.set(
                5, change("UpdatePaymentScheduleTerms", "$O.Entity.Identifier", null, """
                {"Terms":[{"Type":"PaymentScheduleTerm","CurrencyCode":"USD","Schedule":[\
                {"ChargeDate":"%s","ChargeAmount":"100.00"}]}]}""".formatted(offers.today())));
        changes.add(changes.size() - 1, change("UpdateVariablePaymentTerms", "$O.Entity.Identifier", null, """
                {"Terms":[{"Type":"VariablePaymentTerm","CurrencyCode":"USD","MaxTotalChargeAmount":"50000.00"}]}"""));
        var started = api.post("/api/v1/change-sets", AUTHOR, OfferFixtures.set(changes));
        var done = api.finishedChangeSet(AUTHOR, started);
        assertThat(done.at("/status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        var offer = done.at("/changeSet/0/entity/identifier").asString().replaceAll("@.*", "");
        var quote = agreements.quote(buyer.procurement(), offer, buyer.accountId());
        assertThat(quote.status()).as(quote.body()).isEqualTo(201);
        var quoteId = quote.json().at("/agreementRequestId").asString();
        var accepted = agreements.accept(buyer.procurement(), quoteId);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        var agreement = accepted.json().at("/agreementId").asString();
        collections.advanceTo(collections.now().plusSeconds(60));
        var invoice = collections.invoicesOf(agreement).getFirst();

        put(
                ids,
                List.of("agreements/{agreementId}", "assignments/{agreementId}", "renewal-drafts/{agreementId}"),
                agreement);
        put(ids, List.of("offers/{offerId}"), offer);
        put(
                ids,
                List.of("products/{productId}", "entitlements/{productId}", "commitment-eligibility/{productId}"),
                product);
        put(
                ids,
                List.of("change-sets/{changeSetId}"),
                started.json().at("/changeSetId").asString());
        put(ids, List.of("agreement-requests/{requestId}"), quoteId);
        put(ids, List.of("invoices/{invoiceId}"), invoice);
        put(ids, List.of("revisions/{revision}", "versions/{version}"), "1");

        attempt(problems, () -> {
            var payment = api.post("/api/v1/agreements/" + agreement + "/payment-requests", AUTHOR, """
                    {"name":"Extra analysts","description":"Work beyond the contract","chargeAmount":"1000.00"}""");
            assertThat(payment.status()).as(payment.body()).isEqualTo(201);
            put(
                    ids,
                    List.of("payment-requests/{requestId}"),
                    payment.json().at("/paymentRequestId").asString());
            var cancellation = api.post("/api/v1/agreements/" + agreement + "/cancellation-requests", AUTHOR, """
                    {"reasonCode":"TEST_AGREEMENT","description":"Set up by mistake"}""");
            assertThat(cancellation.status()).as(cancellation.body()).isEqualTo(201);
            put(
                    ids,
                    List.of("cancellation-requests/{requestId}"),
                    cancellation.json().at("/agreementCancellationRequestId").asString());
            var adjustment = api.post("/api/v1/billing-adjustment-requests", ACME_FINANCE, """
                    {"billingAdjustmentRequestEntries":[{"agreementId":"%s","originalInvoiceId":"%s",
                     "adjustmentAmount":"1.00","currencyCode":"USD","adjustmentReasonCode":"BUYER_DISSATISFACTION",
                     "clientToken":"t-%s","description":"BOLA"}]}""".formatted(
                            agreement, invoice, UUID.randomUUID()));
            assertThat(adjustment.status()).as(adjustment.body()).isEqualTo(200);
            put(
                    ids,
                    List.of("billing-adjustment-requests/{requestId}"),
                    adjustment.json().at("/items/0/billingAdjustmentRequestId").asString());
        });
        attempt(problems, () -> {
            var draft = new ArrayList<>(offers.privateOffer(
                    agreements.saasProduct(), OfferFixtures.unique("BOLA member"), buyer.accountId(), null));
            draft.removeLast();
            var member = offers.run(AUTHOR, draft);
            var other = new ArrayList<>(offers.privateOffer(
                    agreements.saasProduct(), OfferFixtures.unique("BOLA member"), buyer.accountId(), null));
            other.removeLast();
            var second = offers.run(AUTHOR, other);
            var offerSet = agreements.releasedOfferSet(
                    OfferFixtures.unique("BOLA set"),
                    member.at("/changeSet/0/entity/identifier").asString().replaceAll("@.*", ""),
                    second.at("/changeSet/0/entity/identifier").asString().replaceAll("@.*", ""));
            put(ids, List.of("offer-sets/{offerSetId}"), offerSet);
            var authorization = new ResaleOfferFixtures(api).authorization(agreements.saasProduct(), 30);
            put(ids, List.of("resale-authorizations/{id}", "shared-resale-authorizations/{id}"), authorization);
        });
        attempt(problems, () -> {
            // A draft 30 % off needs the rule's approvals. It is a second value of offers/{offerId}, so that its
            // approvals
            // are named with their own offer, and every offer endpoint is also tried on a draft.
            var rule = approvals.discountRule(seller);
            put(ids, List.of("rules/{ruleId}"), rule.at("/id").asString());
            var draft = approvals.draft(seller, "700.00");
            var requested = api.post("/api/v1/offers/" + draft + "/approvals", seller.author(), "");
            assertThat(requested.status()).as(requested.body()).isEqualTo(201);
            put(ids, List.of("offers/{offerId}"), offer, draft);
            put(
                    ids,
                    List.of("approvals/{approvalId}"),
                    requested.json().at("/approvals/0/id").asString());
            // Any file of the template's columns makes an upload: the template itself will do.
            var template = api.get("/api/v1/bulk-offer-uploads/template.csv", seller.author());
            var uploaded = api.upload(
                    "/api/v1/bulk-offer-uploads",
                    seller.author(),
                    "bola.csv",
                    "text/csv",
                    template.body().getBytes(StandardCharsets.UTF_8));
            assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(202);
            put(
                    ids,
                    List.of("bulk-offer-uploads/{uploadId}"),
                    uploaded.json().at("/id").asString());
        });
        attempt(problems, () -> {
            // A disbursement pays Acme part of what A's buyer paid on A's invoice: daily, run now by the operator.
            var preference = api.put("/api/v1/disbursement-preferences/USD", ACME_FINANCE, """
                    {"frequency":"DAILY","bankAccount":"DE89 3704 0044 0532 0130 00"}""");
            assertThat(preference.status()).as(preference.body()).isEqualTo(200);
            var paid = collections.pay(buyer.finance(), invoice, "50.00", "BOLA");
            assertThat(paid.status()).as(paid.body()).isEqualTo(201);
            var run = api.post("/api/v1/disbursements/runs", OPERATOR, "");
            assertThat(run.status()).as(run.body()).isEqualTo(200);
            put(ids, List.of("disbursements/{id}"), first(api.get("/api/v1/disbursements", ACME_FINANCE), "id"));
        });
        // Parties, users and keys.
        attempt(problems, () -> {
            var acme =
                    api.get("/api/v1/parties/me", ACME_ADMIN).json().at("/id").asString();
            put(
                    ids,
                    List.of("parties/{partyId}", "rate-limits/{partyId}"),
                    acme,
                    buyer.partyId().toString());
            put(ids, List.of("billing-profiles/{buyerPartyId}"), buyer.partyId().toString());
            put(ids, List.of("accounts/{accountId}"), buyer.accountId());
            var unit = api.post("/api/v1/parties/" + buyer.partyId() + "/organizational-units", buyer.admin(), """
                    {"name":"BOLA unit"}""");
            assertThat(unit.status()).as(unit.body()).isEqualTo(201);
            put(
                    ids,
                    List.of("organizational-units/{unitId}"),
                    unit.json().at("/id").asString());
            var procurement = api.get("/api/v1/users/me", buyer.procurement())
                    .json()
                    .at("/id")
                    .asString();
            put(ids, List.of("users/{userId}"), author, procurement);
            put(
                    ids,
                    List.of("api-keys/{keyId}"),
                    first(api.get("/api/v1/users/" + author + "/api-keys", AUTHOR), "id"));
            var accessKey = api.post("/api/v1/users/" + author + "/access-keys", AUTHOR, "");
            assertThat(accessKey.status()).as(accessKey.body()).isEqualTo(201);
            put(
                    ids,
                    List.of("access-keys/{accessKeyId}"),
                    accessKey.json().at("/key/id").asString());
        });
        // Acme's template library (seeded by the demo) and GTM objects.
        attempt(problems, () -> {
            put(ids, List.of("eula-clauses/{id}"), first(api.get("/api/v1/eula-clauses", ACME_ADMIN), "id"));
            put(ids, List.of("eula-templates/{id}"), first(api.get("/api/v1/eula-templates", ACME_ADMIN), "id"));
            put(ids, List.of("pricing-templates/{id}"), first(api.get("/api/v1/pricing-templates", ACME_ADMIN), "id"));
            put(ids, List.of("approval-forms/{id}"), first(api.get("/api/v1/approval-forms", ACME_ADMIN), "id"));
            put(ids, List.of("checklists/{id}"), first(api.get("/api/v1/checklists", ACME_ADMIN), "id"));
            put(ids, List.of("offer-templates/{id}"), first(api.get("/api/v1/offer-templates", ACME_ADMIN), "id"));
            // The object of a checklist item's endpoints is the offer; the item is named by its key.
            put(ids, List.of("checklist/{itemKey}"), "security-review");
        });
        attempt(problems, () -> {
            var connection = api.post("/api/v1/crm/connections", ACME_ADMIN, """
                    {"name":"%s","mapping":%s,"actingUserId":"%s","active":false}""".formatted(
                            OfferFixtures.unique("BOLA CRM"), resource("gtm/crm/salesforce-mapping.json"), author));
            assertThat(connection.status()).as(connection.body()).isEqualTo(201);
            var connectionId = connection.json().at("/connection/id").isMissingNode()
                    ? connection.json().at("/id").asString()
                    : connection.json().at("/connection/id").asString();
            put(ids, List.of("connections/{id}", "inbound/{connectionId}"), connectionId);
        });
        attempt(problems, () -> {
            // The delivery is made by the outbox after the offer's release: wait for it as a client polls.
            var delivery = Polls.poll("a webhook delivery of Acme's", Duration.ofMillis(100), Duration.ofSeconds(30))
                    .until(() -> first(api.get("/api/v1/webhooks/deliveries", ACME_ADMIN), "id"), id -> !id.isEmpty());
            put(ids, List.of("deliveries/{id}"), delivery);
        });
        // The buyer's own objects.
        attempt(problems, () -> {
            var commitment = api.post("/api/v1/buyer/commitments", buyer.admin(), """
                    {"name":"BOLA","currencyCode":"USD","startDate":"%s","yearlyCommitments":["1000.00"]}""".formatted(
                            offers.today().plusYears(1)));
            assertThat(commitment.status()).as(commitment.body()).isEqualTo(201);
            put(ids, List.of("commitments/{id}"), commitment.json().at("/id").asString());
            var costCenter = api.post("/api/v1/buyer/cost-centers", buyer.finance(), """
                    {"code":"BOLA-%s","name":"BOLA"}""".formatted(
                            UUID.randomUUID().toString().substring(0, 6)));
            assertThat(costCenter.status()).as(costCenter.body()).isEqualTo(201);
            put(
                    ids,
                    List.of("cost-centers/{costCenterId}"),
                    costCenter.json().at("/id").asString());
            var experience = api.finishedChangeSet(buyer.admin(), api.post("/api/v1/change-sets", buyer.admin(), """
                    {"changeSet":[{"changeType":"CreateExperience","entity":{"type":"Experience@1.0"},
                     "detailsDocument":{"Name":"BOLA","Description":"Tenant A's experience"}}]}"""));
            assertThat(experience.at("/status").asString())
                    .as(experience.toString())
                    .isEqualTo("SUCCEEDED");
            put(
                    ids,
                    List.of("experiences/{id}"),
                    experience.at("/changeSet/0/entity/identifier").asString().replaceAll("@.*", ""));
        });
        attempt(problems, () -> {
            // A product request needs an enabled experience that governs the buyer: one of A's own buyer, allowing
            // the product A already bought, so that asking for another one makes a request.
            var governed =
                    api.finishedChangeSet(buyer.admin(), api.post("/api/v1/change-sets", buyer.admin(), """
                    {"changeSet":[{"changeType":"CreateExperience","changeName":"E","entity":{"type":"Experience@1.0"},
                     "detailsDocument":{"Name":"BOLA governed","Description":"Tenant A's governed experience"}},
                     {"changeType":"AllowProductProcurement","entity":{"type":"Experience@1.0",
                      "identifier":"$E.Entity.Identifier"},"detailsDocument":{"Products":[{"Ids":["%s"]}]}},
                     {"changeType":"AssociateAudience","entity":{"type":"Experience@1.0",
                      "identifier":"$E.Entity.Identifier"},"detailsDocument":{"Principals":["%s"]}},
                     {"changeType":"UpdateExperience","entity":{"type":"Experience@1.0",
                      "identifier":"$E.Entity.Identifier"},"detailsDocument":{"Status":"Enabled"}}]}""".formatted(
                                    product, buyer.partyId())));
            assertThat(governed.at("/status").asString())
                    .as(governed.toString())
                    .isEqualTo("SUCCEEDED");
            var asked = api.post("/api/v1/governance/product-requests", buyer.procurement(), """
                    {"accountId":"%s","productId":"%s","justification":"Tenant A needs it"}""".formatted(
                            buyer.accountId(), agreements.saasProduct()));
            assertThat(asked.status()).as(asked.body()).isEqualTo(201);
            put(ids, List.of("product-requests/{id}"), asked.json().at("/id").asString());
        });
        attempt(problems, () -> {
            // The product request notifies the buyer's administrator through the outbox: wait as a client polls.
            var notification = Polls.poll("a notification of A's buyer", Duration.ofMillis(100), Duration.ofSeconds(30))
                    .until(() -> first(api.get("/api/v1/notifications", buyer.admin()), "id"), id -> !id.isEmpty());
            put(ids, List.of("notifications/{id}"), notification);
        });
        // The operator's objects: no tenant may read or change them through an object endpoint.
        attempt(problems, () -> {
            put(ids, List.of("runs/{runId}"), first(api.get("/api/v1/invoicing/runs", OPERATOR), "id"));
            put(ids, List.of("schedules/{id}"), first(api.get("/api/v1/listing-fees/schedules", OPERATOR), "id"));
            put(ids, List.of("tax-rates/{country}"), "SE");
            put(
                    ids,
                    List.of("standard-contracts/{contractId}"),
                    first(api.get("/api/v1/standard-contracts", OPERATOR), "id"));
        });

        var secrets = new ArrayList<String>();
        ids.values()
                .forEach(values -> values.stream().filter(v -> v.length() >= 8).forEach(secrets::add));
        secrets.add(offerName);
        var users = new ArrayList<>(ACME_AND_NORTHWIND);
        users.addAll(List.of(buyer.admin(), buyer.procurement(), buyer.finance(), viewerOf(buyer)));
        users.addAll(List.of(seller.admin(), seller.author(), seller.approver(), seller.finance()));
        return new TenantA(ids, secrets, users, buyer, seller, offerName, problems);
    }

    /**
     * Makes one kind of A's objects; when that fails, the kind stays unresolved and the failure is reported with the
     * matrix, so that one run shows every kind that needs attention.
     */
    static void attempt(List<String> problems, Runnable step) {
        try {
            step.run();
        } catch (AssertionError | RuntimeException e) {
            problems.add(e.getMessage());
        }
    }

    static String resource(String path) {
        try (var in = new org.springframework.core.io.ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    Buyer buyerWithEveryRole(CollectionFixtures collections) {
        var buyer = collections.buyer();
        new Onboarding(api).invite(buyer.admin(), viewerOf(buyer), "VIEWER");
        return buyer;
    }

    static String viewerOf(Buyer buyer) {
        return "viewer@" + buyer.admin().replaceAll(".*@", "");
    }

    /** Records the values of the variables; a blank one (a list that was empty) leaves them unresolved. */
    static void put(Map<String, List<String>> ids, List<String> variables, String... values) {
        if (java.util.Arrays.stream(values).noneMatch(String::isBlank)) {
            variables.forEach(v -> ids.put(v, List.of(values)));
        }
    }

    /** The field of the first item of a list answer (an array, or an object holding one). */
    static String first(Reply list, String field) {
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        var items = list.json();
        if (!items.isArray()) {
            items = items.at("/items").isArray()
                    ? items.at("/items")
                    : items.values().stream()
                            .filter(JsonNode::isArray)
                            .findFirst()
                            .orElse(items);
        }
        return items.isArray() && !items.isEmpty()
                ? items.get(0).at("/" + field).asString("")
                : "";
    }
}
