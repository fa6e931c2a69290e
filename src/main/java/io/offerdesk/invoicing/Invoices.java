package io.offerdesk.invoicing;

import io.offerdesk.invoicing.internal.InvoiceRepository;
import io.offerdesk.invoicing.internal.InvoicingSettings;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.Validations;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issued invoices and credit memos. A buyer reads its own, a seller or channel partner those it is seller of record
 * of, the operator all; anyone else gets 404.
 */
@Service
@EnableConfigurationProperties(InvoicingSettings.class)
public class Invoices {

    /** The longest page of a list. */
    public static final int PAGE_MAX = 100;

    private final InvoiceRepository repository;
    private final InvoicingSettings settings;

    Invoices(InvoiceRepository repository, InvoicingSettings settings) {
        this.repository = repository;
        this.settings = settings;
    }

    /** The invoice with its lines, whoever it belongs to: for the module's own work, never for a caller's request. */
    @Transactional(readOnly = true)
    public Optional<Invoice> find(String id) {
        return repository.find(id);
    }

    /**
     * The invoices with their lines, whoever they belong to, in a few queries however many: for other modules' work
     * on a batch the invoicing run issued, never for a caller's request. Ids not found are left out.
     */
    @Transactional(readOnly = true)
    public List<Invoice> invoicesOf(Collection<String> ids) {
        return repository.find(ids);
    }

    /** The invoice, for its buyer, its seller of record or the operator. */
    @Transactional(readOnly = true)
    public Invoice invoice(OfferdeskPrincipal me, String id) {
        return repository.find(id).filter(i -> readable(me, i)).orElseThrow(() -> new NotFound("invoice", id));
    }

    /** The caller's invoices, newest invoice date first. */
    @Transactional(readOnly = true)
    public List<Invoice> list(OfferdeskPrincipal me, InvoiceFilter filter, int offset, int limit) {
        Validations.checkPage(offset, limit, PAGE_MAX);
        return switch (me.partyKind()) {
            case OPERATOR -> repository.list(null, null, filter, offset, limit);
            case BUYER -> repository.list(me.partyId(), null, filter, offset, limit);
            case SELLER, CHANNEL_PARTNER -> repository.list(null, me.partyId(), filter, offset, limit);
        };
    }

    /** The number as printed on the invoice, e.g. {@code INV-00000042}. */
    public String displayNumber(Invoice invoice) {
        return settings.displayNumber(invoice.number());
    }

    static boolean readable(OfferdeskPrincipal me, Invoice invoice) {
        return me.partyKind() == PartyKind.OPERATOR
                || (me.partyKind() == PartyKind.BUYER && invoice.buyerPartyId().equals(me.partyId()))
                || (me.partyKind() != PartyKind.BUYER && invoice.sellerPartyId().equals(me.partyId()));
    }
}
