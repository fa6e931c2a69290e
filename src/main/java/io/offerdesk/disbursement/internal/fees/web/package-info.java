/** The operator's listing-fee schedule page. */
@NullMarked
package io.offerdesk.disbursement.internal.fees.web;

import org.jspecify.annotations.NullMarked;
