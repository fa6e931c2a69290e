package io.offerdesk.catalog;

import java.time.Instant;

/**
 * One published text of a standard contract. Never changed after publication: agreements point at the exact text a
 * buyer accepted.
 *
 * @param version the label the operator gave it, e.g. {@code 1.0} or {@code 2026-07-01}
 * @param body the contract text in Markdown
 * @param publishedBy who published it, as kept in the audit trail
 */
public record StandardContractVersion(String version, String body, Instant publishedAt, String publishedBy) {}
