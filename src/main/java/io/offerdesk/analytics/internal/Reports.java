package io.offerdesk.analytics.internal;

import io.offerdesk.analytics.internal.domain.FeeRevenue;
import io.offerdesk.analytics.internal.domain.Grouping;
import io.offerdesk.analytics.internal.domain.Reconciliation;
import io.offerdesk.catalog.CatalogManagement;
import io.offerdesk.catalog.ProductId;
import io.offerdesk.disbursement.PayoutFacts;
import io.offerdesk.invoicing.SettlementFacts;
import io.offerdesk.invoicing.SettlementFacts.FeeItem;
import io.offerdesk.invoicing.SettlementFacts.PayeeFigures;
import io.offerdesk.ledger.AccountQuery;
import io.offerdesk.ledger.AccountRole;
import io.offerdesk.ledger.Ledger;
import io.offerdesk.ledger.LedgerAccount;
import io.offerdesk.parties.Party;
import io.offerdesk.parties.PartyManagement;
import io.offerdesk.platform.LongStatements;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.Role;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reconciliation reports, computed when read from the owning modules' facts (ADR 0022). Every report reads in one
 * repeatable-read transaction: invoicing's, disbursement's and the ledger's figures come from one database snapshot, so
 * they tie out to the cent however much money moves meanwhile.
 *
 * <p>Who reads what: a seller's or channel partner's administrators and finance users the figures of their party as
 * payee (the ISV's part of its products' lines, the partner's markup); the operator every payee's. A filter or payee
 * that names another party, or a product the reader has no figures of, is not found (404).
 */
@Service
public class Reports {

    /** The longest range one request gets: five years. */
    public static final int MONTHS_MAX = 60;

    /** The whole report of one request. */
    public record ReconciliationReport(
            YearMonth from,
            YearMonth to,
            Grouping grouping,
            List<Reconciliation.Table> tables,
            List<Reconciliation.PayeeCheck> checks,
            Options options) {}

    /** What the reader's figures name, for the filters of a page: party and product ids in order. */
    public record Options(List<String> sellers, List<String> partners, List<String> products) {}

    /** A fee statement: every fee of the month, and the totals per currency. */
    public record FeeStatement(
            @Nullable UUID payerPartyId, YearMonth month, List<FeeItem> items, Map<String, Money> totals) {}

    /** A report's months, first and last included. */
    public record Months(YearMonth from, YearMonth to) {}

    public record FeeRevenueReport(
            YearMonth from, YearMonth to, List<FeeRevenue.Line> lines, List<FeeRevenue.Month> months) {

        public boolean tiesOut() {
            return months.stream().allMatch(FeeRevenue.Month::tiesOut);
        }
    }

    private final SettlementFacts settlements;
    private final PayoutFacts payouts;
    private final Ledger ledger;
    private final PartyManagement parties;
    private final CatalogManagement catalog;
    private final LongStatements longStatements;
    private final Clock clock;

    Reports(
            SettlementFacts settlements,
            PayoutFacts payouts,
            Ledger ledger,
            PartyManagement parties,
            CatalogManagement catalog,
            LongStatements longStatements,
            Clock clock) {
        this.settlements = settlements;
        this.payouts = payouts;
        this.ledger = ledger;
        this.parties = parties;
        this.catalog = catalog;
        this.longStatements = longStatements;
        this.clock = clock;
    }

    /** The months asked for; by default the twelve ending with the current month (UTC). */
    public Months months(@Nullable YearMonth from, @Nullable YearMonth to) {
        var last = to != null ? to : month(null);
        return new Months(from != null ? from : last.minusMonths(11), last);
    }

    /** The month asked for; by default the current month (UTC). */
    public YearMonth month(@Nullable YearMonth month) {
        return month != null ? month : YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
    }

    /** Payees' administrators and finance users, and the operator, read reports; anyone else is refused (403). */
    public static boolean mayRead(OfferdeskPrincipal me) {
        return me.isOperator()
                || ((me.partyKind() == PartyKind.SELLER || me.partyKind() == PartyKind.CHANNEL_PARTNER)
                        && (me.has(Role.ADMIN) || me.has(Role.FINANCE)));
    }

    public static void checkRange(YearMonth from, YearMonth to) {
        if (to.isBefore(from) || from.plusMonths(MONTHS_MAX - 1).isBefore(to)) {
            throw new InvalidInput("to", "reports.range", 1, MONTHS_MAX);
        }
    }

    /**
     * Billed, credited, collected, fees, clawbacks and disbursed per row of the grouping, for the months and filters;
     * and the tie-out of every payable account the reader sees, over all time (a balance has no month).
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public ReconciliationReport reconciliation(
            OfferdeskPrincipal me,
            YearMonth from,
            YearMonth to,
            Grouping grouping,
            @Nullable UUID seller,
            @Nullable UUID partner,
            @Nullable String productId) {
        var payee = payee(me);
        checkRange(from, to);
        // A form's "all products" sends an empty value.
        var product = productId == null || productId.isBlank() ? null : productId;
        // Over all time: the tie-out sums every settlement the reader has, however long the marketplace has run.
        longStatements.allowInThisTransaction();
        var all = settlements.figures(payee, null, null);
        var allDisbursed = payouts.disbursed(payee, null, null);
        if (payee != null) {
            checkOwn(all, seller, partner, product);
        }
        var figures = all.stream()
                .filter(f -> !f.month().isBefore(from) && !f.month().isAfter(to))
                .filter(f -> Reconciliation.matches(f, seller, partner, product))
                .toList();
        var disbursed = allDisbursed.stream()
                .filter(d -> !d.month().isBefore(from) && !d.month().isAfter(to))
                .filter(d -> Reconciliation.matches(d, seller, partner, product))
                .toList();
        var checks = Reconciliation.checks(all, allDisbursed, this::payable);
        var options = new Options(
                distinct(all, f -> f.publisherPartyId().toString()),
                distinct(
                        all,
                        f -> f.partnerPartyId() == null
                                ? null
                                : f.partnerPartyId().toString()),
                distinct(all, PayeeFigures::productId));
        return new ReconciliationReport(
                from, to, grouping, Reconciliation.tables(figures, disbursed, grouping), checks, options);
    }

    /**
     * Every listing fee charged to the payer (or, for the operator without a payer, to any ISV) in the month, and what
     * credit memos gave back. A channel partner's markup bears no fee: its statement is empty.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public FeeStatement feeStatement(OfferdeskPrincipal me, @Nullable UUID payer, YearMonth month) {
        var reader = payee(me);
        if (reader != null && payer != null && !reader.equals(payer)) {
            throw new NotFound("party", payer.toString());
        }
        var who = reader != null ? reader : payer;
        if (who != null && reader == null && parties.find(who).isEmpty()) {
            throw new NotFound("party", who.toString());
        }
        // The operator's statement without a payer reads every ISV's fees of the month.
        longStatements.allowInThisTransaction();
        var items = settlements.fees(who, month, month);
        var totals = new TreeMap<String, Money>();
        items.forEach(item -> totals.merge(item.currency().getCode(), item.fee(), Money::plus));
        return new FeeStatement(who, month, items, totals);
    }

    /** The operator's fee revenue per month, product type and seller, with each month checked against the ledger. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public FeeRevenueReport feeRevenue(OfferdeskPrincipal me, YearMonth from, YearMonth to) {
        if (!me.isOperator()) {
            throw new AccessDeniedException("only the operator reads the marketplace's fee revenue");
        }
        checkRange(from, to);
        // Every seller's fees, and every fee-revenue movement of the ledger, over up to the report's months.
        longStatements.allowInThisTransaction();
        var items = settlements.fees(null, from, to);
        var types = new HashMap<String, String>();
        var lines = FeeRevenue.lines(items, id -> types.computeIfAbsent(id, this::productType));
        var mark = ledger.mark();
        var byMonth = new TreeMap<YearMonth, Map<CurrencyUnit, Money>>();
        var accounts =
                ledger.balances(new AccountQuery(LedgerAccount.MARKETPLACE, AccountRole.FEE_REVENUE, null, 0, 500));
        for (var account : accounts) {
            for (var movement : ledger.movements(account.account(), null, mark)) {
                var month = YearMonth.from(movement.occurredAt().atZone(ZoneOffset.UTC));
                if (!month.isBefore(from) && !month.isAfter(to)) {
                    byMonth.computeIfAbsent(month, m -> new HashMap<>())
                            .merge(account.account().currency(), movement.net().negated(), Money::plus);
                }
            }
        }
        return new FeeRevenueReport(from, to, lines, FeeRevenue.months(items, byMonth));
    }

    /** Names for the parties and products on a report: each is read once. */
    public Function<String, String> partyNames() {
        var names = new HashMap<String, String>();
        return id -> id.isEmpty()
                ? id
                : names.computeIfAbsent(
                        id,
                        key -> parties.find(UUID.fromString(key))
                                .map(Party::name)
                                .orElse(key));
    }

    /** Names for the keys of a report's rows: months stand for themselves. */
    public Function<String, String> namesFor(Grouping grouping) {
        return switch (grouping) {
            // Not Function.identity(): Thymeleaf refuses to call methods of JDK classes from page expressions.
            case MONTH -> month -> month;
            case PRODUCT -> productNames();
            case SELLER, PARTNER, PAYEE -> partyNames();
        };
    }

    public Function<String, String> productNames() {
        var names = new HashMap<String, String>();
        return id -> id.isEmpty()
                ? id
                : names.computeIfAbsent(
                        id,
                        key -> ProductId.parse(key)
                                .flatMap(catalog::find)
                                .map(p -> p.title())
                                .orElse(key));
    }

    /** The reader as payee; null for the operator, who reads every payee. */
    private static @Nullable UUID payee(OfferdeskPrincipal me) {
        if (!mayRead(me)) {
            throw new AccessDeniedException("only payees and the operator read reconciliation reports");
        }
        return me.isOperator() ? null : me.partyId();
    }

    /** A reader's filters must name itself or what its own figures name; anything else does not exist for it. */
    private static void checkOwn(
            List<PayeeFigures> own, @Nullable UUID seller, @Nullable UUID partner, @Nullable String product) {
        if (seller != null && own.stream().noneMatch(f -> seller.equals(f.publisherPartyId()))) {
            throw new NotFound("party", seller.toString());
        }
        if (partner != null && own.stream().noneMatch(f -> partner.equals(f.partnerPartyId()))) {
            throw new NotFound("party", partner.toString());
        }
        if (product != null && own.stream().noneMatch(f -> product.equals(f.productId()))) {
            throw new NotFound("product", product);
        }
    }

    private static List<String> distinct(List<PayeeFigures> figures, Function<PayeeFigures, @Nullable String> value) {
        return figures.stream()
                .map(value)
                .filter(Objects::nonNull)
                .distinct()
                .sorted()
                .toList();
    }

    private Money payable(LedgerAccount account) {
        return ledger.balance(account).net().negated();
    }

    private String productType(String productId) {
        return ProductId.parse(productId)
                .flatMap(catalog::find)
                .map(p -> p.type().name())
                .orElse("UNKNOWN");
    }
}
