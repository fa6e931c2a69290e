package io.offerdesk.analytics.internal.insights;

import io.offerdesk.agreements.Agreement;
import io.offerdesk.agreements.AgreementFilter;
import io.offerdesk.agreements.Agreements;
import io.offerdesk.agreements.PartyType;
import io.offerdesk.analytics.internal.domain.SpendBreakdown;
import io.offerdesk.commitments.CostCenters;
import io.offerdesk.invoicing.Invoice;
import io.offerdesk.invoicing.InvoiceFilter;
import io.offerdesk.invoicing.InvoiceType;
import io.offerdesk.invoicing.Invoices;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.OfferQueries;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.PartyKind;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The buyer's procurement insights, computed when read from the modules that own the facts (as the reports of ADR
 * 0022): spend from the organization's invoices by product, seller and month, spend per cost center from the
 * chargeback (so both add up to the same invoice totals), agreements ending soon and private offers expiring soon.
 */
@Service
public class Insights {

    /** How far ahead the dashboard looks for agreements that end (renew or expire). */
    public static final Duration RENEWAL_WINDOW = Duration.ofDays(90);

    /** How far ahead it looks for private offers to the organization that expire. */
    public static final Duration EXPIRING_OFFER_WINDOW = Duration.ofDays(30);

    /** The longest range of months the dashboard sums. */
    public static final int MONTHS_MAX = 36;

    /** The months the dashboard shows when the caller names none: the last twelve, this one included. */
    public static final int DEFAULT_MONTHS = 12;

    /** The dashboard's figures for a range of months. */
    public record Report(
            YearMonth from,
            YearMonth to,
            List<SpendBreakdown.Breakdown> spend,
            List<CostCenters.Spend> byCostCenter,
            List<Agreement> endingSoon,
            List<Offer> expiringOffers) {}

    private final Invoices invoices;
    private final CostCenters costCenters;
    private final Agreements agreements;
    private final OfferQueries offers;
    private final Clock clock;

    Insights(Invoices invoices, CostCenters costCenters, Agreements agreements, OfferQueries offers, Clock clock) {
        this.invoices = invoices;
        this.costCenters = costCenters;
        this.agreements = agreements;
        this.offers = offers;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Report report(OfferdeskPrincipal me, @Nullable String from, @Nullable String to) {
        if (me.partyKind() != PartyKind.BUYER) {
            throw new AccessDeniedException("procurement insights are a buyer organization's");
        }
        var now = clock.instant();
        var last = to == null || to.isBlank() ? YearMonth.from(now.atZone(ZoneOffset.UTC)) : month("to", to);
        var first = from == null || from.isBlank() ? last.minusMonths(DEFAULT_MONTHS - 1) : month("from", from);
        if (first.isAfter(last) || first.plusMonths(MONTHS_MAX).isBefore(last.plusMonths(1))) {
            throw new InvalidInput("from", "insights.range", MONTHS_MAX);
        }
        var lines = new ArrayList<SpendBreakdown.Line>();
        for (var invoice : invoicesOf(me, first, last)) {
            var sign = invoice.type() == InvoiceType.CREDIT_MEMO ? -1 : 1;
            for (var line : invoice.lines()) {
                lines.add(new SpendBreakdown.Line(
                        YearMonth.from(invoice.invoiceDate()),
                        line.productId(),
                        invoice.sellerPartyId().toString(),
                        line.amount().plus(line.tax()).multipliedBy(sign)));
            }
        }
        var ending = AgreementFilter.activeEnding(PartyType.ACCEPTOR, now, now.plus(RENEWAL_WINDOW));
        var expiringBy = now.plus(EXPIRING_OFFER_WINDOW);
        var expiring = offers.forBuyer(me, OfferQueries.BuyerTab.AVAILABLE, 0, OfferQueries.PAGE_MAX).offers().stream()
                .filter(Offer::isPrivate)
                .filter(o -> o.expiresAt() != null && !o.expiresAt().isAfter(expiringBy))
                .toList();
        return new Report(
                first,
                last,
                SpendBreakdown.of(lines, first, last),
                costCenters.spend(me, first, last),
                agreements.search(me, ending, 0, Agreements.PAGE_MAX).agreements(),
                expiring);
    }

    private List<Invoice> invoicesOf(OfferdeskPrincipal me, YearMonth from, YearMonth to) {
        var filter = new InvoiceFilter(null, null, null, null, from.atDay(1), to.atEndOfMonth());
        var all = new ArrayList<Invoice>();
        for (int offset = 0; ; offset += Invoices.PAGE_MAX) {
            var page = invoices.list(me, filter, offset, Invoices.PAGE_MAX);
            all.addAll(page);
            if (page.size() < Invoices.PAGE_MAX) {
                return all;
            }
        }
    }

    private static YearMonth month(String field, String text) {
        try {
            return YearMonth.parse(text.trim());
        } catch (DateTimeParseException notAMonth) {
            throw new InvalidInput(field, "insights.month");
        }
    }
}
