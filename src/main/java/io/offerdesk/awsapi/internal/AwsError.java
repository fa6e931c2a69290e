package io.offerdesk.awsapi.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * An error as an AWS service answers it: the code the SDKs turn into an exception class (the modeled exception's
 * name, or one of the generic codes such as {@code UnknownOperationException}), the HTTP status and the message.
 */
public class AwsError extends RuntimeException {

    private final String code;
    private final int status;
    private final Map<String, JsonNode> members;

    public AwsError(String code, int status, String message) {
        this(code, status, message, Map.of());
    }

    private AwsError(String code, int status, String message, Map<String, JsonNode> members) {
        super(message);
        this.code = code;
        this.status = status;
        this.members = Map.copyOf(members);
    }

    /** The error with one more member of the modeled exception's shape, e.g. a {@code ValidationException}'s reason. */
    public AwsError with(String member, JsonNode value) {
        var more = new LinkedHashMap<>(members);
        more.put(member, value);
        return new AwsError(code, status, message(), more);
    }

    /** A client fault the model does not name, answered as JSON-RPC services answer a request they cannot read. */
    public static AwsError serialization(String message) {
        return new AwsError("SerializationException", 400, message);
    }

    /** A required member missing or a value out of its modeled range, worded as AWS services word it. */
    public static AwsError validation(String message) {
        return new AwsError("ValidationException", 400, message);
    }

    public static AwsError unknownOperation(String message) {
        return new AwsError("UnknownOperationException", 400, message);
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    /** The modeled members beside the message, written into the body next to it. */
    public Map<String, JsonNode> members() {
        return members;
    }

    /** Never null, unlike {@link #getMessage()}'s declaration says. */
    public String message() {
        return String.valueOf(getMessage());
    }
}
