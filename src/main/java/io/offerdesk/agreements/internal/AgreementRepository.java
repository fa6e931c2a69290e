package io.offerdesk.agreements.internal;

import io.offerdesk.agreements.AcceptedTerm;
import io.offerdesk.agreements.Agreement;
import io.offerdesk.agreements.AgreementCharge;
import io.offerdesk.agreements.AgreementFilter;
import io.offerdesk.agreements.AgreementId;
import io.offerdesk.agreements.AgreementRequestId;
import io.offerdesk.agreements.AgreementStatus;
import io.offerdesk.agreements.ChargeTiming;
import io.offerdesk.agreements.PartyType;
import io.offerdesk.agreements.Subscription;
import io.offerdesk.agreements.Wholesale;
import io.offerdesk.catalog.ProductType;
import io.offerdesk.shared.AccountId;
import io.offerdesk.shared.ResourceInUse;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Agreements and their charges. Reads name the party (proposer or acceptor) they are for, except the ones the clock's
 * jobs use, which work across tenants by design.
 */
@Repository
public class AgreementRepository {

    private static final TypeReference<List<AcceptedTerm>> TERMS = new TypeReference<>() {};

    private static final String COLUMNS = """
            id, initial_agreement_id, offer_id, offer_set_id, product_id, product_type, proposer_party_id,
            proposer_account_id, publisher_party_id, acceptor_party_id, acceptor_account_id, billing_account_id, request_id,
            acceptance_time, start_time, end_time, terms, currency_code, agreement_value, resale_authorization_id, wholesale_terms,
            wholesale_value, status, status_at, successor_id, renewals, renewal_opt_out, last_update_time,
            version""";
    private static final String INSERT = """
            INSERT INTO agreements.agreement (%s)
            VALUES (:id, :initial, :offerId, :offerSetId, :productId, :productType, :proposer, :proposerAccount,
                :publisher, :acceptor, :acceptorAccount, :billingAccount, :requestId, :acceptanceTime, :startTime, :endTime,
                CAST(:terms AS jsonb), :currency, :value, :resaleAuthorizationId, CAST(:wholesaleTerms AS jsonb),
                :wholesaleValue, :status, :statusAt, :successor, :renewals, :optOut, :lastUpdate, :version)
            """.formatted(COLUMNS);
    private static final String UPDATE = """
            UPDATE agreements.agreement SET status = :status, status_at = :statusAt, successor_id = :successor,
                renewal_opt_out = :optOut, last_update_time = :lastUpdate, version = :version
            WHERE id = :id AND version = :previous
            """;
    /** The charges of one agreement in one statement: an acceptance's 12 installments cost one round trip. */
    private static final String INSERT_CHARGES = """
            INSERT INTO agreements.charge (agreement_id, id, revision, charge_time, currency_code, amount, timing,
                state, purchase_order_reference, wholesale_amount)
            SELECT :agreementId, c.id, c.revision, c.charge_time, c.currency, c.amount, c.timing, c.state, c.po,
                c.wholesale_amount
            FROM unnest(CAST(:ids AS varchar[]), CAST(:revisions AS integer[]), CAST(:times AS timestamptz[]),
                CAST(:currencies AS varchar[]), CAST(:amounts AS numeric[]), CAST(:timings AS varchar[]),
                CAST(:states AS varchar[]), CAST(:pos AS varchar[]), CAST(:wholesaleAmounts AS numeric[]))
                AS c(id, revision, charge_time, currency, amount, timing, state, po, wholesale_amount)
            """;

