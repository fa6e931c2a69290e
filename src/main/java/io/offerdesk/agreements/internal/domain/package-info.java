/** The agreements' rules as pure functions: quotes and the decisions of acceptance. No Spring, no SQL. */
@NullMarked
package io.offerdesk.agreements.internal.domain;

import org.jspecify.annotations.NullMarked;
