package io.offerdesk.catalog.internal;

import io.offerdesk.catalog.Delivery;
import io.offerdesk.catalog.Dimension;
import io.offerdesk.catalog.DimensionType;
import io.offerdesk.catalog.ListPrice;
import io.offerdesk.catalog.PricingModel;
import io.offerdesk.catalog.Product;
import io.offerdesk.catalog.ProductId;
import io.offerdesk.catalog.ProductType;
import io.offerdesk.catalog.PublicOffer;
import io.offerdesk.catalog.Visibility;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.joda.money.BigMoney;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Products with their dimensions and list prices. A product is read in one statement: its dimensions and prices come
 * along as JSON arrays aggregated by correlated subqueries on their primary keys. Every tenant read names the seller.
 */
@Repository
public class ProductRepository {

    private static final String SELECT = """
            SELECT p.id, p.seller_party_id, p.type, p.title, p.short_description, p.long_description, p.visibility,
                   p.categories::text AS categories, p.keywords::text AS keywords, p.delivery::text AS delivery,
                   p.pricing_models::text AS pricing_models, p.free_trial_days,
                   p.created_at, p.updated_at, p.version,
                   (SELECT coalesce(json_agg(json_build_object('key', d.key, 'name', d.name, 'unit', d.unit,
                                   'type', d.type, 'description', d.description) ORDER BY d.position), '[]')::text
                      FROM catalog.dimension d WHERE d.product_id = p.id) AS dimensions,
                   (SELECT coalesce(json_agg(json_build_object('model', lp.model, 'dimensionKey', lp.dimension_key,
                                   'durationMonths', lp.duration_months, 'amount', lp.amount::text,
                                   'currency', lp.currency) ORDER BY lp.position), '[]')::text
                      FROM catalog.list_price lp WHERE lp.product_id = p.id) AS prices
            FROM catalog.product p
            """;
    private static final String FIND_OWNED = SELECT + "WHERE p.id = :id AND p.seller_party_id = :seller";
    private static final String FIND_ANY = SELECT + "WHERE p.id = :id";
    private static final String FIND_ALL = SELECT + "WHERE p.id = ANY (CAST(:ids AS varchar[]))";
    private static final String FILTERS = """
              AND (CAST(:type AS varchar) IS NULL OR p.type = :type)
              AND (CAST(:visibility AS varchar) IS NULL OR p.visibility = :visibility)
              AND (CAST(:after AS varchar) IS NULL OR (p.created_at, p.id) < (%s))
            ORDER BY p.created_at DESC, p.id DESC
            LIMIT :limit
            """;
    // The cursor is resolved under the same owner predicate, so another seller's id is no oracle for its existence.
    private static final String LIST_OWNED = SELECT
            + "WHERE p.seller_party_id = :seller\n"
            + FILTERS.formatted("SELECT a.created_at, a.id FROM catalog.product a"
                    + " WHERE a.id = :after AND a.seller_party_id = :seller");
    private static final String LIST_ANY = SELECT
            + "WHERE TRUE\n"
            + FILTERS.formatted("SELECT a.created_at, a.id FROM catalog.product a WHERE a.id = :after");
    private static final String EXISTS = "SELECT count(*) FROM catalog.product WHERE id = :id";
    private static final String INSERT = """
            INSERT INTO catalog.product (id, seller_party_id, type, title, short_description, long_description,
                visibility, categories, keywords, delivery, created_at, updated_at, version)
            VALUES (:id, :seller, :type, :title, :shortDescription, :longDescription, :visibility,
                CAST(:categories AS jsonb), CAST(:keywords AS jsonb), CAST(:delivery AS jsonb), :now, :now, 1)
            """;
    private static final String UPDATE_CONTENT = """
            UPDATE catalog.product
               SET title = :title, short_description = :shortDescription, long_description = :longDescription,
                   categories = CAST(:categories AS jsonb), keywords = CAST(:keywords AS jsonb),
                   delivery = CAST(:delivery AS jsonb), updated_at = :now, version = version + 1
             WHERE id = :id AND seller_party_id = :seller AND version = :version
            """;
    private static final String UPDATE_OFFER = """
            UPDATE catalog.product
               SET pricing_models = CAST(:models AS jsonb), free_trial_days = :freeTrialDays,
                   updated_at = :now, version = version + 1
             WHERE id = :id AND seller_party_id = :seller AND version = :version
            """;
    private static final String UPDATE_VISIBILITY = """
            UPDATE catalog.product SET visibility = :visibility, updated_at = :now, version = version + 1
             WHERE id = :id AND seller_party_id = :seller AND version = :version
            """;
    private static final String DELETE_DIMENSIONS = "DELETE FROM catalog.dimension WHERE product_id = :id";
    private static final String INSERT_DIMENSION = """
            INSERT INTO catalog.dimension (product_id, key, position, name, unit, type, description)
            VALUES (:id, :key, :position, :name, :unit, :type, :description)
            """;
    private static final String DELETE_PRICES = "DELETE FROM catalog.list_price WHERE product_id = :id";
    private static final String INSERT_PRICE = """
            INSERT INTO catalog.list_price (product_id, model, dimension_key, duration_months, position, amount, currency)
            VALUES (:id, :model, :key, :duration, :position, :amount, :currency)
            """;

