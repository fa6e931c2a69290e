package io.offerdesk.agreements.internal;

import static io.offerdesk.agreements.internal.AgreementRepository.instant;
import static io.offerdesk.agreements.internal.AgreementRepository.requiredInstant;
import static io.offerdesk.agreements.internal.AgreementRepository.timestamp;

import io.offerdesk.agreements.AcceptedTerm;
import io.offerdesk.agreements.AgreementId;
import io.offerdesk.agreements.AgreementRequest;
import io.offerdesk.agreements.AgreementRequestId;
import io.offerdesk.agreements.ChargeSummary;
import io.offerdesk.agreements.ChargeTiming;
import io.offerdesk.agreements.ExpectedCharge;
import io.offerdesk.agreements.RequestedTerm;
import io.offerdesk.shared.AccountId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Agreement requests (quotes). Every read names the buyer party that made the request. */
@Repository
class AgreementRequestRepository {

    /** An expected charge as stored: the amount as a decimal in the request's currency. */
    record StoredCharge(String id, Instant time, BigDecimal amount, ChargeTiming timing) {}

    private static final TypeReference<List<AcceptedTerm>> TERMS = new TypeReference<>() {};
    private static final TypeReference<List<RequestedTerm>> REQUESTED = new TypeReference<>() {};
    private static final TypeReference<List<StoredCharge>> CHARGES = new TypeReference<>() {};

    private static final String COLUMNS = """
            id, buyer_party_id, acceptor_account_id, requested_by, intent, offer_id, offer_revision,
            source_agreement_id, requested_terms, accepted_terms, currency_code, agreement_value, expected_charges,
            start_time, end_time, usage_billed, created_at, expires_at, agreement_id""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AgreementRequestRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Stores a new request. With a client token already used by the party, nothing is stored.
     *
     * @return false when the party already used the client token
     */
    boolean insert(AgreementRequest request, @Nullable String clientToken, String digest) {
        var charges = request.charges();
        return jdbc.sql("""
                        INSERT INTO agreements.agreement_request (%s, client_token, request_digest)
                        VALUES (:id, :buyer, :account, :requestedBy, :intent, :offerId, :revision, :source,
                            CAST(:requested AS jsonb), CAST(:terms AS jsonb), :currency, :value,
                            CAST(:charges AS jsonb), :start, :end, :usage, :createdAt, :expiresAt, NULL,
                            :clientToken, :digest)
                        ON CONFLICT DO NOTHING
                        """.formatted(COLUMNS))
                        .param("id", request.id().value())
                        .param("buyer", request.buyerPartyId())
                        .param("account", request.acceptorAccountId().value())
                        .param("requestedBy", request.requestedBy())
                        .param("intent", request.intent().name())
                        .param("offerId", request.offerId())
                        .param("revision", request.offerRevision())
                        .param(
                                "source",
                                request.sourceAgreementId() == null
                                        ? null
                                        : request.sourceAgreementId().value())
                        .param("requested", json.writeValueAsString(request.requestedTerms()))
                        .param("terms", json.writeValueAsString(request.terms()))
                        .param("currency", charges.currency().getCode())
                        .param("value", charges.agreementValue().getAmount())
                        .param(
                                "charges",
                                json.writeValueAsString(charges.expectedCharges().stream()
                                        .map(c -> new StoredCharge(
                                                c.id(), c.time(), c.amount().getAmount(), c.timing()))
                                        .toList()))
                        .param("start", timestamp(charges.startTime()))
                        .param("end", timestamp(charges.endTime()))
                        .param("usage", charges.usageBilled())
                        .param("createdAt", timestamp(request.createdAt()))
                        .param("expiresAt", timestamp(request.expiresAt()))
                        .param("clientToken", clientToken)
                        .param("digest", digest)
                        .update()
                == 1;
    }

    /** The request the party made with the client token, and the digest of what it asked. */
    Optional<Keyed> byClientToken(UUID buyer, String clientToken, String invoicingEntity) {
        return jdbc.sql("""
                        SELECT %s, request_digest FROM agreements.agreement_request
                        WHERE buyer_party_id = :buyer AND client_token = :token
                        """.formatted(COLUMNS))
                .param("buyer", buyer)
                .param("token", clientToken)
                .query((rs, n) -> new Keyed(request(rs, invoicingEntity), rs.getString("request_digest")))
                .optional();
    }

    record Keyed(AgreementRequest request, String digest) {}

    Optional<AgreementRequest> find(UUID buyer, AgreementRequestId id, String invoicingEntity) {
        return jdbc.sql("SELECT %s FROM agreements.agreement_request WHERE id = :id AND buyer_party_id = :buyer"
                        .formatted(COLUMNS))
                .param("id", id.value())
                .param("buyer", buyer)
                .query((rs, n) -> request(rs, invoicingEntity))
                .optional();
    }

    /** The request, locked for the rest of the transaction, so two acceptances of it decide one after the other. */
    Optional<AgreementRequest> lock(UUID buyer, AgreementRequestId id, String invoicingEntity) {
        return jdbc.sql("""
                        SELECT %s FROM agreements.agreement_request WHERE id = :id AND buyer_party_id = :buyer
                        FOR UPDATE
                        """.formatted(COLUMNS))
                .param("id", id.value())
                .param("buyer", buyer)
                .query((rs, n) -> request(rs, invoicingEntity))
                .optional();
    }

    void accepted(AgreementRequestId id, AgreementId agreement) {
        jdbc.sql("UPDATE agreements.agreement_request SET agreement_id = :agreement WHERE id = :id")
                .param("id", id.value())
                .param("agreement", agreement.value())
                .update();
    }

    /** Forgets requests that expired unaccepted before {@code before}. */
    int deleteExpired(Instant before) {
        return jdbc.sql("DELETE FROM agreements.agreement_request WHERE agreement_id IS NULL AND expires_at < :before")
                .param("before", timestamp(before))
                .update();
    }

    private AgreementRequest request(ResultSet rs, String invoicingEntity) throws SQLException {
        var currency = CurrencyUnit.of(rs.getString("currency_code"));
        List<StoredCharge> stored = json.readValue(rs.getString("expected_charges"), CHARGES);
        var source = rs.getString("source_agreement_id");
        var agreement = rs.getString("agreement_id");
        return new AgreementRequest(
                new AgreementRequestId(rs.getString("id")),
                rs.getObject("buyer_party_id", UUID.class),
                new AccountId(rs.getString("acceptor_account_id")),
                rs.getObject("requested_by", UUID.class),
                AgreementRequest.Intent.valueOf(rs.getString("intent")),
                rs.getString("offer_id"),
                rs.getLong("offer_revision"),
                source == null ? null : new AgreementId(source),
                json.readValue(rs.getString("requested_terms"), REQUESTED),
                json.readValue(rs.getString("accepted_terms"), TERMS),
                new ChargeSummary(
                        currency,
                        money(currency, rs.getBigDecimal("agreement_value")),
                        stored.stream()
                                .map(c -> new ExpectedCharge(c.id(), c.time(), money(currency, c.amount()), c.timing()))
                                .toList(),
                        requiredInstant(rs, "start_time"),
                        instant(rs, "end_time"),
                        rs.getBoolean("usage_billed"),
                        invoicingEntity),
                requiredInstant(rs, "created_at"),
                requiredInstant(rs, "expires_at"),
                agreement == null ? null : new AgreementId(agreement));
    }

    /** Numeric columns come back with the scale they were written with; money wants exactly the currency's scale. */
    static Money money(CurrencyUnit currency, BigDecimal amount) {
        return Money.of(currency, amount.setScale(currency.getDecimalPlaces()));
    }
}
