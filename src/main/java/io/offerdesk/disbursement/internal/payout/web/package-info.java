/** Disbursements' pages: the payee's list, chart, preferences and reports; the operator's runs and failed transfers. */
@NullMarked
package io.offerdesk.disbursement.internal.payout.web;

import org.jspecify.annotations.NullMarked;
