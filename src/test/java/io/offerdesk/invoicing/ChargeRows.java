package io.offerdesk.invoicing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Waiting charges written straight into {@code invoicing.charge}, as the intake writes them, for tests that need many
 * or particular ones without accepting an offer for each. Each test uses buyers and agreements of its own (fresh
 * ids), so that what it invoices is its own and no demo buyer's balance changes.
 */
public final class ChargeRows {

    private final JdbcClient jdbc;

    public ChargeRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A charge of a direct offer, due at {@code dueAt}; amounts in minor units. */
    public void insert(
            String agreementId,
            String chargeId,
            UUID sellerPartyId,
            UUID buyerPartyId,
            String buyerAccountId,
            String currency,
            long amountMinor,
            Instant dueAt,
            @Nullable Integer netPaymentDays) {
        jdbc.sql("""
                        INSERT INTO invoicing.charge (agreement_id, charge_id, revision, offer_id, product_id,
                            seller_party_id, publisher_party_id, buyer_party_id, buyer_account_id, currency,
                            amount_minor, timing, due_at, net_payment_days)
                        VALUES (:agreement, :charge, 1, 'offer-test', 'prod-test', :seller, :seller, :buyer, :account,
                            :currency, :amount, 'SCHEDULED', :dueAt, :netDays)
                        """)
                .param("agreement", agreementId)
                .param("charge", chargeId)
                .param("seller", sellerPartyId)
                .param("buyer", buyerPartyId)
                .param("account", buyerAccountId)
                .param("currency", currency)
                .param("amount", amountMinor)
                .param("dueAt", Timestamp.from(dueAt))
                .param("netDays", netPaymentDays)
                .update();
    }

    /**
     * Waiting charges of {@code groups} buyers of one seller, all due at {@code dueAt}: a buyer per group, each on an
     * account of its own, with one to {@code mostPerGroup} agreements of one charge each, so one invoice per group.
     * Accounts are consecutive from a random start: an invoice is per buyer account, so two groups drawing the same
     * account at random would share one. Written in the caller's transaction, if any.
     *
     * @return how many charges were written
     */
    public int insertGroups(
            String tag, UUID sellerPartyId, int groups, int mostPerGroup, Instant dueAt, Random random) {
        var firstAccount = random.nextLong(100_000_000L - groups);
        var charges = 0;
        for (int g = 0; g < groups; g++) {
            var buyer = UUID.randomUUID();
            var account = account(firstAccount + g);
            var agreements = 1 + random.nextInt(mostPerGroup);
            for (int a = 0; a < agreements; a++) {
                insert(
                        "agmt-" + tag + "g" + g + "a" + a,
                        "charge-1",
                        sellerPartyId,
                        buyer,
                        account,
                        "USD",
                        1 + random.nextInt(100_000),
                        dueAt,
                        null);
                charges++;
            }
        }
        return charges;
    }

    /** A 12-digit account id no demo party holds. */
    public static String account(long n) {
        return String.valueOf(900_000_000_000L + n);
    }

    public static String agreementId(String tag) {
        return "agmt-" + tag + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
