/** Pure rules of bulk offer uploads: the column set and how a row becomes an offer's change set. No Spring, no SQL. */
@NullMarked
package io.offerdesk.gtm.internal.bulk.domain;

import org.jspecify.annotations.NullMarked;
