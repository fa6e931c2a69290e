/**
 * Disbursements' pure rules: when a payee's preference makes a day a disbursement day, what a bank-account reference
 * looks like and how it is shown masked, and how a disbursement's report lines reconcile with its amount. No Spring,
 * no SQL, no clock: state and time arrive as arguments.
 */
@NullMarked
package io.offerdesk.disbursement.internal.payout.domain;

import org.jspecify.annotations.NullMarked;
