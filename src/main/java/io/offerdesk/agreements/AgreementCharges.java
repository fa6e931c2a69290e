package io.offerdesk.agreements;

import io.offerdesk.agreements.events.AgreementPurchaseOrdersUpdated;
import io.offerdesk.agreements.internal.AgreementRepository;
import io.offerdesk.agreements.internal.AgreementSides;
import io.offerdesk.agreements.internal.PurchaseOrderRepository;
import io.offerdesk.platform.OfferdeskPrincipal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An agreement's charges ({@code ListAgreementCharges}) and the purchase orders the buyer puts on them after
 * acceptance ({@code UpdatePurchaseOrders}): each change makes the charge's next revision, which invoicing learns
 * from {@link AgreementPurchaseOrdersUpdated}.
 */
@Service
public class AgreementCharges {

    /** The most purchase orders one update takes. */
    public static final int UPDATE_MAX = 50;

    /**
     * A purchase order for one charge of one agreement.
     *
     * @param chargeRevision the revision the buyer saw; when given, the update is refused if the charge changed since
     */
    public record ChargeOrder(
            @Nullable String agreementId,
            @Nullable String chargeId,
            @Nullable Long chargeRevision,
            @Nullable String purchaseOrderReference) {}

    private final Agreements agreements;
    private final AgreementRepository repository;
    private final PurchaseOrderRepository purchaseOrders;
    private final AgreementSides sides;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AgreementCharges(
            Agreements agreements,
            AgreementRepository repository,
            PurchaseOrderRepository purchaseOrders,
            AgreementSides sides,
            ApplicationEventPublisher events,
            Clock clock) {
        this.agreements = agreements;
        this.repository = repository;
        this.purchaseOrders = purchaseOrders;
        this.sides = sides;
        this.events = events;
        this.clock = clock;
    }

    /** Every charge of the agreement in time order, cancelled ones included, for whoever may read the agreement. */
    @Transactional(readOnly = true)
    public List<AgreementCharge> charges(OfferdeskPrincipal me, String agreementId) {
        return agreements.agreement(me, agreementId).charges();
    }

    /**
     * Puts purchase orders on charges of the buyer's agreements, all or none. Agreements are locked in id order so
     * concurrent updates never wait for each other in a circle.
     *
     * @throws io.offerdesk.shared.InvalidInput {@code INVALID_PURCHASE_ORDERS} for an unknown, cancelled or repeated
     *     charge or a bad reference, {@code INVALID_CHARGE_REVISION} for a charge that changed since the buyer read it
     */
    @Transactional
    public void updatePurchaseOrders(OfferdeskPrincipal me, List<ChargeOrder> orders) {
        if (orders.isEmpty() || orders.size() > UPDATE_MAX) {
            throw RefusalReason.INVALID_PURCHASE_ORDERS.at("purchaseOrders", Agreements.PURCHASE_ORDER_MAX);
        }
        var byAgreement = new LinkedHashMap<AgreementId, List<Integer>>();
        for (int i = 0; i < orders.size(); i++) {
            var agreementId = String.valueOf(orders.get(i).agreementId());
            var agreement = agreements.agreement(me, agreementId);
            sides.checkBuyer(me, agreement);
            byAgreement.computeIfAbsent(agreement.id(), id -> new ArrayList<>()).add(i);
        }
        var now = clock.instant();
        var seen = new HashSet<String>();
        byAgreement.entrySet().stream()
                .sorted(Comparator.comparing(e -> e.getKey().value()))
                .forEach(entry -> {
                    var id = entry.getKey();
                    var agreement = repository.lock(id).orElseThrow();
                    var changed = new ArrayList<String>();
                    for (int i : entry.getValue()) {
                        var order = orders.get(i);
                        var field = "purchaseOrders[" + i + "]";
                        var charge = agreement.charges().stream()
                                .filter(c -> c.id().equals(order.chargeId()))
                                .filter(c -> c.state() != AgreementCharge.State.CANCELLED)
                                .findFirst()
                                .filter(c -> seen.add(id.value() + "/" + c.id()))
                                .orElseThrow(() -> RefusalReason.INVALID_PURCHASE_ORDERS.at(
                                        field + ".chargeId", Agreements.PURCHASE_ORDER_MAX));
                        if (order.chargeRevision() != null && order.chargeRevision() != charge.revision()) {
                            throw RefusalReason.INVALID_CHARGE_REVISION.at(
                                    field + ".chargeRevision", charge.id(), charge.revision());
                        }
                        var reference = order.purchaseOrderReference();
                        if (reference == null
                                || reference.isBlank()
                                || reference.length() > Agreements.PURCHASE_ORDER_MAX) {
                            throw RefusalReason.INVALID_PURCHASE_ORDERS.at(
                                    field + ".purchaseOrderReference", Agreements.PURCHASE_ORDER_MAX);
                        }
                        purchaseOrders.attach(id, charge.id(), reference.strip());
                        changed.add(charge.id());
                    }
                    var updated = repository.find(id).orElseThrow();
                    events.publishEvent(new AgreementPurchaseOrdersUpdated(
                            id.value(),
                            updated.proposerPartyId(),
                            updated.acceptorPartyId(),
                            updated.charges().stream()
                                    .filter(c -> changed.contains(c.id()))
                                    .map(Agreements::line)
                                    .toList(),
                            me.actor(),
                            now));
                });
    }
}
