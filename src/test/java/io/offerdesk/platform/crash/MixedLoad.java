package io.offerdesk.platform.crash;

import io.offerdesk.offers.OfferFixtures;
import io.offerdesk.shared.Sha256;
import io.offerdesk.support.WebhookReceiver;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The crash harness's clients and what they were told. Globex buys (a quote, then its acceptance), Acme meters its
 * use, Globex's finance user pays the invoices that result, the operator starts invoicing and disbursement runs, and every acceptance is sent to
 * Acme's webhook endpoint, a receiver in this JVM; meanwhile the app and the database are killed. Every POST carries an
 * {@code Idempotency-Key} and is retried under it while in doubt ({@link InDoubtClient}).
 *
 * <p>{@link #check()} holds each request to its effect in the database: a request the client saw succeed has exactly
 * one, a request it never saw succeed (abandoned in doubt, or refused) at most one.
 */
public final class MixedLoad {

    /** Fixed in demo mode (the app's {@code DemoParties}). */
    static final String ACME_AUTHOR = "od_acmedemokeyaaaaa_demosecretdemosecretdemosecretdemosecret";

    static final String GLOBEX_PROCUREMENT = "od_globexdemokeyaaa_globexsecretglobexsecretglobexsecretglob";
    static final String OPERATOR = "od_operatordemokeya_operatorsecretoperatorsecretoperatorsecr";
    static final String GLOBEX_ACCOUNT = "400000000001";
    /** A well-formed IBAN (the standard's German example). */
    static final String IBAN = "DE89 3704 0044 0532 0130 00";

    static final int ACCOUNTS_PER_OFFER = 25;

    /** What a request was for, and what the client was told. */
    public record Request(Kind kind, String subject, String key, InDoubtClient.Outcome outcome) {}

    public enum Kind {
        QUOTE,
        ACCEPT,
        PAYMENT,
        METERING,
        INVOICING_RUN,
        DISBURSEMENT_RUN
    }

    private final InDoubtClient client;
    private final JdbcClient jdbc;
    private final WebhookReceiver receiver;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, String> offerOfAccount = new HashMap<>();
    private final List<String> accounts = new ArrayList<>();
    private final AtomicInteger nextPurchase = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean();
    private final Set<String> paid = ConcurrentHashMap.newKeySet();
    /** Accounts whose acceptance the client saw, not metered yet. */
    private final BlockingQueue<String> toMeter = new LinkedBlockingQueue<>();

    private final List<Thread> threads = new ArrayList<>();
    private final String run = Long.toString(System.nanoTime(), 36);
    private String acmeAdmin;
    private String acmeFinance;
    private String globexFinance;
    private String endpointId;
    private String productId;

    public MixedLoad(KillablePostgres postgres, InDoubtClient client, WebhookReceiver receiver) {
        this.client = client;
        this.receiver = receiver;
        this.jdbc = JdbcClient.create(new DriverManagerDataSource(postgres.jdbcUrl(), postgres.user(), ""));
    }

    /**
     * Before any kill: API keys for the demo users the demo gives none (in SQL, as the keys module stores them),
     * Acme's webhook endpoint and daily disbursement, {@code purchases} accounts added to Globex in SQL (its
     * administrator has no API key), and Acme's private offers to them, each with an installment due today (so the
     * acceptances give invoicing work now) and one a month later.
     */
    public void prepare(int purchases) throws InterruptedException {
        acmeAdmin = apiKey("admin@acme.example", "crashacmeadmin");
        acmeFinance = apiKey("finance@acme.example", "crashacmefinance");
        globexFinance = apiKey("finance@globex.example", "crashglobexfinan");
        var endpoint = expect(
                201,
                client.post(
                        acmeAdmin,
                        "/api/v1/webhooks/endpoints",
                        "{\"url\":\"%s\",\"eventTypes\":[\"agreement.accepted\"]}".formatted(receiver.url()),
                        "crash-endpoint-" + run));
        endpointId = endpoint.json().at("/id").asString();
        expect(
                200,
                client.put(
                        acmeFinance,
                        "/api/v1/disbursement-preferences/USD",
                        "{\"frequency\":\"DAILY\",\"bankAccount\":\"%s\"}".formatted(IBAN)));
        productId = expect(
                        201,
                        client.post(
                                ACME_AUTHOR,
                                "/api/v1/products",
                                """
                        {"type":"SAAS","title":"%s","shortDescription":"Bought while the harness kills",
                         "dimensions":[{"key":"analysts","name":"Analysts","unit":"Users","type":"ENTITLED"}],
                         "fulfillmentUrl":"https://acme.example/signup",
                         "publicOffer":{"pricingModels":["CONTRACT"],
                           "prices":[{"model":"CONTRACT","dimensionKey":"analysts","durationMonths":12,\
                        "amount":"1200","currency":"USD"}]}}""".formatted(OfferFixtures.unique("Crash product")),
                                "crash-product-" + run))
                .json()
                .at("/id")
                .asString();
        var base = 400_000_300_000L + (System.currentTimeMillis() % 1000) * 100;
        IntStream.range(0, purchases).forEach(i -> accounts.add(Long.toString(base + i + 1)));
        jdbc.sql("""
                        INSERT INTO parties.account (id, party_id, name, kind, unit_id, created_at)
                        SELECT added.id, globex.party_id, 'Crash account ' || added.id, 'MEMBER', NULL, now()
                        FROM unnest(?::text[]) AS added (id),
                            (SELECT party_id FROM parties.account WHERE id = ?) AS globex""").params(accounts.toArray(String[]::new), GLOBEX_ACCOUNT).update();
        var today = LocalDate.ofInstant(
                Instant.parse(expect(200, client.get(OPERATOR, "/api/v1/simulation/clock"))
                        .json()
                        .at("/now")
                        .asString()),
                ZoneOffset.UTC);
        for (int from = 0; from < accounts.size(); from += ACCOUNTS_PER_OFFER) {
            var group = accounts.subList(from, Math.min(from + ACCOUNTS_PER_OFFER, accounts.size()));
            var offer = releasedOffer(productId, group, today);
            group.forEach(account -> offerOfAccount.put(account, offer));
        }
        Collections.shuffle(accounts);
    }

    private String releasedOffer(String product, List<String> group, LocalDate today) throws InterruptedException {
        var o = "$O.Entity.Identifier";
        var changes = List.of(
                OfferFixtures.change("CreateOffer", null, "O", "{\"ProductId\":\"" + product + "\"}"),
                OfferFixtures.change(
                        "UpdateInformation",
                        o,
                        null,
                        "{\"Name\":\"" + OfferFixtures.unique("Crash") + "\",\"Description\":\"Paid monthly\"}"),
                OfferFixtures.change(
                        "UpdateTargeting",
                        o,
                        null,
                        "{\"PositiveTargeting\":{\"BuyerAccounts\":[\"" + String.join("\",\"", group) + "\"]}}"),
                OfferFixtures.change("UpdatePricingTerms", o, null, """
                        {"PricingModel":"Contract","Terms":[{"Type":"FixedUpfrontPricingTerm","CurrencyCode":"USD",\
                        "Price":"0.00","Grants":[{"DimensionKey":"analysts","MaxQuantity":10}]}]}"""),
                OfferFixtures.change(
                        "UpdateValidityTerms",
                        o,
                        null,
                        "{\"Terms\":[{\"Type\":\"ValidityTerm\",\"AgreementDuration\":\"P2M\"}]}"),
                OfferFixtures.change("UpdatePaymentScheduleTerms", o, null, """
                        {"Terms":[{"Type":"PaymentScheduleTerm","CurrencyCode":"USD","Schedule":[
                          {"ChargeDate":"%s","ChargeAmount":"100.00"},{"ChargeDate":"%s","ChargeAmount":"50.00"}]}]}""".formatted(today, today.plusMonths(1))),
                OfferFixtures.change("UpdateLegalTerms", o, null, """
                        {"Terms":[{"Type":"LegalTerm","Documents":[{"Type":"StandardEula","Version":"1.0"}]}]}"""),
                OfferFixtures.change(
                        "UpdateAvailability", o, null, "{\"AvailabilityEndDate\":\"" + today.plusDays(5) + "\"}"),
                OfferFixtures.change("UpdateSupportTerms", o, null, """
                        {"Terms":[{"Type":"SupportTerm","RefundPolicy":"Refunds within 30 days."}]}"""),
                OfferFixtures.change("ReleaseOffer", o, null, "{}"));
        var started = expect(
                202,
                client.post(
                        ACME_AUTHOR,
                        "/api/v1/change-sets",
                        OfferFixtures.set(changes),
                        "crash-offer-" + run + "-" + group.getFirst()));
        var id = started.json().at("/changeSetId").asString();
        for (int i = 0; i < 10; i++) {
            var set = expect(200, client.get(ACME_AUTHOR, "/api/v1/change-sets/" + id + "?waitSeconds=20"))
                    .json();
            var status = set.at("/status").asString();
            if (status.equals("SUCCEEDED")) {
                return set.at("/changeSet/0/entity/identifier").asString().replaceAll("@.*", "");
            }
            if (List.of("FAILED", "CANCELLED").contains(status)) {
                throw new IllegalStateException("the offer's change set ended " + set);
            }
        }
        throw new IllegalStateException("the offer's change set did not finish");
    }

    /** An API key for a demo user, stored as the keys module stores one ({@code od_<id>_<secret>}, the secret hashed). */
    private String apiKey(String email, String id) {
        var keyId = (id + "a".repeat(16)).substring(0, 16);
        var secret = ("crashsecret" + run.replaceAll("[^a-z2-7]", "a") + "a".repeat(40)).substring(0, 40);
        var inserted = jdbc.sql("""
                        INSERT INTO parties.api_key (id, user_id, party_id, name, secret_hash, created_at)
                        SELECT ?, id, party_id, 'crash harness', ?, now() FROM parties.app_user WHERE email = ?
                        ON CONFLICT (id) DO UPDATE SET secret_hash = excluded.secret_hash""").params(keyId, Sha256.hex(secret), email).update();
        if (inserted != 1) {
            throw new IllegalStateException("no demo user " + email);
        }
        return "od_" + keyId + "_" + secret;
    }

    /** Starts the clients: {@code buyers} buying, one metering, one paying, one starting runs. */
    public void start(int buyers) {
        running.set(true);
        for (int i = 0; i < buyers; i++) {
            threads.add(Thread.ofPlatform().name("crash-buyer-" + i).start(this::buy));
        }
        threads.add(Thread.ofPlatform().name("crash-payer").start(this::pay));
        threads.add(Thread.ofPlatform().name("crash-operator").start(this::runJobs));
        threads.add(Thread.ofPlatform().name("crash-seller").start(this::meter));
    }

    /** Stops the clients; each finishes the request it is in, retrying it while in doubt within the window. */
    public void stop() throws InterruptedException {
        running.set(false);
        for (var thread : threads) {
            thread.join();
        }
    }

    private void buy() {
        try {
            while (running.get()) {
                var i = nextPurchase.getAndIncrement();
                if (i >= accounts.size()) {
                    return;
                }
                var account = accounts.get(i);
                var quote = send(
                        Kind.QUOTE,
                        account,
                        "crash-quote-" + account,
                        GLOBEX_PROCUREMENT,
                        "/api/v1/buyer/agreement-requests",
                        "{\"offerId\":\"%s\",\"accountId\":\"%s\"}".formatted(offerOfAccount.get(account), account));
                if (quote.succeeded()) {
                    var accepted = send(
                            Kind.ACCEPT,
                            account,
                            "crash-accept-" + account,
                            GLOBEX_PROCUREMENT,
                            "/api/v1/buyer/agreement-requests/"
                                    + quote.json().at("/agreementRequestId").asString() + "/accept",
                            "{\"eulaAcknowledged\":true}");
                    if (accepted.succeeded()) {
                        toMeter.add(account);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Pays each invoice of the purchases once it is issued, its open amount at once. */
    private void pay() {
        try {
            while (running.get()) {
                List<String> issued;
                try {
                    issued = jdbc.sql("""
                                    SELECT DISTINCT l.invoice_id FROM invoicing.invoice_line l
                                    JOIN agreements.agreement a ON a.id = l.agreement_id
                                    WHERE a.acceptor_account_id = ANY (?)""")
                            .param(accounts.toArray(String[]::new))
                            .query(String.class)
                            .list();
                } catch (RuntimeException databaseDown) {
                    issued = List.of();
                }
                for (var invoice : issued) {
                    if (!running.get() || paid.contains(invoice)) {
                        continue;
                    }
                    var balance = client.get(globexFinance, "/api/v1/invoices/" + invoice + "/balance");
                    if (balance.status() != 200) {
                        continue;
                    }
                    send(
                            Kind.PAYMENT,
                            invoice,
                            "crash-pay-" + invoice,
                            globexFinance,
                            "/api/v1/invoices/" + invoice + "/payments",
                            "{\"amount\":\"%s\",\"currencyCode\":\"USD\",\"reference\":\"%s\"}"
                                    .formatted(balance.json().at("/open").asString(), reference(invoice)));
                    paid.add(invoice);
                }
                Thread.sleep(500);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Acme meters an hour of use for up to 25 of the accounts whose acceptance Globex saw, one record each (of the
     * current simulated hour: an account's agreement starts when it is accepted), in one BatchMeterUsage.
     */
    private void meter() {
        try {
            for (int n = 0; running.get(); n++) {
                Thread.sleep(2000);
                var batch = new ArrayList<String>();
                toMeter.drainTo(batch, 25);
                if (batch.isEmpty()) {
                    continue;
                }
                var now = client.get(OPERATOR, "/api/v1/simulation/clock");
                if (now.status() != 200) {
                    continue;
                }
                var time = now.json().at("/now").asString();
                var records = batch.stream()
                        .map(account ->
                                "{\"timestamp\":\"%s\",\"dimension\":\"analysts\",\"customerAwsAccountId\":\"%s\",\"quantity\":3}"
                                        .formatted(time, account))
                        .collect(Collectors.joining(","));
                send(
                        Kind.METERING,
                        String.join(",", batch),
                        "crash-meter-" + run + "-" + n,
                        ACME_AUTHOR,
                        "/api/v1/metering/batch-meter-usage",
                        "{\"productCode\":\"%s\",\"usageRecords\":[%s]}".formatted(productId, records));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void runJobs() {
        try {
            for (int n = 0; running.get(); n++) {
                var invoicing = n % 2 == 0;
                send(
                        invoicing ? Kind.INVOICING_RUN : Kind.DISBURSEMENT_RUN,
                        Integer.toString(n),
                        "crash-run-" + run + "-" + n,
                        OPERATOR,
                        invoicing ? "/api/v1/invoicing/runs" : "/api/v1/disbursements/runs",
                        "");
                Thread.sleep(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private InDoubtClient.Outcome send(Kind kind, String subject, String key, String apiKey, String path, String body)
            throws InterruptedException {
        var outcome = client.post(apiKey, path, body, key);
        requests.add(new Request(kind, subject, key, outcome));
        return outcome;
    }

    private static String reference(String invoice) {
        return "crash " + invoice;
    }

    /** What the checks found: each a broken promise; empty when every promise held. */
    public List<String> check() throws InterruptedException {
        var broken = new ArrayList<String>();
        for (var request : requests) {
            var effects = effects(request);
            if (effects < 0) {
                continue;
            }
            if (request.outcome().succeeded() && effects != acknowledgedEffects(request)) {
                broken.add("%s %s acknowledged (%d) with %d effects"
                        .formatted(
                                request.kind(),
                                request.subject(),
                                request.outcome().status(),
                                effects));
            } else if (effects > mostEffects(request)) {
                broken.add("%s %s (%s) with %d effects"
                        .formatted(request.kind(), request.subject(), describe(request.outcome()), effects));
            }
        }
        broken.addAll(jdbc.sql("""
                        SELECT 'charge ' || l.agreement_id || ' ' || l.charge_id || ' invoiced ' || count(*) || ' times'
                        FROM invoicing.invoice_line l JOIN agreements.agreement a ON a.id = l.agreement_id
                        WHERE a.acceptor_account_id = ANY (?)
                        GROUP BY l.agreement_id, l.charge_id HAVING count(*) > 1""")
                .param(accounts.toArray(String[]::new))
                .query(String.class)
                .list());
        broken.addAll(jdbc.sql("""
                        SELECT 'invoice ' || i.id || ' has ' || (SELECT count(*) FROM ledger.journal_entry j
                            WHERE j.idempotency_key = 'invoice:' || i.id) || ' journals'
                        FROM invoicing.invoice i
                        WHERE EXISTS (SELECT 1 FROM invoicing.invoice_line l
                                      JOIN agreements.agreement a ON a.id = l.agreement_id
                                      WHERE l.invoice_id = i.id AND a.acceptor_account_id = ANY (?))
                          AND (SELECT count(*) FROM ledger.journal_entry j
                               WHERE j.idempotency_key = 'invoice:' || i.id) <> 1""")
                .param(accounts.toArray(String[]::new))
                .query(String.class)
                .list());
        broken.addAll(jdbc.sql("""
                        SELECT 'payee ' || party_id || ' disbursed ' || count(*) || ' times on ' || due_day
                        FROM disbursement.disbursement WHERE due_day IS NOT NULL
                        GROUP BY party_id, role, currency, due_day HAVING count(*) > 1""").query(String.class).list());
        broken.addAll(jdbc.sql("""
                        SELECT 'disbursement ' || d.id || ' has ' || (SELECT count(*) FROM ledger.journal_entry j
                            WHERE j.idempotency_key = 'disbursement:' || d.id) || ' journals'
                        FROM disbursement.disbursement d
                        WHERE (SELECT count(*) FROM ledger.journal_entry j
                               WHERE j.idempotency_key = 'disbursement:' || d.id) <> 1""").query(String.class).list());
        broken.addAll(jdbc.sql("""
                        SELECT 'agreement ' || a.id || ' has ' || (SELECT count(*) FROM notifications.webhook_delivery d
                            WHERE d.endpoint_id = ? AND d.body LIKE '%' || a.id || '%') || ' webhook deliveries'
                        FROM agreements.agreement a
                        WHERE a.acceptor_account_id = ANY (?)
                          AND (SELECT count(*) FROM notifications.webhook_delivery d
                               WHERE d.endpoint_id = ? AND d.body LIKE '%' || a.id || '%') > 1""")
                .params(endpointId, accounts.toArray(String[]::new), endpointId)
                .query(String.class)
                .list());
        var invariants =
                client.post(OPERATOR, "/api/v1/ledger/invariants", "", "crash-invariants-" + System.nanoTime());
        if (invariants.status() != 200 || !invariants.json().at("/passed").asBoolean()) {
            broken.add("the ledger's invariant check: " + describe(invariants) + " " + invariants.body());
        }
        return broken;
    }

    /**
     * What the app still owes once the load has stopped: each acceptance's first installment, due at acceptance,
     * invoiced (by an operator's run or the clock's), and each acceptance's webhook event received here. Delivery is at
     * least once (sent outside a transaction, then recorded), so the receiver may see an event twice after a kill
     * between the two; the delivery itself is recorded once ({@link #check()}).
     */
    public List<String> unfinished() {
        var agreements = jdbc.sql("SELECT id FROM agreements.agreement WHERE acceptor_account_id = ANY (?)")
                .param(accounts.toArray(String[]::new))
                .query(String.class)
                .list();
        var owed = new ArrayList<String>(jdbc.sql("""
                        SELECT 'agreement ' || a.id || ': its first installment not invoiced'
                        FROM agreements.agreement a
                        WHERE a.acceptor_account_id = ANY (?)
                          AND NOT EXISTS (SELECT 1 FROM invoicing.invoice_line l WHERE l.agreement_id = a.id)""")
                .param(accounts.toArray(String[]::new))
                .query(String.class)
                .list());
        var bodies = receiver.receivedSoFar().stream()
                .map(WebhookReceiver.Received::body)
                .toList();
        agreements.stream()
                .filter(agreement -> bodies.stream().noneMatch(body -> body.contains(agreement)))
                .map(agreement -> "agreement %s: its acceptance not delivered; publications %s, deliveries %s"
                        .formatted(
                                agreement,
                                jdbc.sql("""
                                                SELECT listener_id || ' ' || status || ' ' || completion_attempts
                                                FROM event_publication WHERE serialized_event LIKE ?""")
                                        .param("%" + agreement + "%")
                                        .query(String.class)
                                        .list(),
                                jdbc.sql("""
                                                SELECT state || ' ' || attempts FROM notifications.webhook_delivery
                                                WHERE endpoint_id = ? AND body LIKE ?""")
                                        .params(endpointId, "%" + agreement + "%")
                                        .query(String.class)
                                        .list()))
                .forEach(owed::add);
        return owed;
    }

    /** The usage records stored for the load's product: a check that the batches were accepted, not refused. */
    public long meteredRecords() {
        return jdbc.sql("SELECT count(*) FROM metering.usage_record WHERE product_id = ?")
                .param(productId)
                .query(Long.class)
                .single();
    }

    /**
     * Requests abandoned in doubt that had taken effect: the app was killed after the request's transaction committed
     * and before its {@code Idempotency-Key} was completed, so the key stays "in progress". Once claims expire (a
     * lease), a retry under the key runs the request again; each of these would then need the endpoint itself to refuse
     * the second effect.
     */
    public long abandonedAfterEffect() {
        return requests.stream()
                .filter(request -> request.outcome().abandoned() && effects(request) > 0)
                .count();
    }

    /** The receiver's duplicates: events it was sent more than once. */
    public long redelivered() {
        var ids = receiver.receivedSoFar().stream()
                .map(WebhookReceiver.Received::eventId)
                .toList();
        return ids.size() - ids.stream().distinct().count();
    }

    /** A batch's records answered Success are its effects; any other request has one. */
    private static long acknowledgedEffects(Request request) {
        if (request.kind() != Kind.METERING) {
            return 1;
        }
        var successes = 0L;
        for (var result : request.outcome().json().at("/results")) {
            if (result.at("/status").asString().equalsIgnoreCase("Success")) {
                successes++;
            }
        }
        return successes;
    }

    /** A batch stores at most one record per account it names (one hour each); any other request one effect. */
    private static long mostEffects(Request request) {
        return request.kind() == Kind.METERING ? request.subject().split(",").length : 1;
    }

    /** The effects of the request in the database, or -1 for a request whose effect is checked as a whole. */
    private long effects(Request request) {
        return switch (request.kind()) {
            case QUOTE ->
                jdbc.sql("SELECT count(*) FROM agreements.agreement_request WHERE acceptor_account_id = ?")
                        .param(request.subject())
                        .query(Long.class)
                        .single();
            case ACCEPT ->
                jdbc.sql("SELECT count(*) FROM agreements.agreement WHERE acceptor_account_id = ?")
                        .param(request.subject())
                        .query(Long.class)
                        .single();
            case PAYMENT ->
                jdbc.sql("SELECT count(*) FROM invoicing.payment WHERE reference = ?")
                        .param(reference(request.subject()))
                        .query(Long.class)
                        .single();
            case METERING ->
                jdbc.sql("""
                                SELECT count(*) FROM metering.usage_record
                                WHERE product_id = ? AND customer_account_id = ANY (?)""")
                        .params(productId, request.subject().split(","))
                        .query(Long.class)
                        .single();
            case INVOICING_RUN ->
                request.outcome().succeeded()
                        ? jdbc.sql("SELECT count(*) FROM invoicing.run WHERE id = ?")
                                .param(request.outcome().json().at("/id").asString())
                                .query(Long.class)
                                .single()
                        : -1;
            // Its effects are the day's disbursements, checked as a whole: one per payee and day, one journal each.
            case DISBURSEMENT_RUN -> -1;
        };
    }

    private static String describe(InDoubtClient.Outcome outcome) {
        return outcome.abandoned()
                ? "abandoned in doubt after " + outcome.attempts() + " sends"
                : "answered " + outcome.status();
    }

    private static InDoubtClient.Outcome expect(int status, InDoubtClient.Outcome outcome) {
        if (outcome.status() != status) {
            throw new IllegalStateException(
                    "expected " + status + ", got " + describe(outcome) + ": " + outcome.body());
        }
        return outcome;
    }

    /** The requests by kind and outcome, e.g. {@code ACCEPT 201=40 abandoned=1}. */
    public Map<Kind, Map<String, Long>> tally() {
        return requests.stream()
                .collect(Collectors.groupingBy(
                        Request::kind,
                        () -> new java.util.EnumMap<>(Kind.class),
                        Collectors.groupingBy(
                                r -> r.outcome().abandoned()
                                        ? "abandoned"
                                        : Integer.toString(r.outcome().status()),
                                java.util.TreeMap::new,
                                Collectors.counting())));
    }

    public long sentAfterDoubt() {
        return client.retries.get();
    }

    public int purchasesMade() {
        return Math.min(nextPurchase.get(), accounts.size());
    }

    public boolean purchasesLeft() {
        return nextPurchase.get() < accounts.size();
    }
}
