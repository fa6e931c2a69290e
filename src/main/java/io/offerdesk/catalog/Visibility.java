package io.offerdesk.catalog;

/**
 * Who can find a product. A new product is {@link #LIMITED}: only its seller (and buyers of private offers) see it
 * while it is being built. {@link #PUBLIC} lists it for every buyer. {@link #RESTRICTED} takes it off the listing for
 * new buyers while existing customers keep using it; the seller may make it public again.
 */
public enum Visibility {
    LIMITED,
    PUBLIC,
    RESTRICTED;

    /** AWS's product lifecycle: limited products go public, public products are restricted and may return. */
    public boolean canBecome(Visibility target) {
        return switch (this) {
            case LIMITED -> target == PUBLIC;
            case PUBLIC -> target == RESTRICTED;
            case RESTRICTED -> target == PUBLIC;
        };
    }
}
