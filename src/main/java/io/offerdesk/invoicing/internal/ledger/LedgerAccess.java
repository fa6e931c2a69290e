package io.offerdesk.invoicing.internal.ledger;

import io.offerdesk.ledger.AccountQuery;
import io.offerdesk.ledger.AccountRole;
import io.offerdesk.ledger.LedgerAccount;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.Validations;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.IllegalCurrencyException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who reads which ledger accounts: the operator every account (and the invariant check); a seller, channel partner
 * or buyer only the accounts its party owns. Another party's accounts do not exist for them.
 */
final class LedgerAccess {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 200;

    /** What the owner filter says for the marketplace's own accounts, whose owner is the nil UUID. */
    static final String MARKETPLACE = "marketplace";

    private LedgerAccess() {}

    /** The accounts {@code me} asked for, narrowed to what they may read; bad filters name their parameter. */
    static AccountQuery query(
            OfferdeskPrincipal me,
            @Nullable String owner,
            @Nullable String role,
            @Nullable String currency,
            @Nullable Integer offset,
            @Nullable Integer limit) {
        var from = offset == null ? 0 : offset;
        var size = limit == null ? DEFAULT_LIMIT : limit;
        Validations.checkPage(from, size, MAX_LIMIT);
        // One more than the page, to tell whether another page follows.
        return new AccountQuery(ownerOf(me, owner), role(role), currency(currency), from, size + 1);
    }

    static void requireOperator(OfferdeskPrincipal me) {
        if (!me.isOperator()) {
            throw new AccessDeniedException("only the operator checks the ledger's invariants");
        }
    }

    private static @Nullable UUID ownerOf(OfferdeskPrincipal me, @Nullable String owner) {
        var asked = owner == null || owner.isBlank() ? null : parseOwner(owner);
        if (me.isOperator()) {
            return asked;
        }
        if (asked != null && !asked.equals(me.partyId())) {
            throw new NotFound("ledger-owner", asked.toString());
        }
        return me.partyId();
    }

    private static UUID parseOwner(String owner) {
        if (owner.equalsIgnoreCase(MARKETPLACE)) {
            return LedgerAccount.MARKETPLACE;
        }
        try {
            return UUID.fromString(owner);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("owner", "validation.type");
        }
    }

    private static @Nullable AccountRole role(@Nullable String role) {
        if (role == null || role.isBlank()) {
            return null;
        }
        try {
            return AccountRole.valueOf(role.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("role", "validation.enum", Arrays.toString(AccountRole.values()));
        }
    }

    private static @Nullable CurrencyUnit currency(@Nullable String currency) {
        if (currency == null || currency.isBlank()) {
            return null;
        }
        try {
            return CurrencyUnit.of(currency.toUpperCase(Locale.ROOT));
        } catch (IllegalCurrencyException e) {
            throw new InvalidInput("currency", "ledger.validation.currency");
        }
    }
}
