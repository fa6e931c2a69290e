package io.offerdesk.catalog.internal;

import io.offerdesk.catalog.ListingPage.Facets;
import io.offerdesk.catalog.ListingSearch;
import io.offerdesk.catalog.PricingModel;
import io.offerdesk.catalog.ProductId;
import io.offerdesk.catalog.ProductType;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The listing search: which products a buyer finds and how they fall into facets. A buyer finds public products and the
 * products it holds private offers for, never another buyer's; that predicate is in every statement's common part.
 */
@Repository
public class ListingRepository {

    // Each search word must appear somewhere; relevance weighs where it appears. The keyword arrays are searched
    // element by element, so a word never matches the JSON punctuation between keywords.
    private static final String MATCHED = """
            WITH matched AS (
                SELECT p.id, p.type, p.title, p.seller_party_id, p.categories, p.pricing_models,
                       (SELECT coalesce(sum(
                                 CASE WHEN p.title ILIKE t.pattern ESCAPE '\\' THEN 3 ELSE 0 END
                               + CASE WHEN EXISTS (SELECT 1 FROM jsonb_array_elements_text(p.keywords) AS k(word)
                                                   WHERE k.word ILIKE t.pattern ESCAPE '\\') THEN 2 ELSE 0 END
                               + CASE WHEN p.short_description ILIKE t.pattern ESCAPE '\\' THEN 1 ELSE 0 END), 0)
                          FROM unnest(CAST(:patterns AS text[])) AS t(pattern)) AS relevance
                FROM catalog.product p
                WHERE (p.visibility = 'PUBLIC' OR p.id = ANY (CAST(:offered AS varchar[])))
                  AND (cardinality(CAST(:types AS varchar[])) = 0 OR p.type = ANY (CAST(:types AS varchar[])))
                  AND (cardinality(CAST(:categories AS text[])) = 0
                       OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(p.categories) AS c(value)
                                  WHERE c.value = ANY (CAST(:categories AS text[]))))
                  AND (cardinality(CAST(:sellers AS text[])) = 0
                       OR CAST(p.seller_party_id AS text) = ANY (CAST(:sellers AS text[])))
                  AND (cardinality(CAST(:pricingModels AS text[])) = 0
                       OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(coalesce(p.pricing_models, '[]')) AS m(value)
                                  WHERE m.value = ANY (CAST(:pricingModels AS text[]))))
                  AND NOT EXISTS (
                      SELECT 1 FROM unnest(CAST(:patterns AS text[])) AS t(pattern)
                      WHERE NOT (p.title ILIKE t.pattern ESCAPE '\\'
                                 OR p.short_description ILIKE t.pattern ESCAPE '\\'
                                 OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(p.keywords) AS k(word)
                                            WHERE k.word ILIKE t.pattern ESCAPE '\\'))))
            """;
    private static final String PAGE = MATCHED + """
            SELECT id FROM matched
            ORDER BY %s
            LIMIT :limit OFFSET :offset
            """;
    private static final String FACETS = MATCHED + """
            SELECT 'TYPE' AS facet, type AS value, count(*) AS listings FROM matched GROUP BY type
            UNION ALL
            SELECT 'CATEGORY', c.value, count(DISTINCT m.id)
              FROM matched m CROSS JOIN LATERAL jsonb_array_elements_text(m.categories) AS c(value) GROUP BY c.value
            UNION ALL
            SELECT 'PRICING_MODEL', pm.value, count(DISTINCT m.id)
              FROM matched m CROSS JOIN LATERAL jsonb_array_elements_text(coalesce(m.pricing_models, '[]'))
                   AS pm(value)
             GROUP BY pm.value
            UNION ALL
            SELECT 'SELLER', CAST(seller_party_id AS text), count(*) FROM matched GROUP BY seller_party_id
            ORDER BY facet, listings DESC, value
            """;

    private final JdbcClient jdbc;

    ListingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The ids of one page of matching products, in the search's order. */
    public List<ProductId> page(ListingSearch search, Collection<ProductId> offered) {
        var order = switch (search.sort()) {
            case RELEVANCE -> "relevance DESC, lower(title), id";
            case TITLE -> "lower(title), id";
        };
        return statement(PAGE.formatted(order), search, offered)
                .param("limit", search.limit())
                .param("offset", search.offset())
                .query((rs, row) -> new ProductId(rs.getString("id")))
                .list();
    }

    /** How many matching products fall under each type, category, pricing model and seller. */
    public Facets facets(ListingSearch search, Collection<ProductId> offered) {
        var types = new LinkedHashMap<ProductType, Integer>();
        var categories = new LinkedHashMap<String, Integer>();
        var models = new LinkedHashMap<PricingModel, Integer>();
        var sellers = new LinkedHashMap<UUID, Integer>();
        statement(FACETS, search, offered).query(rs -> {
            var value = rs.getString("value");
            var listings = rs.getInt("listings");
            switch (rs.getString("facet")) {
                case "TYPE" -> types.put(ProductType.valueOf(value), listings);
                case "CATEGORY" -> categories.put(value, listings);
                case "PRICING_MODEL" -> models.put(PricingModel.valueOf(value), listings);
                case "SELLER" -> sellers.put(UUID.fromString(value), listings);
                default -> throw new IllegalStateException("unknown facet " + rs.getString("facet"));
            }
        });
        return new Facets(
                Collections.unmodifiableMap(types),
                Collections.unmodifiableMap(categories),
                Collections.unmodifiableMap(models),
                Collections.unmodifiableMap(sellers));
    }

    private JdbcClient.StatementSpec statement(String sql, ListingSearch search, Collection<ProductId> offered) {
        return jdbc.sql(sql)
                .param("patterns", patterns(search.text()))
                .param("offered", offered.stream().map(ProductId::value).toArray(String[]::new))
                .param("types", search.types().stream().map(ProductType::name).toArray(String[]::new))
                .param("categories", search.categories().toArray(String[]::new))
                .param(
                        "sellers",
                        search.sellerPartyIds().stream().map(UUID::toString).toArray(String[]::new))
                .param(
                        "pricingModels",
                        search.pricingModels().stream().map(PricingModel::name).toArray(String[]::new));
    }

    /** Each word of the text as a case-insensitive substring pattern, with LIKE's wildcards taken literally. */
    static String[] patterns(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return new String[0];
        }
        return Arrays.stream(text.trim().split("\\s+"))
                .map(word -> word.toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_"))
                .distinct()
                .map(word -> "%" + word + "%")
                .toArray(String[]::new);
    }
}
