/** Pure rules of the change-set engine: ordering and reference resolution. No Spring, no database. */
@NullMarked
package io.offerdesk.changesets.internal.domain;

import org.jspecify.annotations.NullMarked;
