package io.offerdesk.catalog.internal.web;

import static io.offerdesk.catalog.internal.web.FormRows.commaSeparated;
import static io.offerdesk.catalog.internal.web.FormRows.enumValue;
import static io.offerdesk.catalog.internal.web.FormRows.lines;
import static io.offerdesk.catalog.internal.web.FormRows.orNull;
import static io.offerdesk.catalog.internal.web.FormRows.text;

import io.offerdesk.catalog.Delivery;
import io.offerdesk.catalog.Delivery.DataDeliveryMethod;
import io.offerdesk.catalog.DimensionType;
import io.offerdesk.catalog.Product;
import io.offerdesk.catalog.ProductCommands.AmiImageInput;
import io.offerdesk.catalog.ProductCommands.ContainerImageInput;
import io.offerdesk.catalog.ProductCommands.CreateProduct;
import io.offerdesk.catalog.ProductCommands.DeliveryInput;
import io.offerdesk.catalog.ProductCommands.DimensionInput;
import io.offerdesk.catalog.ProductCommands.UpdateProduct;
import io.offerdesk.catalog.ProductType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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

    public record DimensionRow(String key, String name, String unit, String type, String description) {
        static final DimensionRow EMPTY = new DimensionRow("", "", "", "", "");
    }

    public record AmiRow(String amiId, String region, String operatingSystem) {
        static final AmiRow EMPTY = new AmiRow("", "", "");
    }

    public record ImageRow(String repositoryUri, String tag) {
        static final ImageRow EMPTY = new ImageRow("", "");
    }

    static ProductForm blank(ProductType type) {
        return new ProductForm(
                type,
                0,
                "",
                "",
                "",
                "",
                "",
                List.of(DimensionRow.EMPTY),
                "",
                List.of(AmiRow.EMPTY),
                "",
                List.of(ImageRow.EMPTY),
                "",
                "",
                "",
                "",
                "",
                "",
                "");
    }

    static ProductForm of(Product product) {
        var form = blank(product.type());
        var dimensions = product.dimensions().stream()
                .map(d -> new DimensionRow(
                        d.key(), d.name(), d.unit(), d.type().name(), Objects.requireNonNullElse(d.description(), "")))
                .toList();
        form = new ProductForm(
                product.type(),
                product.version(),
                product.title(),
                product.shortDescription(),
                Objects.requireNonNullElse(product.longDescription(), ""),
                String.join(", ", product.categories()),
                String.join(", ", product.keywords()),
                dimensions,
                "",
                form.amis(),
                "",
                form.containerImages(),
                "",
                "",
                "",
                "",
                "",
                "",
                "");
        return switch (product.delivery()) {
            case Delivery.Saas saas -> form.withUrl(saas.fulfillmentUrl());
            case Delivery.Ami ami ->
                form.withAmis(
                        ami.amis().stream()
                                .map(a -> new AmiRow(a.amiId(), a.region(), a.operatingSystem()))
                                .toList(),
                        ami.usageInstructions());
            case Delivery.Container container ->
                form.withImages(
                        container.containerImages().stream()
                                .map(i -> new ImageRow(i.repositoryUri(), i.tag()))
                                .toList(),
                        container.deploymentInstructions());
            case Delivery.MachineLearning ml ->
                form.withArns(
                        Objects.requireNonNullElse(ml.modelPackageArn(), ""),
                        Objects.requireNonNullElse(ml.algorithmArn(), ""));
            case Delivery.ProfessionalServices ps ->
                form.withServices(String.join("\n", ps.deliverables()), ps.estimatedDuration());
            case Delivery.Data data ->
                form.withData(data.dataSetDescription(), data.deliveryMethod().name());
        };
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
                FormRows.rows(params, "dimensions").stream()
                        .map(r -> new DimensionRow(
                                value(r, "key"),
                                value(r, "name"),
                                value(r, "unit"),
                                value(r, "type"),
                                value(r, "description")))
                        .toList(),
                text(params, "delivery.fulfillmentUrl"),
                FormRows.rows(params, "delivery.amis").stream()
                        .map(r -> new AmiRow(value(r, "amiId"), value(r, "region"), value(r, "operatingSystem")))
                        .toList(),
                text(params, "delivery.usageInstructions"),
                FormRows.rows(params, "delivery.containerImages").stream()
                        .map(r -> new ImageRow(value(r, "repositoryUri"), value(r, "tag")))
                        .toList(),
                text(params, "delivery.deploymentInstructions"),
                text(params, "delivery.modelPackageArn"),
                text(params, "delivery.algorithmArn"),
                text(params, "delivery.deliverables"),
                text(params, "delivery.estimatedDuration"),
                text(params, "delivery.dataSetDescription"),
                text(params, "delivery.deliveryMethod"));
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
                delivery(),
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
                delivery());
    }

    ProductForm withDimensionAdded() {
        var rows = new ArrayList<>(dimensions);
        rows.add(DimensionRow.EMPTY);
        return withDimensions(rows);
    }

    ProductForm withDimensionRemoved(int index) {
        var rows = new ArrayList<>(dimensions);
        if (index >= 0 && index < rows.size()) {
            rows.remove(index);
        }
        return withDimensions(rows);
    }

    ProductForm withAmiAdded() {
        var rows = new ArrayList<>(amis);
        rows.add(AmiRow.EMPTY);
        return withAmis(rows, usageInstructions);
    }

    ProductForm withImageAdded() {
        var rows = new ArrayList<>(containerImages);
        rows.add(ImageRow.EMPTY);
        return withImages(rows, deploymentInstructions);
    }

    /** Only the fields of the product's own type are sent, as the API expects. */
    private DeliveryInput delivery() {
        return switch (type) {
            case SAAS -> DeliveryInput.saas(orNull(fulfillmentUrl));
            case AMI ->
                new DeliveryInput(
                        null,
                        amis.stream()
                                .map(a -> new AmiImageInput(
                                        orNull(a.amiId()), orNull(a.region()), orNull(a.operatingSystem())))
                                .toList(),
                        orNull(usageInstructions),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null);
            case CONTAINER ->
                new DeliveryInput(
                        null,
                        null,
                        null,
                        containerImages.stream()
                                .map(i -> new ContainerImageInput(orNull(i.repositoryUri()), orNull(i.tag())))
                                .toList(),
                        orNull(deploymentInstructions),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null);
            case MACHINE_LEARNING ->
                new DeliveryInput(
                        null,
                        null,
                        null,
                        null,
                        null,
                        orNull(modelPackageArn),
                        orNull(algorithmArn),
                        null,
                        null,
                        null,
                        null);
            case PROFESSIONAL_SERVICES ->
                new DeliveryInput(
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        lines(deliverables),
                        orNull(estimatedDuration),
                        null,
                        null);
            case DATA ->
                new DeliveryInput(
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        orNull(dataSetDescription),
                        enumValue(DataDeliveryMethod.class, deliveryMethod));
        };
    }

    private List<DimensionInput> dimensionInputs() {
        return dimensions.stream()
                .map(d -> new DimensionInput(
                        orNull(d.key()),
                        orNull(d.name()),
                        orNull(d.unit()),
                        enumValue(DimensionType.class, d.type()),
                        orNull(d.description())))
                .toList();
    }

    private static String value(Map<String, String> row, String field) {
        var value = row.get(field);
        return value == null ? "" : value;
    }

    /** The form as shown: every repeated section has at least one (empty) row to type into. */
    ProductForm padded() {
        var form = dimensions.isEmpty() ? withDimensionAdded() : this;
        form = form.amis.isEmpty() ? form.withAmiAdded() : form;
        return form.containerImages.isEmpty() ? form.withImageAdded() : form;
    }

    private ProductForm withUrl(String url) {
        return new ProductForm(
                type,
                version,
                title,
                shortDescription,
                longDescription,
                categories,
                keywords,
                dimensions,
                url,
                amis,
                usageInstructions,
                containerImages,
                deploymentInstructions,
                modelPackageArn,
                algorithmArn,
                deliverables,
                estimatedDuration,
                dataSetDescription,
                deliveryMethod);
    }

    private ProductForm withDimensions(List<DimensionRow> rows) {
        return new ProductForm(
                type,
                version,
                title,
                shortDescription,
                longDescription,
                categories,
                keywords,
                List.copyOf(rows),
                fulfillmentUrl,
                amis,
                usageInstructions,
                containerImages,
                deploymentInstructions,
                modelPackageArn,
                algorithmArn,
                deliverables,
                estimatedDuration,
                dataSetDescription,
                deliveryMethod);
    }

    private ProductForm withAmis(List<AmiRow> rows, String instructions) {
        return new ProductForm(
                type,
                version,
                title,
                shortDescription,
                longDescription,
                categories,
                keywords,
                dimensions,
                fulfillmentUrl,
                List.copyOf(rows),
                instructions,
                containerImages,
                deploymentInstructions,
                modelPackageArn,
                algorithmArn,
                deliverables,
                estimatedDuration,
                dataSetDescription,
                deliveryMethod);
    }

    private ProductForm withImages(List<ImageRow> rows, String instructions) {
        return new ProductForm(
                type,
                version,
                title,
                shortDescription,
                longDescription,
                categories,
                keywords,
                dimensions,
                fulfillmentUrl,
                amis,
                usageInstructions,
                List.copyOf(rows),
                instructions,
                modelPackageArn,
                algorithmArn,
                deliverables,
                estimatedDuration,
                dataSetDescription,
                deliveryMethod);
    }

    private ProductForm withArns(String modelPackage, String algorithm) {
        return new ProductForm(
                type,
                version,
                title,
                shortDescription,
                longDescription,
                categories,
                keywords,
                dimensions,
                fulfillmentUrl,
                amis,
                usageInstructions,
                containerImages,
                deploymentInstructions,
                modelPackage,
                algorithm,
                deliverables,
                estimatedDuration,
                dataSetDescription,
                deliveryMethod);
    }

    private ProductForm withServices(String deliverableLines, String duration) {
        return new ProductForm(
                type,
                version,
                title,
                shortDescription,
                longDescription,
                categories,
                keywords,
                dimensions,
                fulfillmentUrl,
                amis,
                usageInstructions,
                containerImages,
                deploymentInstructions,
                modelPackageArn,
                algorithmArn,
                deliverableLines,
                duration,
                dataSetDescription,
                deliveryMethod);
    }

    private ProductForm withData(String description, String method) {
        return new ProductForm(
                type,
                version,
                title,
                shortDescription,
                longDescription,
                categories,
                keywords,
                dimensions,
                fulfillmentUrl,
                amis,
                usageInstructions,
                containerImages,
                deploymentInstructions,
                modelPackageArn,
                algorithmArn,
                deliverables,
                estimatedDuration,
                description,
                method);
    }
}
