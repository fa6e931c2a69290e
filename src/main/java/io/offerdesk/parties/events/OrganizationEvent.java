package io.offerdesk.parties.events;

/**
 * A buyer organization's administrator reshaped its tree of organizational units and accounts, or changed which
 * accounts accept offers and which one is billed.
 */
public sealed interface OrganizationEvent extends PartyEvent
        permits OrganizationalUnitRenamed,
                OrganizationalUnitMoved,
                OrganizationalUnitRemoved,
                AccountRenamed,
                AccountMoved,
                ProcurementAccountDesignated,
                BillingAccountDesignated {}
