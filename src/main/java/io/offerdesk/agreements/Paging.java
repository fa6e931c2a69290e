package io.offerdesk.agreements;

import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.PartyKind;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** The checks every List operation of the seller's requests shares: side, offset, page size, status filter. */
final class Paging {

    private Paging() {}

    /** Buyers list as ACCEPTOR, everyone else as PROPOSER; pages of 1 to {@code max} from a non-negative offset. */
    static void check(OfferdeskPrincipal me, PartyType partyType, int offset, int limit, int max) {
        if ((partyType == PartyType.ACCEPTOR) != (me.partyKind() == PartyKind.BUYER)) {
            throw new InvalidInput(
                    "partyType", "agreement.partyType", me.partyKind().name());
        }
        if (offset < 0) {
            throw new InvalidInput("offset", "validation.range", 0, Integer.MAX_VALUE);
        }
        if (limit < 1 || limit > max) {
            throw RefusalReason.INVALID_MAX_RESULTS.at("limit", 1, max);
        }
    }

    static @Nullable AgreementId agreement(@Nullable String value) {
        if (value == null) {
            return null;
        }
        return AgreementId.parse(value).orElseThrow(() -> RefusalReason.INVALID_AGREEMENT_ID.at("agreementId", value));
    }

    static <E extends Enum<E>> @Nullable E status(Class<E> type, @Nullable String value) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants())
                .filter(status -> status.name().equals(value))
                .findFirst()
                .orElseThrow(() -> RefusalReason.INVALID_STATUS.at("status", value));
    }
}