    private static final String SEARCH = """
            SELECT %s FROM agreements.agreement
            WHERE %s
              AND (CAST(:productId AS varchar) IS NULL OR product_id = :productId)
              AND (CAST(:productType AS varchar) IS NULL OR product_type = :productType)
              AND (CAST(:offerId AS varchar) IS NULL OR offer_id = :offerId)
              AND (CAST(:status AS varchar) IS NULL OR status = :status)
              AND (CAST(:acceptorAccount AS varchar) IS NULL OR acceptor_account_id = :acceptorAccount)
              AND (CAST(:initial AS varchar) IS NULL OR initial_agreement_id = :initial)
              AND (CAST(:afterStart AS timestamptz) IS NULL OR start_time > :afterStart)
              AND (CAST(:beforeStart AS timestamptz) IS NULL OR start_time < :beforeStart)
              AND (CAST(:afterEnd AS timestamptz) IS NULL OR end_time > :afterEnd)
              AND (CAST(:beforeEnd AS timestamptz) IS NULL OR end_time < :beforeEnd)
            ORDER BY %s %s NULLS LAST, id
            LIMIT :limit OFFSET :offset
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AgreementRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(Agreement agreement) {
        var status = agreement.status();
        var wholesale = agreement.wholesale();
        jdbc.sql(INSERT)
                .param("id", agreement.id().value())
                .param("initial", agreement.initialAgreementId().value())
                .param("offerId", agreement.offerId())
                .param("offerSetId", agreement.offerSetId())
                .param("productId", agreement.productId())
                .param("productType", agreement.productType().name())
                .param("proposer", agreement.proposerPartyId())
                .param("proposerAccount", agreement.proposerAccountId().value())
                .param("publisher", agreement.publisherPartyId())
                .param("acceptor", agreement.acceptorPartyId())
                .param("acceptorAccount", agreement.acceptorAccountId().value())
                .param("billingAccount", agreement.billingAccountId().value())
                .param("requestId", agreement.requestId().value())
                .param("acceptanceTime", timestamp(agreement.acceptanceTime()))
                .param("startTime", timestamp(agreement.startTime()))
                .param("endTime", timestamp(agreement.endTime()))
                .param("terms", json.writeValueAsString(agreement.terms()))
                .param("currency", agreement.agreementValue().getCurrencyUnit().getCode())
                .param("value", agreement.agreementValue().getAmount())
                .param("resaleAuthorizationId", agreement.resaleAuthorizationId())
                .param("wholesaleTerms", wholesale == null ? null : json.writeValueAsString(wholesale.terms()))
                .param(
                        "wholesaleValue",
                        wholesale == null ? null : wholesale.value().getAmount())
                .param("status", status.wireName())
                .param("statusAt", timestamp(statusAt(status)))
                .param("successor", successorOf(status))
                .param("renewals", agreement.renewals())
                .param(
                        "optOut",
                        agreement.renewalOptOut() == null
                                ? null
                                : agreement.renewalOptOut().name())
                .param("lastUpdate", timestamp(agreement.lastUpdateTime()))
                .param("version", agreement.version())
                .update();
        insertCharges(agreement.id(), agreement.charges());
    }

    public void insertCharge(AgreementId agreement, AgreementCharge charge) {
        insertCharges(agreement, List.of(charge));
    }

    private void insertCharges(AgreementId agreement, List<AgreementCharge> charges) {
        if (charges.isEmpty()) {
            return;
        }
        jdbc.sql(INSERT_CHARGES)
                .param("agreementId", agreement.value())
                .param("ids", column(charges, AgreementCharge::id))
                .param("revisions", column(charges, c -> Integer.toString(c.revision())))
                // Sent as text, the times keep their microseconds as a Timestamp parameter would.
                .param("times", column(charges, c -> c.time().toString()))
                .param(
                        "currencies",
                        column(charges, c -> c.amount().getCurrencyUnit().getCode()))
                .param("amounts", column(charges, c -> c.amount().getAmount().toPlainString()))
                .param("timings", column(charges, c -> c.timing().name()))
                .param("states", column(charges, c -> c.state().name()))
                .param("pos", column(charges, AgreementCharge::purchaseOrderReference))
                .param(
                        "wholesaleAmounts",
                        column(
                                charges,
                                c -> c.wholesaleAmount() == null
                                        ? null
                                        : c.wholesaleAmount().getAmount().toPlainString()))
                .update();
    }

    private static String[] column(List<AgreementCharge> charges, Function<AgreementCharge, @Nullable String> value) {
        return charges.stream().map(value).toArray(String[]::new);
    }

    /**
     * Writes the agreement's new status, opt-out and version, if nobody changed it since it was read.
     *
     * @return false when another writer got there first
     */
    public boolean update(Agreement agreement) {
        var status = agreement.status();
        return jdbc.sql(UPDATE)
                        .param("id", agreement.id().value())
                        .param("status", status.wireName())
                        .param("statusAt", timestamp(statusAt(status)))
                        .param("successor", successorOf(status))
                        .param(
                                "optOut",
                                agreement.renewalOptOut() == null
                                        ? null
                                        : agreement.renewalOptOut().name())
                        .param("lastUpdate", timestamp(agreement.lastUpdateTime()))
                        .param("version", agreement.version())
                        .param("previous", agreement.version() - 1)
                        .update()
                == 1;
    }

    /** Any agreement, for callers that check the party themselves. */
    public Optional<Agreement> find(AgreementId id) {
        return one("id = :id", Map.of("id", id.value()));
    }

    /** The product type each agreement took at acceptance, in one query; ids not found are left out. */
    public Map<String, ProductType> productTypes(Collection<String> ids) {
        var types = new HashMap<String, ProductType>();
        jdbc.sql("SELECT id, product_type FROM agreements.agreement WHERE id = ANY(CAST(:ids AS varchar[]))")
                .param("ids", ids.toArray(String[]::new))
                .query(rs -> {
                    types.put(rs.getString("id"), ProductType.valueOf(rs.getString("product_type")));
                });
        return types;
    }

    /** The agreement, locked for the rest of the transaction. */
    public Optional<Agreement> lock(AgreementId id) {
        return jdbc.sql("SELECT %s FROM agreements.agreement WHERE id = :id FOR UPDATE".formatted(COLUMNS))
                .param("id", id.value())
                .query(this::agreement)
                .optional()
                .map(this::withCharges);
    }

    /**
     * The owner predicate of the rows a party sees from one side: a seller what it proposed, a buyer what it accepted
     * for one of the accounts it acts for (parameters {@code :party} and {@code :accounts}). Every table of the module
     * that records both parties has these columns.
     */
    static String ownedFrom(PartyType side) {
        return side == PartyType.PROPOSER
                ? "proposer_party_id = :party"
                : "acceptor_party_id = :party AND acceptor_account_id = ANY(CAST(:accounts AS varchar(12)[]))";
    }

    /**
     * The requests about agreements (cancellation or payment requests) in one table that a party sent (PROPOSER) or
     * received for the given accounts (ACCEPTOR), optionally of one agreement and one status, newest first.
     */
    static <T> List<T> requestsFrom(
            JdbcClient jdbc, String table, String columns, RequestPage page, RowMapper<T> request) {
        return jdbc.sql("""
                        SELECT %s FROM %s
                        WHERE %s
                          AND (CAST(:agreement AS varchar) IS NULL OR agreement_id = :agreement)
                          AND (CAST(:status AS varchar) IS NULL OR status = :status)
                        ORDER BY created_at DESC, id
                        LIMIT :limit OFFSET :offset
                        """.formatted(columns, table, ownedFrom(page.side())))
                .param("party", page.party())
                .param(
                        "accounts",
                        page.accounts().stream().map(AccountId::value).toArray(String[]::new))
                .param(
                        "agreement",
                        page.agreement() == null ? null : page.agreement().value())
                .param("status", page.status())
                .param("limit", page.limit())
                .param("offset", page.offset())
                .query(request)
                .list();
    }

    /** Which requests {@link #requestsFrom} lists; {@code status} is the enum constant's name. */
    record RequestPage(
            UUID party,
            PartyType side,
            List<AccountId> accounts,
            @Nullable AgreementId agreement,
            @Nullable String status,
            int offset,
            int limit) {}

    /**
     * The owner predicate of agreements: {@link #ownedFrom}, and from the seller's side also the agreements on its
     * products that a channel partner resold, which the publisher sees from the wholesale side.
     */
    static String agreementsOf(PartyType side) {
        return side == PartyType.PROPOSER
                ? "(proposer_party_id = :party OR publisher_party_id = :party)"
                : ownedFrom(side);
    }

    /** The agreements a party sees from one side, filtered and sorted as {@code SearchAgreements}. */
    public List<Agreement> search(
            UUID party, @Nullable List<AccountId> accounts, AgreementFilter filter, int offset, int limit) {
        var owner = agreementsOf(filter.partyType());
        var column = switch (filter.sortBy()) {
            case END_TIME -> "end_time";
            case START_TIME -> "start_time";
            case LAST_UPDATE_TIME -> "last_update_time";
        };
        var sql = SEARCH.formatted(COLUMNS, owner, column, filter.ascending() ? "ASC" : "DESC");
        var found = jdbc.sql(sql)
                .param("party", party)
                .param(
                        "accounts",
                        accounts == null
                                ? new String[0]
                                : accounts.stream().map(AccountId::value).toArray(String[]::new))
                .param("productId", filter.productId())
                .param(
                        "productType",
                        filter.productType() == null
                                ? null
                                : filter.productType().name())
                .param("offerId", filter.offerId())
                .param("status", filter.status())
                .param("acceptorAccount", filter.acceptorAccountId())
                .param("initial", filter.initialAgreementId())
                .param("afterStart", timestamp(filter.afterStartTime()))
                .param("beforeStart", timestamp(filter.beforeStartTime()))
                .param("afterEnd", timestamp(filter.afterEndTime()))
                .param("beforeEnd", timestamp(filter.beforeEndTime()))
                .param("limit", limit)
                .param("offset", offset)
                .query(this::agreement)
                .list();
        return withCharges(found);
    }

    /** The active agreements of one buyer account for one product: the ones a new acceptance must not overlap. */
    public List<Agreement> activeFor(AccountId account, String productId) {
        var found = jdbc.sql("""
                        SELECT %s FROM agreements.agreement
                        WHERE acceptor_account_id = :account AND product_id = :productId AND status = 'ACTIVE'
                        ORDER BY start_time
                        """.formatted(COLUMNS))
                .param("account", account.value())
                .param("productId", productId)
                .query(this::agreement)
                .list();
        return withCharges(found);
    }

    /**
     * The buyer accounts' active agreements for the product that had started by the instant, in one query: metering
     * asks this for every account of a batch of usage records.
     */
    public List<Subscription> subscriptions(String productId, List<AccountId> accounts, Instant at) {
        return jdbc.sql("""
                        SELECT id, acceptor_account_id, acceptor_party_id, publisher_party_id FROM agreements.agreement
                        WHERE product_id = :productId AND status = 'ACTIVE' AND start_time <= :at
                          AND acceptor_account_id = ANY(CAST(:accounts AS varchar[]))
                        """)
                .param("productId", productId)
                .param("at", Timestamp.from(at))
                .param("accounts", accounts.stream().map(AccountId::value).toArray(String[]::new))
                .query((rs, row) -> new Subscription(
                        new AgreementId(rs.getString(1)),
                        new AccountId(rs.getString(2)),
                        rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class)))
                .list();
    }

    /**
     * Locks the buyer account's subscription to the product for the rest of the transaction, so only one acceptance
     * for the pair decides at a time. A second one does not wait (a waiter would hold a pooled connection): it is told
     * the subscription is in use, retries, and then finds the agreement the first one made. The lock is a
     * transaction-scoped advisory lock on a 64-bit hash of the pair, so there is no row to create first.
     *
     * @throws ResourceInUse while another acceptance for the pair is deciding
     */
    public void lockSubscription(AccountId account, String productId) {
        var locked = jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtextextended(:pair, 0))")
                .param("pair", "agreements.subscription/" + account.value() + "/" + productId)
                .query(Boolean.class)
                .single();
        if (!locked) {
            throw new ResourceInUse(account.value() + "/" + productId);
        }
    }

    /** Marks scheduled charges due, or cancelled; charges in any other state stay as they are. */
    public int moveScheduledCharges(AgreementId agreement, List<String> chargeIds, AgreementCharge.State to) {
        return jdbc.sql("""
                        UPDATE agreements.charge SET state = :to
                        WHERE agreement_id = :agreement AND id = ANY(CAST(:ids AS varchar[])) AND state = 'SCHEDULED'
                        """)
                .param("agreement", agreement.value())
                .param("ids", chargeIds.toArray(String[]::new))
                .param("to", to.name())
                .update();
    }

    /** Scheduled charges whose time has come, claimed for this transaction; other nodes skip them. */
    public List<DueCharge> claimDueCharges(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT agreement_id, id FROM agreements.charge
                        WHERE state = 'SCHEDULED' AND charge_time <= :now
                        ORDER BY charge_time, agreement_id, id
                        LIMIT :limit FOR UPDATE SKIP LOCKED
                        """)
                .param("now", timestamp(now))
                .param("limit", limit)
                .query((rs, n) -> new DueCharge(new AgreementId(rs.getString(1)), rs.getString(2)))
                .list();
    }

    public record DueCharge(AgreementId agreementId, String chargeId) {}

    public Optional<Instant> nextScheduledCharge() {
        return jdbc.sql("SELECT min(charge_time) FROM agreements.charge WHERE state = 'SCHEDULED'")
                .query((rs, n) -> instant(rs, 1))
                .optional()
                .filter(java.util.Objects::nonNull);
    }

    private Optional<Agreement> one(String where, Map<String, ?> params) {
        return jdbc.sql("SELECT %s FROM agreements.agreement WHERE %s".formatted(COLUMNS, where))
                .params(params)
                .query(this::agreement)
                .optional()
                .map(this::withCharges);
    }

    private Agreement withCharges(Agreement agreement) {
        return withCharges(List.of(agreement)).getFirst();
    }

    /** Loads the charges of all the agreements in one query. */
    private List<Agreement> withCharges(List<Agreement> agreements) {
        if (agreements.isEmpty()) {
            return agreements;
        }
        var ids = agreements.stream().map(a -> a.id().value()).toArray(String[]::new);
        Map<String, List<AgreementCharge>> charges =
                jdbc.sql("""
                        SELECT agreement_id, id, revision, charge_time, currency_code, amount, timing, state,
                            purchase_order_reference, wholesale_amount
                        FROM agreements.charge WHERE agreement_id = ANY(CAST(:ids AS varchar[]))
                        ORDER BY agreement_id, charge_time, id
                        """).param("ids", ids).query((rs, n) -> Map.entry(rs.getString(1), charge(rs))).list().stream()
                        .collect(Collectors.groupingBy(
                                Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        var result = new ArrayList<Agreement>(agreements.size());
        for (var a : agreements) {
            result.add(a.withCharges(charges.getOrDefault(a.id().value(), List.of())));
        }
        return result;
    }

    private Agreement agreement(ResultSet rs, int row) throws SQLException {
        var currency = CurrencyUnit.of(rs.getString("currency_code"));
        var optOut = rs.getString("renewal_opt_out");
        return new Agreement(
                new AgreementId(rs.getString("id")),
                new AgreementId(rs.getString("initial_agreement_id")),
                rs.getString("offer_id"),
                rs.getString("offer_set_id"),
                rs.getString("product_id"),
                ProductType.valueOf(rs.getString("product_type")),
                rs.getObject("proposer_party_id", UUID.class),
                new AccountId(rs.getString("proposer_account_id")),
                rs.getObject("publisher_party_id", UUID.class),
                rs.getObject("acceptor_party_id", UUID.class),
                new AccountId(rs.getString("acceptor_account_id")),
                new AccountId(rs.getString("billing_account_id")),
                new AgreementRequestId(rs.getString("request_id")),
                requiredInstant(rs, "acceptance_time"),
                requiredInstant(rs, "start_time"),
                instant(rs, "end_time"),
                json.readValue(rs.getString("terms"), TERMS),
                Money.of(currency, rs.getBigDecimal("agreement_value")),
                wholesale(rs, currency),
                List.of(),
                status(rs),
                rs.getInt("renewals"),
                optOut == null ? null : PartyType.valueOf(optOut),
                requiredInstant(rs, "last_update_time"),
                rs.getLong("version"));
    }

    private @Nullable Wholesale wholesale(ResultSet rs, CurrencyUnit currency) throws SQLException {
        var authorization = rs.getString("resale_authorization_id");
        if (authorization == null) {
            return null;
        }
        return new Wholesale(
                authorization,
                json.readValue(rs.getString("wholesale_terms"), TERMS),
                money(currency, rs.getBigDecimal("wholesale_value")));
    }

    private static Money money(CurrencyUnit currency, BigDecimal amount) {
        return Money.of(currency, amount.setScale(currency.getDecimalPlaces()));
    }

    private static AgreementStatus status(ResultSet rs) throws SQLException {
        var at = instant(rs, "status_at");
        var successor = rs.getString("successor_id");
        return switch (rs.getString("status")) {
            case "ACTIVE" -> AgreementStatus.ACTIVE;
            case "EXPIRED" -> new AgreementStatus.Expired(required(at));
            case "CANCELLED" -> new AgreementStatus.Cancelled(required(at));
            case "RENEWED" -> new AgreementStatus.Renewed(required(at), new AgreementId(required(successor)));
            case "REPLACED" -> new AgreementStatus.Replaced(required(at), new AgreementId(required(successor)));
            case "TERMINATED" -> new AgreementStatus.Terminated(required(at));
            default -> throw new IllegalStateException("unknown agreement status " + rs.getString("status"));
        };
    }

    private static AgreementCharge charge(ResultSet rs) throws SQLException {
        var currency = CurrencyUnit.of(rs.getString("currency_code"));
        var wholesale = rs.getBigDecimal("wholesale_amount");
        return new AgreementCharge(
                rs.getString("id"),
                rs.getInt("revision"),
                requiredInstant(rs, "charge_time"),
                money(currency, rs.getBigDecimal("amount")),
                ChargeTiming.valueOf(rs.getString("timing")),
                AgreementCharge.State.valueOf(rs.getString("state")),
                rs.getString("purchase_order_reference"),
                wholesale == null ? null : money(currency, wholesale));
    }

    private static @Nullable Instant statusAt(AgreementStatus status) {
        return switch (status) {
            case AgreementStatus.Active a -> null;
            case AgreementStatus.Expired e -> e.at();
            case AgreementStatus.Cancelled c -> c.at();
            case AgreementStatus.Renewed r -> r.at();
            case AgreementStatus.Replaced r -> r.at();
            case AgreementStatus.Terminated t -> t.at();
        };
    }

    private static @Nullable String successorOf(AgreementStatus status) {
        return switch (status) {
            case AgreementStatus.Renewed r -> r.renewal().value();
            case AgreementStatus.Replaced r -> r.replacement().value();
            default -> null;
        };
    }

    static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static Instant requiredInstant(ResultSet rs, String column) throws SQLException {
        return required(instant(rs, column));
    }

    private static <T> T required(@Nullable T value) {
        if (value == null) {
            throw new IllegalStateException("a required column is null");
        }
        return value;
    }
}
