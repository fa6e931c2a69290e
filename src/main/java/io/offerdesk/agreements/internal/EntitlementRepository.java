package io.offerdesk.agreements.internal;

import static io.offerdesk.agreements.internal.AgreementRepository.instant;
import static io.offerdesk.agreements.internal.AgreementRepository.requiredInstant;
import static io.offerdesk.agreements.internal.AgreementRepository.timestamp;

import io.offerdesk.agreements.AgreementId;
import io.offerdesk.agreements.Entitlement;
import io.offerdesk.agreements.EntitlementStatus;
import io.offerdesk.agreements.EntitlementStatusReason;
import io.offerdesk.agreements.EntitlementValue;
import io.offerdesk.catalog.ProductType;
import io.offerdesk.shared.AccountId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Entitlements and the customer identifiers of buyer accounts. Reads name their tenant: the agreement (checked by the
 * caller), the product the seller owns, or the buyer party and its accounts; the event listeners' writes name the
 * agreement.
 */
@Repository
public class EntitlementRepository {

    private static final String COLUMNS = """
            agreement_id, dimension_key, product_id, product_type, proposer_party_id, acceptor_party_id,
            acceptor_account_id, customer_identifier, license_arn, entitlement_type, integer_value, boolean_value,
            start_time, expiration_time, status, status_reason_code, last_update_time""";
    private static final String INSERT = """
            INSERT INTO agreements.entitlement (%s)
            VALUES (:agreementId, :dimension, :productId, :productType, :proposer, :acceptor, :account, :customer,
                :license, :type, :integerValue, :booleanValue, :start, :expiration, :status, :reason, :updated)
            ON CONFLICT DO NOTHING
            """.formatted(COLUMNS);
    /** GetEntitlements: values of one filter key are ORed, the keys ANDed; an empty list does not filter. */
    private static final String CURRENT = """
            SELECT %s FROM agreements.entitlement
            WHERE product_id = :productId AND status = 'PROVISIONED'
              AND (expiration_time IS NULL OR expiration_time > :now)
              AND (cardinality(CAST(:customers AS varchar[])) = 0
                   OR customer_identifier = ANY(CAST(:customers AS varchar[])))
              AND (cardinality(CAST(:dimensions AS varchar[])) = 0
                   OR dimension_key = ANY(CAST(:dimensions AS varchar[])))
              AND (cardinality(CAST(:accounts AS varchar[])) = 0
                   OR acceptor_account_id = ANY(CAST(:accounts AS varchar[])))
              AND (cardinality(CAST(:licenses AS varchar[])) = 0
                   OR license_arn = ANY(CAST(:licenses AS varchar[])))
              AND (CAST(:afterAgreement AS varchar) IS NULL
                   OR (agreement_id, dimension_key) > (CAST(:afterAgreement AS varchar), CAST(:afterDimension AS varchar)))
            ORDER BY agreement_id, dimension_key
            LIMIT :limit
            """.formatted(COLUMNS);

    private final JdbcClient jdbc;

    EntitlementRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The account's customer identifier for the product: the one it already has, or {@code candidate}, which becomes
     * its identifier for good.
     */
    public String customerIdentifier(AccountId account, String productId, String candidate) {
        jdbc.sql("""
                        INSERT INTO agreements.customer (acceptor_account_id, product_id, customer_identifier)
                        VALUES (:account, :productId, :candidate) ON CONFLICT (acceptor_account_id, product_id) DO NOTHING
                        """)
                .param("account", account.value())
                .param("productId", productId)
                .param("candidate", candidate)
                .update();
        return jdbc.sql("""
                        SELECT customer_identifier FROM agreements.customer
                        WHERE acceptor_account_id = :account AND product_id = :productId
                        """)
                .param("account", account.value())
                .param("productId", productId)
                .query(String.class)
                .single();
    }

    /** Inserts the entitlements; ones the agreement already has stay as they are (a listener may run twice). */
    public void insert(List<Entitlement> entitlements) {
        for (var e : entitlements) {
            jdbc.sql(INSERT)
                    .param("agreementId", e.agreementId().value())
                    .param("dimension", e.dimension())
                    .param("productId", e.productId())
                    .param("productType", e.productType().name())
                    .param("proposer", e.proposerPartyId())
                    .param("acceptor", e.acceptorPartyId())
                    .param("account", e.customerAwsAccountId().value())
                    .param("customer", e.customerIdentifier())
                    .param("license", e.licenseArn())
                    .param("type", e.type())
                    .param(
                            "integerValue",
                            e.value() instanceof EntitlementValue.IntegerValue i ? i.value() : null,
                            java.sql.Types.INTEGER)
                    .param(
                            "booleanValue",
                            e.value() instanceof EntitlementValue.BooleanValue b ? b.value() : null,
                            java.sql.Types.BOOLEAN)
                    .param("start", timestamp(e.startTime()))
                    .param("expiration", timestamp(e.expirationDate()))
                    .param("status", e.status().name())
                    .param("reason", e.statusReasonCode().name())
                    .param("updated", timestamp(e.lastUpdateTime()))
                    .update();
        }
    }

    /** Moves the agreement's entitlements that are in one of {@code from} to {@code to}; returns how many moved. */
    public int move(
            AgreementId agreement,
            List<EntitlementStatus> from,
            EntitlementStatus to,
            EntitlementStatusReason reason,
            Instant at) {
        return jdbc.sql("""
                        UPDATE agreements.entitlement
                        SET status = :to, status_reason_code = :reason, last_update_time = :at
                        WHERE agreement_id = :agreement AND status = ANY(CAST(:from AS varchar[]))
                        """)
                .param("agreement", agreement.value())
                .param("from", from.stream().map(Enum::name).toArray(String[]::new))
                .param("to", to.name())
                .param("reason", reason.name())
                .param("at", timestamp(at))
                .update();
    }

