package io.offerdesk.invoicing.internal.finance;

import io.offerdesk.parties.Party;
import io.offerdesk.parties.PartyManagement;
import java.util.HashMap;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/** Parties by name, as invoices show their buyer and seller of record; an unknown party is shown by its id. */
@Component
public class PartyNames {

    private final PartyManagement parties;

    PartyNames(PartyManagement parties) {
        this.parties = parties;
    }

    /** A lookup for one page or export: each party is read once however often it is asked for. */
    public Function<UUID, String> lookup() {
        var names = new HashMap<UUID, String>();
        return id ->
                names.computeIfAbsent(id, p -> parties.find(p).map(Party::name).orElse(p.toString()));
    }
}
