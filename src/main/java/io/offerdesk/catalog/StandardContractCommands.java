package io.offerdesk.catalog;

import org.jspecify.annotations.Nullable;

/** The inputs of the operator's standard-contract commands, validated by {@link StandardContractManagement}. */
public final class StandardContractCommands {

    private StandardContractCommands() {}

    /** Create a standard contract together with its first version. */
    public record CreateStandardContract(
            @Nullable String title,
            @Nullable String version,
            @Nullable String body) {}

    /** Publish a new version; it becomes the current one. */
    public record AddContractVersion(
            @Nullable String version, @Nullable String body) {}
}
