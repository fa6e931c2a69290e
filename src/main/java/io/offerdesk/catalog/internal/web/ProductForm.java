package io.offerdesk.catalog.internal.web;

import static io.offerdesk.catalog.ProductType.AMI;
import static io.offerdesk.catalog.ProductType.CONTAINER;
import static io.offerdesk.catalog.ProductType.DATA;
import static io.offerdesk.catalog.ProductType.MACHINE_LEARNING;
import static io.offerdesk.catalog.ProductType.PROFESSIONAL_SERVICES;
import static io.offerdesk.catalog.ProductType.SAAS;
import static io.offerdesk.catalog.internal.web.FormRows.commaSeparated;
import static io.offerdesk.catalog.internal.web.FormRows.enumValue;
import static io.offerdesk.catalog.internal.web.FormRows.lines;
import static io.offerdesk.catalog.internal.web.FormRows.orNull;
import static io.offerdesk.catalog.internal.web.FormRows.text;

import io.offerdesk.catalog.Delivery;
import io.offerdesk.catalog.Delivery.DataDeliveryMethod;
import io.offerdesk.catalog.Dimension;
import io.offerdesk.catalog.DimensionType;
import io.offerdesk.catalog.Product;
import io.offerdesk.catalog.ProductCommands.AmiImageInput;
import io.offerdesk.catalog.ProductCommands.ContainerImageInput;
import io.offerdesk.catalog.ProductCommands.CreateProduct;
import io.offerdesk.catalog.ProductCommands.DeliveryInput;
import io.offerdesk.catalog.ProductCommands.DimensionInput;
import io.offerdesk.catalog.ProductCommands.UpdateProduct;
import io.offerdesk.catalog.ProductType;
import io.offerdesk.platform.FormSubmission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The product form as typed: every value is kept as text so that a rejected form comes back exactly as it was sent.
 * Input names follow the API's field paths, so violations land next to their inputs.
 */
