package io.offerdesk.governance;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A user's request that the administrators allow a product their private marketplace does not.
 *
 * @param accountId the governed account the user would buy for
 * @param experienceId the experience that governed the account when the user asked; approval allows the product there
 * @param changeSetId the change set that allowed the product, once approved
 */
public record ProductRequest(
        String id,
        UUID partyId,
        String accountId,
        String productId,
        String experienceId,
        String justification,
        Status status,
        UUID requestedBy,
        String requestedByName,
        Instant requestedAt,
        @Nullable String decidedByName,
        @Nullable Instant decidedAt,
        @Nullable String comment,
        @Nullable String changeSetId) {

    public static final String ID_PREFIX = "pmpreq-";
    public static final int ID_RANDOM_LENGTH = 13;
    public static final int JUSTIFICATION_MAX = 1000;
    public static final int COMMENT_MAX = 1000;

    public enum Status {
        PENDING,
        APPROVED,
        DECLINED
    }
}