    /**
     * Deprovisions the account's provisioned entitlements for the product from agreements other than {@code current}:
     * an account holds one running agreement per product, so the one that starts takes over from its predecessor.
     */
    public int deprovisionPredecessors(AccountId account, String productId, AgreementId current, Instant at) {
        return jdbc.sql("""
                        UPDATE agreements.entitlement
                        SET status = 'DEPROVISIONED', status_reason_code = 'AGREEMENT_INACTIVE', last_update_time = :at
                        WHERE acceptor_account_id = :account AND product_id = :productId
                          AND agreement_id <> :current AND status = 'PROVISIONED'
                        """)
                .param("account", account.value())
                .param("productId", productId)
                .param("current", current.value())
                .param("at", timestamp(at))
                .update();
    }

    /** The agreement's entitlements; the caller has checked that the reader may see the agreement. */
    public List<Entitlement> ofAgreement(AgreementId agreement) {
        return jdbc.sql("SELECT %s FROM agreements.entitlement WHERE agreement_id = :agreement ORDER BY dimension_key"
                        .formatted(COLUMNS))
                .param("agreement", agreement.value())
                .query(EntitlementRepository::entitlement)
                .list();
    }

    /** Where a GetEntitlements page starts: after this agreement and dimension. */
    public record Position(String agreementId, String dimension) {}

    /** The product's current entitlements matching the filter, in a stable order; the caller owns the product. */
    public List<Entitlement> current(
            String productId,
            List<String> customers,
            List<String> dimensions,
            List<String> accounts,
            List<String> licenses,
            @Nullable Position after,
            Instant now,
            int limit) {
        return jdbc.sql(CURRENT)
                .param("productId", productId)
                .param("now", timestamp(now))
                .param("customers", customers.toArray(String[]::new))
                .param("dimensions", dimensions.toArray(String[]::new))
                .param("accounts", accounts.toArray(String[]::new))
                .param("licenses", licenses.toArray(String[]::new))
                .param("afterAgreement", after == null ? null : after.agreementId())
                .param("afterDimension", after == null ? null : after.dimension())
                .param("limit", limit)
                .query(EntitlementRepository::entitlement)
                .list();
    }

    /** The buyer party's entitlements in the given accounts, newest agreement first. */
    public List<Entitlement> ofBuyer(UUID party, List<AccountId> accounts, int offset, int limit) {
        return jdbc.sql("""
                        SELECT %s FROM agreements.entitlement
                        WHERE acceptor_party_id = :party AND acceptor_account_id = ANY(CAST(:accounts AS varchar[]))
                        ORDER BY start_time DESC, agreement_id, dimension_key
                        LIMIT :limit OFFSET :offset
                        """.formatted(COLUMNS))
                .param("party", party)
                .param("accounts", accounts.stream().map(AccountId::value).toArray(String[]::new))
                .param("limit", limit)
                .param("offset", offset)
                .query(EntitlementRepository::entitlement)
                .list();
    }

    /** The buyer party's current entitlements for one product in the given accounts. */
    public List<Entitlement> currentOfBuyer(UUID party, List<AccountId> accounts, String productId, Instant now) {
        return jdbc.sql("""
                        SELECT %s FROM agreements.entitlement
                        WHERE acceptor_party_id = :party AND acceptor_account_id = ANY(CAST(:accounts AS varchar[]))
                          AND product_id = :productId AND status = 'PROVISIONED'
                          AND (expiration_time IS NULL OR expiration_time > :now)
                        ORDER BY acceptor_account_id, dimension_key
                        """.formatted(COLUMNS))
                .param("party", party)
                .param("accounts", accounts.stream().map(AccountId::value).toArray(String[]::new))
                .param("productId", productId)
                .param("now", timestamp(now))
                .query(EntitlementRepository::entitlement)
                .list();
    }

    /** The agreement's customer and license, from any of its entitlements. */
    public Optional<Entitlement> anyOf(AgreementId agreement) {
        return ofAgreement(agreement).stream().findFirst();
    }

    private static Entitlement entitlement(ResultSet rs, int row) throws SQLException {
        var integer = rs.getObject("integer_value", Integer.class);
        EntitlementValue value = integer != null
                ? new EntitlementValue.IntegerValue(integer)
                : new EntitlementValue.BooleanValue(rs.getBoolean("boolean_value"));
        return new Entitlement(
                new AgreementId(rs.getString("agreement_id")),
                rs.getString("product_id"),
                ProductType.valueOf(rs.getString("product_type")),
                rs.getString("dimension_key"),
                rs.getString("entitlement_type"),
                value,
                rs.getObject("proposer_party_id", UUID.class),
                rs.getObject("acceptor_party_id", UUID.class),
                new AccountId(rs.getString("acceptor_account_id")),
                rs.getString("customer_identifier"),
                rs.getString("license_arn"),
                requiredInstant(rs, "start_time"),
                instant(rs, "expiration_time"),
                EntitlementStatus.valueOf(rs.getString("status")),
                EntitlementStatusReason.valueOf(rs.getString("status_reason_code")),
                requiredInstant(rs, "last_update_time"));
    }
}