public record ProductForm(
        ProductType type,
        long version,
        String title,
        String shortDescription,
        String longDescription,
        String categories,
        String keywords,
        List<DimensionRow> dimensions,
        DeliveryFields delivery) {

    public record DimensionRow(String key, String name, String unit, String type, String description) {
        static final DimensionRow EMPTY = new DimensionRow("", "", "", "", "");

        static DimensionRow of(Dimension d) {
            return new DimensionRow(
                    d.key(), d.name(), d.unit(), d.type().name(), Objects.requireNonNullElse(d.description(), ""));
        }

        static DimensionRow from(Map<String, String> row) {
            return new DimensionRow(
                    text(row, "key"),
                    text(row, "name"),
                    text(row, "unit"),
                    text(row, "type"),
                    text(row, "description"));
        }

        DimensionInput toInput() {
            return new DimensionInput(
                    orNull(key), orNull(name), orNull(unit), enumValue(DimensionType.class, type), orNull(description));
        }
    }

    public record AmiRow(String amiId, String region, String operatingSystem) {
        static final AmiRow EMPTY = new AmiRow("", "", "");

        static AmiRow of(Delivery.AmiImage image) {
            return new AmiRow(image.amiId(), image.region(), image.operatingSystem());
        }

        static AmiRow from(Map<String, String> row) {
            return new AmiRow(text(row, "amiId"), text(row, "region"), text(row, "operatingSystem"));
        }

        AmiImageInput toInput() {
            return new AmiImageInput(orNull(amiId), orNull(region), orNull(operatingSystem));
        }
    }

    public record ImageRow(String repositoryUri, String tag) {
        static final ImageRow EMPTY = new ImageRow("", "");

        static ImageRow of(Delivery.ContainerImage image) {
            return new ImageRow(image.repositoryUri(), image.tag());
        }

        static ImageRow from(Map<String, String> row) {
            return new ImageRow(text(row, "repositoryUri"), text(row, "tag"));
        }

        ContainerImageInput toInput() {
            return new ContainerImageInput(orNull(repositoryUri), orNull(tag));
        }
    }

    /**
     * The delivery inputs of every product type (the {@code delivery.*} fields); only those of the product's own type
     * are shown and sent.
     */
    public record DeliveryFields(
            String fulfillmentUrl,
            List<AmiRow> amis,
            String usageInstructions,
            List<ImageRow> containerImages,
            String deploymentInstructions,
            String modelPackageArn,
            String algorithmArn,
            String deliverables,
            String estimatedDuration,
            String dataSetDescription,
            String deliveryMethod) {

        /** The saved delivery option, in the fields of its type; the other types' fields stay blank. */
        static DeliveryFields of(Delivery delivery) {
            return new DeliveryFields(
                    delivery instanceof Delivery.Saas saas ? saas.fulfillmentUrl() : "",
                    delivery instanceof Delivery.Ami ami
                            ? ami.amis().stream().map(AmiRow::of).toList()
                            : List.of(),
                    delivery instanceof Delivery.Ami ami ? ami.usageInstructions() : "",
                    delivery instanceof Delivery.Container container
                            ? container.containerImages().stream()
                                    .map(ImageRow::of)
                                    .toList()
                            : List.of(),
                    delivery instanceof Delivery.Container container ? container.deploymentInstructions() : "",
                    delivery instanceof Delivery.MachineLearning ml ? orEmpty(ml.modelPackageArn()) : "",
                    delivery instanceof Delivery.MachineLearning ml ? orEmpty(ml.algorithmArn()) : "",
                    delivery instanceof Delivery.ProfessionalServices ps ? String.join("\n", ps.deliverables()) : "",
                    delivery instanceof Delivery.ProfessionalServices ps ? ps.estimatedDuration() : "",
                    delivery instanceof Delivery.Data data ? data.dataSetDescription() : "",
                    delivery instanceof Delivery.Data data
                            ? data.deliveryMethod().name()
                            : "");
        }

        static DeliveryFields from(Map<String, String> params) {
            return new DeliveryFields(
                    text(params, "delivery.fulfillmentUrl"),
                    FormSubmission.rows(params, "delivery.amis").stream()
                            .map(AmiRow::from)
                            .toList(),
                    text(params, "delivery.usageInstructions"),
                    FormSubmission.rows(params, "delivery.containerImages").stream()
                            .map(ImageRow::from)
                            .toList(),
                    text(params, "delivery.deploymentInstructions"),
                    text(params, "delivery.modelPackageArn"),
                    text(params, "delivery.algorithmArn"),
                    text(params, "delivery.deliverables"),
                    text(params, "delivery.estimatedDuration"),
                    text(params, "delivery.dataSetDescription"),
                    text(params, "delivery.deliveryMethod"));
        }

        /** Only the fields of the product's own type are sent, as the API expects. */
        DeliveryInput toInput(ProductType type) {
            return new DeliveryInput(
                    type == SAAS ? orNull(fulfillmentUrl) : null,
                    type == AMI ? amis.stream().map(AmiRow::toInput).toList() : null,
                    type == AMI ? orNull(usageInstructions) : null,
                    type == CONTAINER
                            ? containerImages.stream().map(ImageRow::toInput).toList()
                            : null,
                    type == CONTAINER ? orNull(deploymentInstructions) : null,
                    type == MACHINE_LEARNING ? orNull(modelPackageArn) : null,
                    type == MACHINE_LEARNING ? orNull(algorithmArn) : null,
                    type == PROFESSIONAL_SERVICES ? lines(deliverables) : null,
                    type == PROFESSIONAL_SERVICES ? orNull(estimatedDuration) : null,
                    type == DATA ? orNull(dataSetDescription) : null,
                    type == DATA ? enumValue(DataDeliveryMethod.class, deliveryMethod) : null);
        }

        DeliveryFields withAmiAdded() {
            return withRows(plus(amis, AmiRow.EMPTY), containerImages);
        }

        DeliveryFields withImageAdded() {
            return withRows(amis, plus(containerImages, ImageRow.EMPTY));
        }

        DeliveryFields padded() {
            return withRows(atLeastOne(amis, AmiRow.EMPTY), atLeastOne(containerImages, ImageRow.EMPTY));
        }

        private DeliveryFields withRows(List<AmiRow> amiRows, List<ImageRow> imageRows) {
            return new DeliveryFields(
                    fulfillmentUrl,
                    List.copyOf(amiRows),
                    usageInstructions,
                    List.copyOf(imageRows),
                    deploymentInstructions,
                    modelPackageArn,
                    algorithmArn,
                    deliverables,
                    estimatedDuration,
                    dataSetDescription,
                    deliveryMethod);
        }

        private static String orEmpty(@Nullable String value) {
            return Objects.requireNonNullElse(value, "");
        }
    }

    /** Nothing typed yet; {@link #padded()} adds the empty rows to type into. */
    static ProductForm blank(ProductType type) {
        return from(type, Map.of());
    }

    static ProductForm of(Product product) {
        return new ProductForm(
                product.type(),
                product.version(),
                product.title(),
                product.shortDescription(),
                Objects.requireNonNullElse(product.longDescription(), ""),
                String.join(", ", product.categories()),
                String.join(", ", product.keywords()),
                product.dimensions().stream().map(DimensionRow::of).toList(),
                DeliveryFields.of(product.delivery()));
    }

    static ProductForm from(ProductType type, Map<String, String> params) {
        var version = FormRows.longValue(params.get("version"));
        return new ProductForm(
                type,
                version == null ? 0 : version,
                text(params, "title"),
                text(params, "shortDescription"),
                text(params, "longDescription"),
                text(params, "categories"),
                text(params, "keywords"),
                FormSubmission.rows(params, "dimensions").stream()
                        .map(DimensionRow::from)
                        .toList(),
                DeliveryFields.from(params));
    }

    CreateProduct toCreate() {
        return new CreateProduct(
                type,
                title,
                shortDescription,
                orNull(longDescription),
                commaSeparated(categories),
                commaSeparated(keywords),
                dimensionInputs(),
                null,
                delivery.toInput(type),
                null);
    }

    UpdateProduct toUpdate() {
        return new UpdateProduct(
                version,
                type,
                title,
                shortDescription,
                orNull(longDescription),
                commaSeparated(categories),
                commaSeparated(keywords),
                dimensionInputs(),
                null,
                delivery.toInput(type));
    }

    ProductForm withDimensionAdded() {
        return with(plus(dimensions, DimensionRow.EMPTY), delivery);
    }

    ProductForm withDimensionRemoved(int index) {
        var rows = new ArrayList<>(dimensions);
        if (index >= 0 && index < rows.size()) {
            rows.remove(index);
        }
        return with(rows, delivery);
    }

    ProductForm withAmiAdded() {
        return with(dimensions, delivery.withAmiAdded());
    }

    ProductForm withImageAdded() {
        return with(dimensions, delivery.withImageAdded());
    }

    /** The form as shown: every repeated section has at least one (empty) row to type into. */
    ProductForm padded() {
        return with(atLeastOne(dimensions, DimensionRow.EMPTY), delivery.padded());
    }

    private List<DimensionInput> dimensionInputs() {
        return dimensions.stream().map(DimensionRow::toInput).toList();
    }

    /** The rows and the delivery fields are what the row buttons change; everything else stays as typed. */
    private ProductForm with(List<DimensionRow> dimensionRows, DeliveryFields deliveryFields) {
        return new ProductForm(
                type,
                version,
                title,
                shortDescription,
                longDescription,
                categories,
                keywords,
                List.copyOf(dimensionRows),
                deliveryFields);
    }

    private static <T> List<T> plus(List<T> rows, T row) {
        var more = new ArrayList<>(rows);
        more.add(row);
        return more;
    }

    private static <T> List<T> atLeastOne(List<T> rows, T empty) {
        return rows.isEmpty() ? List.of(empty) : rows;
    }
}
