/** The change-set pages: a party's change sets, and one change set with each change, its entity and its errors. */
@NullMarked
package io.offerdesk.changesets.internal.web;

import org.jspecify.annotations.NullMarked;
