package io.offerdesk.platform;

import java.sql.SQLException;

/**
 * PostgreSQL keeps no NUL character (U+0000) in text: a parameter with one is refused by the database itself, whatever
 * column or query it is for, before the statement runs. A request that carried one is the client's fault, and the
 * transaction it was in rolled back, so it is answered as bad input (message {@code validation.nulCharacter}), never
 * as a server fault.
 */
public final class NulCharacters {

    /** PostgreSQL's SQLSTATE {@code character_not_in_repertoire}, which it raises for a NUL in a text parameter. */
    private static final String CHARACTER_NOT_IN_REPERTOIRE = "22021";

    public static final String MESSAGE_KEY = "validation.nulCharacter";

    private NulCharacters() {}

    /** Whether the failure is the database refusing a text value for a NUL character it contained. */
    public static boolean refused(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && CHARACTER_NOT_IN_REPERTOIRE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
