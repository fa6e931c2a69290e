package io.offerdesk.commitments;

import io.offerdesk.agreements.Agreements;
import io.offerdesk.commitments.events.CostCenterAssigned;
import io.offerdesk.commitments.events.CostCenterDefined;
import io.offerdesk.commitments.events.CostCenterRenamed;
import io.offerdesk.commitments.events.CostCenterTagMapped;
import io.offerdesk.commitments.internal.costcenters.CostCenterRepository;
import io.offerdesk.commitments.internal.costcenters.domain.Chargeback;
import io.offerdesk.invoicing.Invoice;
import io.offerdesk.invoicing.InvoiceFilter;
import io.offerdesk.invoicing.InvoiceType;
import io.offerdesk.invoicing.Invoices;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.Conflict;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.RandomIds;
import io.offerdesk.shared.Role;
import io.offerdesk.shared.Validations;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cost centers of a buyer organization and its monthly chargeback. The organization's finance users (and its
 * marketplace administrator) define cost centers, assign agreements to them and map usage allocation tags to them;
 * every user of the organization reads them and the chargeback. Another party's cost centers and agreements are not
 * found (404); sellers have none.
 */
@Service
public class CostCenters {

    public static final int CODE_MAX = 40;
    public static final int NAME_MAX = 200;
    /** AWS's allocation tag key and value lengths. */
    public static final int TAG_KEY_MAX = 100;

    public static final int TAG_VALUE_MAX = 256;

    /** What a cost-center code may hold: letters, digits and a few separators, as finance systems write them. */
    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");

    /**
     * One cost center's spend in one currency over some months, for reports of other modules.
     *
     * @param costCenterId absent for spend no cost center was assigned
     * @param code absent for spend no cost center was assigned
     */
    public record Spend(
            @Nullable String costCenterId,
            @Nullable String code,
            @Nullable String name,
            Money total) {}

    private final CostCenterRepository repository;
    private final Agreements agreements;
    private final Invoices invoices;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RandomGenerator random = new SecureRandom();

