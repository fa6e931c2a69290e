/**
 * Parties: who takes part in the marketplace. The marketplace operator onboards sellers (ISVs), channel partners and
 * buyers; each party holds accounts with 12-digit ids (a buyer organization has a management account, organizational
 * units and member accounts) and users, who hold roles for their party and sign in with a password, call the REST
 * API with bearer API keys, or sign AWS-style requests with access-key pairs.
 *
 * <p>Every read is scoped to the caller's party: another party's party, account or user is reported as not found.
 */
@ApplicationModule(
        displayName = "Parties",
        allowedDependencies = {"platform"})
@NullMarked
package io.offerdesk.parties;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
