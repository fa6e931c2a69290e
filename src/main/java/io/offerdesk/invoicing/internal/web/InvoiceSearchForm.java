package io.offerdesk.invoicing.internal.web;

import io.offerdesk.invoicing.InvoiceStatus;
import io.offerdesk.invoicing.InvoiceType;
import io.offerdesk.invoicing.internal.finance.InvoiceSearch;
import io.offerdesk.shared.InvalidInput;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The filters of an invoice list page as its form sends them, with the API's parameter names, so the page's links
 * (next page, CSV downloads) carry the same search. Blank fields filter nothing.
 */
record InvoiceSearchForm(
        @Nullable String status,
        @Nullable String buyerAccountId,
        @Nullable String sellerPartyId,
        @Nullable String type,
        @Nullable LocalDate issuedFrom,
        @Nullable LocalDate issuedTo) {

    InvoiceSearchForm {
        status = blankToNull(status);
        buyerAccountId = blankToNull(buyerAccountId);
        sellerPartyId = blankToNull(sellerPartyId);
        type = blankToNull(type);
    }

    /** The search the form asks for. */
    InvoiceSearch toSearch() {
        UUID seller;
        try {
            seller = sellerPartyId == null ? null : UUID.fromString(sellerPartyId);
        } catch (IllegalArgumentException notAUuid) {
            throw new InvalidInput("sellerPartyId", "finance.unknownChoice", sellerPartyId);
        }
        return new InvoiceSearch(
                choice("status", InvoiceStatus.class, status),
                buyerAccountId,
                seller,
                choice("type", InvoiceType.class, type),
                issuedFrom,
                issuedTo,
                null);
    }

    /** {@code path} with this search as its query, and the offset when given. */
    String href(String path, @Nullable Integer offset) {
        var uri = UriComponentsBuilder.fromPath(path);
        add(uri, "status", status);
        add(uri, "buyerAccountId", buyerAccountId);
        add(uri, "sellerPartyId", sellerPartyId);
        add(uri, "type", type);
        add(uri, "issuedFrom", issuedFrom);
        add(uri, "issuedTo", issuedTo);
        add(uri, "offset", offset);
        return uri.encode().build().toUriString();
    }

    private static void add(UriComponentsBuilder uri, String name, @Nullable Object value) {
        if (value != null) {
            uri.queryParam(name, value);
        }
    }

    private static <E extends Enum<E>> @Nullable E choice(String field, Class<E> type, @Nullable String value) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants())
                .filter(c -> c.name().equals(value))
                .findFirst()
                .orElseThrow(() -> new InvalidInput(field, "finance.unknownChoice", value));
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
