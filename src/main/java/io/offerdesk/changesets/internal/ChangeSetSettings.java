package io.offerdesk.changesets.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The engine's limits and pace ({@code offerdesk.change-sets.*}).
 *
 * @param maxOpen change sets a party may have unfinished at once (AWS: 250 open requests per account)
 * @param retention how long a finished change set stays describable (AWS: 90 days)
 * @param workers change sets applied in parallel on each node
 * @param poll how often a node looks for work started on other nodes; work started here is picked up at once
 * @param lease how long a worker holds an applying change set before another node may take it over
 */
@ConfigurationProperties("offerdesk.change-sets")
public record ChangeSetSettings(
        @DefaultValue("250") int maxOpen,
        @DefaultValue("90d") Duration retention,
        @DefaultValue("4") int workers,
        @DefaultValue("500ms") Duration poll,
        @DefaultValue("5m") Duration lease) {}
