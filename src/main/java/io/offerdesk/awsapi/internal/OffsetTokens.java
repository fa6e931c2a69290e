package io.offerdesk.awsapi.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pages of the Agreement and Discovery lists: positions in the result, carried as an opaque base64 {@code nextToken}
 * as AWS's are. Each service refuses a token it did not give in its own error shape.
 */
public final class OffsetTokens {

    private OffsetTokens() {}

    /**
     * The position the token names, 0 without one.
     *
     * @throws IllegalArgumentException when the token is not one {@link #next} wrote
     */
    public static int offset(@Nullable String token) {
        if (token == null) {
            return 0;
        }
        var offset = Integer.parseInt(new String(Base64.getDecoder().decode(token), StandardCharsets.US_ASCII));
        if (offset < 0) {
            throw new IllegalArgumentException("a negative position");
        }
        return offset;
    }

    /** Writes the token of the page after the one at {@code offset} of {@code limit} items, when there is more. */
    public static void next(ObjectNode output, int offset, int limit, boolean more) {
        if (more) {
            output.put(
                    "nextToken",
                    Base64.getEncoder()
                            .encodeToString(String.valueOf(offset + limit).getBytes(StandardCharsets.US_ASCII)));
        }
    }
}