    CostCenters(
            CostCenterRepository repository,
            Agreements agreements,
            Invoices invoices,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.agreements = agreements;
        this.invoices = invoices;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<CostCenter> costCenters(OfferdeskPrincipal me) {
        return repository.all(buyer(me));
    }

    @Transactional(readOnly = true)
    public CostCenter costCenter(OfferdeskPrincipal me, String id) {
        if (me.partyKind() != PartyKind.BUYER) {
            throw new NotFound("cost-center", id);
        }
        return repository.find(me.partyId(), id).orElseThrow(() -> new NotFound("cost-center", id));
    }

    @Transactional
    public CostCenter define(OfferdeskPrincipal me, @Nullable String code, @Nullable String name) {
        var party = writer(me);
        check(code, name);
        var trimmedCode = Validations.present("code", code).trim();
        if (repository.findByCode(party, trimmedCode).isPresent()) {
            throw new Conflict("conflict.costCenterCode", trimmedCode);
        }
        var costCenter = new CostCenter(
                RandomIds.of("cc-", 17, random),
                party,
                trimmedCode,
                Validations.present("name", name).trim(),
                clock.instant());
        repository.insert(costCenter);
        events.publishEvent(new CostCenterDefined(
                party, costCenter.id(), costCenter.code(), costCenter.name(), me.actor(), costCenter.createdAt()));
        return costCenter;
    }

    @Transactional
    public CostCenter rename(OfferdeskPrincipal me, String id, @Nullable String code, @Nullable String name) {
        var party = writer(me);
        var costCenter = repository.find(party, id).orElseThrow(() -> new NotFound("cost-center", id));
        check(code, name);
        var trimmedCode = Validations.present("code", code).trim();
        var trimmedName = Validations.present("name", name).trim();
        if (repository
                .findByCode(party, trimmedCode)
                .filter(other -> !other.id().equals(id))
                .isPresent()) {
            throw new Conflict("conflict.costCenterCode", trimmedCode);
        }
        repository.rename(party, id, trimmedCode, trimmedName);
        events.publishEvent(new CostCenterRenamed(party, id, trimmedCode, trimmedName, me.actor(), clock.instant()));
        return new CostCenter(id, party, trimmedCode, trimmedName, costCenter.createdAt());
    }

    /**
     * Charges the agreement back to the cost center from now on (and for every month shown since), or to none when
     * {@code costCenterId} is absent. The agreement must be one the organization accepted; any other is not found.
     */
    @Transactional
    public CostCenterAssignment assign(OfferdeskPrincipal me, String agreementId, @Nullable String costCenterId) {
        var party = writer(me);
        var agreement = agreements.agreement(me, agreementId);
        if (!agreement.acceptorPartyId().equals(party)) {
            throw new NotFound("agreement", agreementId);
        }
        var target = costCenterId == null || costCenterId.isBlank() ? null : costCenterId.trim();
        if (target != null && repository.find(party, target).isEmpty()) {
            throw new InvalidInput("costCenterId", "validation.costCenter.unknown");
        }
        repository.assign(party, agreementId, target);
        events.publishEvent(new CostCenterAssigned(party, agreementId, target, me.actor(), clock.instant()));
        return new CostCenterAssignment(agreementId, target == null ? "" : target);
    }

    @Transactional(readOnly = true)
    public List<CostCenterAssignment> assignments(OfferdeskPrincipal me) {
        return repository.assignments(buyer(me));
    }

    /** Maps usage allocated with {@code key=value} to the cost center, or removes the mapping. */
    @Transactional
    public CostCenterTagMapping mapTag(
            OfferdeskPrincipal me, @Nullable String key, @Nullable String value, @Nullable String costCenterId) {
        var party = writer(me);
        var checks = new Validations().text("key", key, TAG_KEY_MAX).text("value", value, TAG_VALUE_MAX);
        var target = costCenterId == null || costCenterId.isBlank() ? null : costCenterId.trim();
        if (target != null) {
            checks.check(repository.find(party, target).isPresent(), "costCenterId", "validation.costCenter.unknown");
        }
        checks.throwIfInvalid();
        var tagKey = Validations.present("key", key).trim();
        var tagValue = Validations.present("value", value).trim();
        repository.map(party, tagKey, tagValue, target);
        events.publishEvent(new CostCenterTagMapped(party, tagKey, tagValue, target, me.actor(), clock.instant()));
        return new CostCenterTagMapping(tagKey, tagValue, target == null ? "" : target);
    }

    @Transactional(readOnly = true)
    public List<CostCenterTagMapping> tagMappings(OfferdeskPrincipal me) {
        return repository.mappings(buyer(me));
    }

    /**
     * The month's chargeback: every line of the organization's invoices dated in the month (credit memos' lines
     * negated) with its cost center, and the totals per cost center, which add up to the month's invoice totals.
     */
    @Transactional(readOnly = true)
    public Chargeback.Report chargeback(OfferdeskPrincipal me, YearMonth month) {
        var party = buyer(me);
        var lines = new ArrayList<Chargeback.Line>();
        for (var invoice : invoicesOf(me, month, month)) {
            var sign = invoice.type() == InvoiceType.CREDIT_MEMO ? -1 : 1;
            var number = invoices.displayNumber(invoice);
            for (var line : invoice.lines()) {
                lines.add(new Chargeback.Line(
                        invoice.id(),
                        number,
                        line.lineNo(),
                        line.agreementId(),
                        line.productId(),
                        line.description(),
                        line.amount().multipliedBy(sign),
                        line.tax().multipliedBy(sign),
                        line.allocationTags()));
            }
        }
        var costCenters = repository.all(party);
        var codes = costCenters.stream().collect(Collectors.toMap(CostCenter::id, CostCenter::code));
        return Chargeback.of(
                month,
                lines,
                repository.assignments(party).stream()
                        .collect(Collectors.toMap(
                                CostCenterAssignment::agreementId, CostCenterAssignment::costCenterId)),
                repository.mappings(party).stream()
                        .map(m -> new Chargeback.TagRule(m.key(), m.value(), m.costCenterId()))
                        .toList(),
                java.util.Comparator.comparing(id -> codes.getOrDefault(id, id).toLowerCase(java.util.Locale.ROOT)));
    }

    /** The organization's spend per cost center and currency over the months, for the insights dashboard. */
    @Transactional(readOnly = true)
    public List<Spend> spend(OfferdeskPrincipal me, YearMonth from, YearMonth to) {
        var party = buyer(me);
        var byId = repository.all(party).stream().collect(Collectors.toMap(CostCenter::id, c -> c));
        Map<String, Money> totals = new HashMap<>();
        Map<String, @Nullable String> ids = new HashMap<>();
        for (var month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            for (var total : chargeback(me, month).totals()) {
                var key = total.costCenterId() + "|" + total.currency().getCode();
                totals.merge(key, total.total(), Money::plus);
                ids.put(key, total.costCenterId());
            }
        }
        return totals.entrySet().stream()
                .map(e -> {
                    var id = ids.get(e.getKey());
                    var costCenter = id == null ? null : byId.get(id);
                    return new Spend(
                            id,
                            costCenter == null ? null : costCenter.code(),
                            costCenter == null ? null : costCenter.name(),
                            e.getValue());
                })
                .sorted(java.util.Comparator.comparing((Spend s) -> s.code() == null ? "\uffff" : s.code())
                        .thenComparing(s -> s.total().getCurrencyUnit().getCode()))
                .toList();
    }

    /** Every invoice and credit memo of the caller's organization dated in the months, however many pages. */
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

    private static void check(@Nullable String code, @Nullable String name) {
        new Validations()
                .text("code", code, CODE_MAX)
                .check(
                        code == null
                                || code.isBlank()
                                || CODE.matcher(code.trim()).matches(),
                        "code",
                        "validation.costCenter.code")
                .text("name", name, NAME_MAX)
                .throwIfInvalid();
    }

    /** The caller's buyer organization; sellers, partners and the operator have no cost centers. */
    private static java.util.UUID buyer(OfferdeskPrincipal me) {
        if (me.partyKind() != PartyKind.BUYER) {
            throw new AccessDeniedException("cost centers belong to buyer organizations");
        }
        return me.partyId();
    }

    private static java.util.UUID writer(OfferdeskPrincipal me) {
        var party = buyer(me);
        if (!me.has(Role.FINANCE) && !me.has(Role.MARKETPLACE_ADMIN)) {
            throw new AccessDeniedException("only finance users and the marketplace administrator change cost centers");
        }
        return party;
    }
}
