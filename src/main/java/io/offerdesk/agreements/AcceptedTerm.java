package io.offerdesk.agreements;

import io.offerdesk.offers.Term;
import org.jspecify.annotations.Nullable;

/**
 * One term of an agreement: the offer's term as it was accepted, under the same term id, with what the buyer chose
 * for it.
 *
 * @param configuration the buyer's choice for a term that leaves one open; absent otherwise
 */
public record AcceptedTerm(String id, Term term, @Nullable TermConfiguration configuration) {}
