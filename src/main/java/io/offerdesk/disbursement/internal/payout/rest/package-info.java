/** Disbursements' REST API: payees' preferences, disbursements with their reports (JSON and CSV), and the run. */
@NullMarked
package io.offerdesk.disbursement.internal.payout.rest;

import org.jspecify.annotations.NullMarked;
