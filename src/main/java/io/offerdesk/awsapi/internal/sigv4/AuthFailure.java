package io.offerdesk.awsapi.internal.sigv4;

/**
 * Why a request is not authenticated, as AWS services answer it: the error code the SDKs read and the HTTP status.
 * None of these is in the service models, so the SDKs raise them as generic client errors with this code.
 */
public enum AuthFailure {
    MISSING_AUTHENTICATION_TOKEN("MissingAuthenticationTokenException", 403),
    INCOMPLETE_SIGNATURE("IncompleteSignatureException", 400),
    UNRECOGNIZED_CLIENT("UnrecognizedClientException", 403),
    INVALID_SIGNATURE("InvalidSignatureException", 403);

    private final String code;
    private final int status;

    AuthFailure(String code, int status) {
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }
}