    /** Stored JSON keeps its own, fixed mapping, independent of how the REST API is configured. */
    private static final JsonMapper STORAGE = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    ProductRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The seller's product, or empty for a missing product and for another seller's. */
    public Optional<Product> findOwned(ProductId id, UUID seller) {
        return jdbc.sql(FIND_OWNED)
                .param("id", id.value())
                .param("seller", seller)
                .query(ProductRepository::product)
                .optional();
    }

    /** Any seller's product: for the operator and for other modules, which apply their own visibility rules. */
    public Optional<Product> find(ProductId id) {
        return jdbc.sql(FIND_ANY)
                .param("id", id.value())
                .query(ProductRepository::product)
                .optional();
    }

    /** Any sellers' products, in no particular order: for callers that found the ids under their own rules. */
    public List<Product> findAll(Collection<ProductId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(FIND_ALL)
                .param("ids", ids.stream().map(ProductId::value).toArray(String[]::new))
                .query(ProductRepository::product)
                .list();
    }

    /** One page of a seller's products ({@code seller} given) or of all products, newest first. */
    public List<Product> list(
            @Nullable UUID seller,
            @Nullable ProductType type,
            @Nullable Visibility visibility,
            @Nullable ProductId after,
            int limit) {
        var statement = jdbc.sql(seller == null ? LIST_ANY : LIST_OWNED);
        if (seller != null) {
            statement = statement.param("seller", seller);
        }
        return statement
                .param("type", type == null ? null : type.name())
                .param("visibility", visibility == null ? null : visibility.name())
                .param("after", after == null ? null : after.value())
                .param("limit", limit)
                .query(ProductRepository::product)
                .list();
    }

    public boolean exists(ProductId id) {
        return jdbc.sql(EXISTS).param("id", id.value()).query(Long.class).single() > 0;
    }

    public void insert(Product product) {
        jdbc.sql(INSERT)
                .param("id", product.id().value())
                .param("seller", product.sellerPartyId())
                .param("type", product.type().name())
                .param("title", product.title())
                .param("shortDescription", product.shortDescription())
                .param("longDescription", product.longDescription())
                .param("visibility", product.visibility().name())
                .param("categories", STORAGE.writeValueAsString(product.categories()))
                .param("keywords", STORAGE.writeValueAsString(product.keywords()))
                .param("delivery", STORAGE.writeValueAsString(product.delivery()))
                .param("now", Timestamp.from(product.createdAt()))
                .update();
        insertDimensions(product.id(), product.dimensions());
    }

    /** Replaces content and dimensions if the product is still at {@code version}; false when it moved on. */
    public boolean updateContent(Product product, long version) {
        var updated = jdbc.sql(UPDATE_CONTENT)
                .param("id", product.id().value())
                .param("seller", product.sellerPartyId())
                .param("version", version)
                .param("title", product.title())
                .param("shortDescription", product.shortDescription())
                .param("longDescription", product.longDescription())
                .param("categories", STORAGE.writeValueAsString(product.categories()))
                .param("keywords", STORAGE.writeValueAsString(product.keywords()))
                .param("delivery", STORAGE.writeValueAsString(product.delivery()))
                .param("now", Timestamp.from(product.updatedAt()))
                .update();
        if (updated == 0) {
            return false;
        }
        jdbc.sql(DELETE_DIMENSIONS).param("id", product.id().value()).update();
        insertDimensions(product.id(), product.dimensions());
        return true;
    }

    /** Replaces the public offer if the product is still at {@code version}; false when it moved on. */
    public boolean updatePublicOffer(ProductId id, UUID seller, long version, PublicOffer offer, Instant now) {
        var updated = jdbc.sql(UPDATE_OFFER)
                .param("id", id.value())
                .param("seller", seller)
                .param("version", version)
                .param("models", STORAGE.writeValueAsString(offer.pricingModels()))
                .param("freeTrialDays", offer.freeTrialDays())
                .param("now", Timestamp.from(now))
                .update();
        if (updated == 0) {
            return false;
        }
        jdbc.sql(DELETE_PRICES).param("id", id.value()).update();
        var position = 0;
        for (var price : offer.prices()) {
            var amount = price.amount();
            jdbc.sql(INSERT_PRICE)
                    .param("id", id.value())
                    .param("model", price.model().name())
                    .param("key", price.dimensionKey())
                    .param("duration", Objects.requireNonNullElse(price.contractMonths(), 0))
                    .param("position", position++)
                    .param("amount", amount.getAmount())
                    .param("currency", amount.getCurrencyUnit().getCode())
                    .update();
        }
        return true;
    }

