package io.offerdesk.awsapi.internal;

import io.offerdesk.platform.OfferdeskPrincipal;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The operations of one JSON-RPC service, by the name that follows the target prefix in {@code X-Amz-Target}: each
 * reads the modeled input, calls the module that owns the data and writes the modeled output. It raises {@link
 * AwsError} for what the wire decides and leaves the modules' exceptions to {@link #translate}.
 */
public interface AwsOperations {

    /** One operation: the caller and the request's input document in, the result's document out. */
    @FunctionalInterface
    interface Operation {
        JsonNode call(OfferdeskPrincipal caller, AwsInput input);
    }

    AwsService service();

    Map<String, Operation> operations();

    /** The modeled exception for an exception a module raised in the operation. */
    AwsError translate(String operation, RuntimeException failure);

    /**
     * An error the wire raised ({@link AwsInput}'s missing members and wrong types), as this service answers it:
     * unchanged by default; a service whose model gives {@code ValidationException} another status says so here.
     */
    default AwsError onWire(AwsError error) {
        return error;
    }
}
