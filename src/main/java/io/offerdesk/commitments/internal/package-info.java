/**
 * Spend commitments' workings: the contracts and their years, the spend lines taken from issued invoices and credit
 * memos, the operator's eligibility flags, milestones reached and headroom shares.
 */
@NullMarked
package io.offerdesk.commitments.internal;

import org.jspecify.annotations.NullMarked;
