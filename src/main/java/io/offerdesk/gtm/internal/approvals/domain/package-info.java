/** Approval rules and their evaluation, free of Spring and SQL: which approvals a draft needs, in which steps. */
@NullMarked
package io.offerdesk.gtm.internal.approvals.domain;

import org.jspecify.annotations.NullMarked;
