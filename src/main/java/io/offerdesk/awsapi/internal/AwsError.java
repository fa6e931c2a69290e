package io.offerdesk.awsapi.internal;

/**
 * An error as an AWS service answers it: the code the SDKs turn into an exception class (the modeled exception's
 * name, or one of the generic codes such as {@code UnknownOperationException}), the HTTP status and the message.
 */
public class AwsError extends RuntimeException {

    private final String code;
    private final int status;

    public AwsError(String code, int status, String message) {
        super(message);
        this.code = code;
        this.status = status;
    }

    /** A client fault the model does not name, answered as JSON-RPC services answer a request they cannot read. */
    public static AwsError serialization(String message) {
        return new AwsError("SerializationException", 400, message);
    }

    /** A required member missing or a value out of its modeled range, worded as AWS services word it. */
    public static AwsError validation(String message) {
        return new AwsError("ValidationException", 400, message);
    }

    /**
     * The simulator's throttle ({@code platform.SimulatorControls}): every Marketplace model has {@code
     * ThrottlingException}; restJson1 services answer it with 429, the JSON-RPC ones with 400, as AWS does.
     */
    public static AwsError throttling(AwsProtocol protocol) {
        return new AwsError("ThrottlingException", protocol.rpc() ? 400 : 429, "Rate exceeded");
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

    /** Never null, unlike {@link #getMessage()}'s declaration says. */
    public String message() {
        return String.valueOf(getMessage());
    }
}
