package io.offerdesk.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A standard contract (standard EULA) that offers may reference instead of a custom one. Its versions are immutable;
 * the newest is {@code currentVersion}, the one new offers use.
 *
 * @param versions newest first
 */
public record StandardContract(
        UUID id, String title, String currentVersion, Instant createdAt, List<StandardContractVersion> versions) {

    public StandardContract {
        versions = List.copyOf(versions);
    }
}
