/** The private marketplace's rules as pure functions: which experience governs an account, and what a change does. */
@NullMarked
package io.offerdesk.governance.internal.domain;

import org.jspecify.annotations.NullMarked;