    /** Deletes a limited product of this seller at this version, with its prices and dimensions. */
    public boolean deleteLimited(ProductId id, UUID seller, long version) {
        var deleted = jdbc.sql("""
                        WITH target AS (
                            SELECT id FROM catalog.product
                            WHERE id = :id AND seller_party_id = :seller AND version = :version
                              AND visibility = 'LIMITED'
                            FOR UPDATE),
                        prices AS (DELETE FROM catalog.list_price WHERE product_id IN (SELECT id FROM target)),
                        dimensions AS (DELETE FROM catalog.dimension WHERE product_id IN (SELECT id FROM target))
                        DELETE FROM catalog.product WHERE id IN (SELECT id FROM target)
                        RETURNING id""")
                .param("id", id.value())
                .param("seller", seller)
                .param("version", version)
                .query(String.class)
                .optional();
        return deleted.isPresent();
    }

    public boolean updateVisibility(ProductId id, UUID seller, long version, Visibility visibility, Instant now) {
        return jdbc.sql(UPDATE_VISIBILITY)
                        .param("id", id.value())
                        .param("seller", seller)
                        .param("version", version)
                        .param("visibility", visibility.name())
                        .param("now", Timestamp.from(now))
                        .update()
                > 0;
    }

    private void insertDimensions(ProductId id, List<Dimension> dimensions) {
        var position = 0;
        for (var dimension : dimensions) {
            jdbc.sql(INSERT_DIMENSION)
                    .param("id", id.value())
                    .param("key", dimension.key())
                    .param("position", position++)
                    .param("name", dimension.name())
                    .param("unit", dimension.unit())
                    .param("type", dimension.type().name())
                    .param("description", dimension.description())
                    .update();
        }
    }

    /** The rows of the aggregated JSON arrays. */
    private record DimensionRow(
            String key,
            String name,
            String unit,
            String type,
            @Nullable String description) {}

    private record PriceRow(String model, String dimensionKey, int durationMonths, String amount, String currency) {}

    private static Product product(ResultSet rs, int row) throws SQLException {
        var type = ProductType.valueOf(rs.getString("type"));
        var dimensions =
                STORAGE.readValue(rs.getString("dimensions"), new TypeReference<List<DimensionRow>>() {}).stream()
                        .map(d -> new Dimension(
                                d.key(), d.name(), d.unit(), DimensionType.valueOf(d.type()), d.description()))
                        .toList();
        return new Product(
                new ProductId(rs.getString("id")),
                rs.getObject("seller_party_id", UUID.class),
                type,
                rs.getString("title"),
                rs.getString("short_description"),
                rs.getString("long_description"),
                Visibility.valueOf(rs.getString("visibility")),
                strings(rs.getString("categories")),
                strings(rs.getString("keywords")),
                dimensions,
                STORAGE.readValue(rs.getString("delivery"), deliveryClass(type)),
                publicOffer(rs),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getLong("version"));
    }

    /** The one place a product type meets its delivery record in storage. */
    private static Class<? extends Delivery> deliveryClass(ProductType type) {
        return switch (type) {
            case SAAS -> Delivery.Saas.class;
            case AMI -> Delivery.Ami.class;
            case CONTAINER -> Delivery.Container.class;
            case MACHINE_LEARNING -> Delivery.MachineLearning.class;
            case PROFESSIONAL_SERVICES -> Delivery.ProfessionalServices.class;
            case DATA -> Delivery.Data.class;
        };
    }

    private static @Nullable PublicOffer publicOffer(ResultSet rs) throws SQLException {
        var models = rs.getString("pricing_models");
        if (models == null) {
            return null;
        }
        var pricingModels = strings(models).stream().map(PricingModel::valueOf).toList();
        var trial = rs.getObject("free_trial_days", Integer.class);
        var prices = STORAGE.readValue(rs.getString("prices"), new TypeReference<List<PriceRow>>() {}).stream()
                .map(ProductRepository::price)
                .toList();
        return new PublicOffer(pricingModels, trial, prices);
    }

    private static ListPrice price(PriceRow row) {
        var currency = CurrencyUnit.of(row.currency().trim());
        var amount = new BigDecimal(row.amount());
        return switch (PricingModel.valueOf(row.model())) {
            case CONTRACT ->
                new ListPrice.Contract(
                        row.dimensionKey(),
                        row.durationMonths(),
                        Money.of(currency, amount.setScale(currency.getDecimalPlaces())));
            case USAGE -> new ListPrice.Usage(row.dimensionKey(), BigMoney.of(currency, amount));
            case SUBSCRIPTION ->
                new ListPrice.Subscription(
                        row.dimensionKey(), Money.of(currency, amount.setScale(currency.getDecimalPlaces())));
            case FREE_TRIAL, BYOL -> throw new IllegalStateException("stored price with model " + row.model());
        };
    }

    private static List<String> strings(String json) {
        return STORAGE.readValue(json, new TypeReference<List<String>>() {});
    }
}
