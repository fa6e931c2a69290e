package io.offerdesk.agreements.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What operators may tune about agreements ({@code offerdesk.agreements.*}).
 *
 * @param requestValidity how long a quote can be accepted (never past the offer's expiry)
 * @param invoicingEntity the legal name on the buyer's invoices: the marketplace operator is the merchant of record
 * @param renewalNotice how long before an automatic renewal both sides are told it is coming
 */
@ConfigurationProperties("offerdesk.agreements")
public record AgreementSettings(
        @DefaultValue("PT24H") Duration requestValidity,
        @DefaultValue("Offerdesk Marketplace") String invoicingEntity,
        @DefaultValue("P30D") Duration renewalNotice) {}
