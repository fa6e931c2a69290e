package io.offerdesk.agreements;

import java.time.Instant;

/**
 * Where an agreement is in its life. Only an {@link Active} agreement moves, and each move is one method that
 * returns the state it ends in, so an illegal move (renewing a cancelled agreement) does not compile. The wire names
 * are AWS's {@code AgreementStatus} values.
 */
public sealed interface AgreementStatus {

    String wireName();

    /** In force (or, for a future-dated agreement, accepted and waiting for its start date). */
    record Active() implements AgreementStatus {

        /** Reached its end date without renewing. */
        public Expired expire(Instant at) {
            return new Expired(at);
        }

        /** Ended early by the acceptor, directly or by approving the seller's cancellation request. */
        public Cancelled cancel(Instant at) {
            return new Cancelled(at);
        }

        /** Reached its end date and continued as {@code renewal}. */
        public Renewed renew(Instant at, AgreementId renewal) {
            return new Renewed(at, renewal);
        }

        /** Replaced by the agreement the buyer made by accepting a replacement offer. */
        public Replaced replace(Instant at, AgreementId replacement) {
            return new Replaced(at, replacement);
        }

        /** Ended early by the marketplace, e.g. for a payment failure. */
        public Terminated terminate(Instant at) {
            return new Terminated(at);
        }

        @Override
        public String wireName() {
            return "ACTIVE";
        }
    }

    record Expired(Instant at) implements AgreementStatus {
        @Override
        public String wireName() {
            return "EXPIRED";
        }
    }

    record Cancelled(Instant at) implements AgreementStatus {
        @Override
        public String wireName() {
            return "CANCELLED";
        }
    }

    record Renewed(Instant at, AgreementId renewal) implements AgreementStatus {
        @Override
        public String wireName() {
            return "RENEWED";
        }
    }

    record Replaced(Instant at, AgreementId replacement) implements AgreementStatus {
        @Override
        public String wireName() {
            return "REPLACED";
        }
    }

    record Terminated(Instant at) implements AgreementStatus {
        @Override
        public String wireName() {
            return "TERMINATED";
        }
    }

    AgreementStatus ACTIVE = new Active();
}
