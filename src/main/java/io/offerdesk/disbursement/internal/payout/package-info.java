/**
 * Disbursements (ADR 0020): payees' preferences, the run that pays each positive payable balance on its payee's day,
 * failed transfers given back to the payable and retried, and the report of what each disbursement covers.
 */
@NullMarked
package io.offerdesk.disbursement.internal.payout;

import org.jspecify.annotations.NullMarked;
