package io.offerdesk.metering;

/** A tag on a usage allocation: AWS's {@code Tag}, a key and a value that name one bucket of usage. */
public record Tag(String key, String value) {}
