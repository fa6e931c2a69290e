package io.offerdesk.agreements;

import io.offerdesk.catalog.Delivery;
import io.offerdesk.catalog.Delivery.DataDeliveryMethod;
import io.offerdesk.catalog.ProductId;
import io.offerdesk.shared.Sha256;
import java.util.List;

/**
 * How a buyer will receive a product, as the Discovery API's {@code ListFulfillmentOptions} describes it before
 * purchase: the kind of delivery and what a buyer needs to judge it, never what only a subscriber may have. A SaaS
 * product's registration URL, the AMI ids, the container image URIs and the SageMaker ARNs stay with the seller until
 * the buyer subscribes.
 */
public sealed interface FulfillmentOption {

    /** Derived from the product and the kind, so it is stable as long as the product is delivered that way. */
    String id();

    Type type();

    /** The kinds, named as the Discovery API's {@code FulfillmentOptionType}. */
    enum Type {
        SAAS,
        AMAZON_MACHINE_IMAGE,
        CONTAINER,
        SAGEMAKER_MODEL,
        SAGEMAKER_ALGORITHM,
        PROFESSIONAL_SERVICES,
        DATA_EXCHANGE
    }

    /** Software as a service: the buyer registers with the seller after subscribing. */
    record Saas(String id) implements FulfillmentOption {
        @Override
        public Type type() {
            return Type.SAAS;
        }
    }

    /** Machine images: where they can run, on which operating system, and how to use them. */
    record AmazonMachineImage(String id, List<ImageRegion> regions, String usageInstructions)
            implements FulfillmentOption {
        public AmazonMachineImage {
            regions = List.copyOf(regions);
        }

        @Override
        public Type type() {
            return Type.AMAZON_MACHINE_IMAGE;
        }
    }

    /** One region an image is offered in, with its operating system. */
    record ImageRegion(String region, String operatingSystem) {}

    /** Container images: the versions (tags) offered and how to deploy them. */
    record Container(String id, List<String> versions, String deploymentInstructions) implements FulfillmentOption {
        public Container {
            versions = List.copyOf(versions);
        }

        @Override
        public Type type() {
            return Type.CONTAINER;
        }
    }

    /** A SageMaker model package. */
    record SageMakerModel(String id) implements FulfillmentOption {
        @Override
        public Type type() {
            return Type.SAGEMAKER_MODEL;
        }
    }

    /** A SageMaker algorithm. */
    record SageMakerAlgorithm(String id) implements FulfillmentOption {
        @Override
        public Type type() {
            return Type.SAGEMAKER_ALGORITHM;
        }
    }

    /** Work the seller delivers: what, and roughly how long it takes. */
    record ProfessionalServices(String id, List<String> deliverables, String estimatedDuration)
            implements FulfillmentOption {
        public ProfessionalServices {
            deliverables = List.copyOf(deliverables);
        }

        @Override
        public Type type() {
            return Type.PROFESSIONAL_SERVICES;
        }
    }

    /** Data sets: what they hold and how subscribers receive them. */
    record DataExchange(String id, String dataSetDescription, DataDeliveryMethod deliveryMethod)
            implements FulfillmentOption {
        @Override
        public Type type() {
            return Type.DATA_EXCHANGE;
        }
    }

    /** The buyer's view of a product's delivery; the one place that decides what a buyer may see of it. */
    static FulfillmentOption of(ProductId product, Delivery delivery) {
        return switch (delivery) {
            case Delivery.Saas saas -> new Saas(id(product, Type.SAAS));
            case Delivery.Ami ami ->
                new AmazonMachineImage(
                        id(product, Type.AMAZON_MACHINE_IMAGE),
                        ami.amis().stream()
                                .map(image -> new ImageRegion(image.region(), image.operatingSystem()))
                                .distinct()
                                .toList(),
                        ami.usageInstructions());
            case Delivery.Container container ->
                new Container(
                        id(product, Type.CONTAINER),
                        container.containerImages().stream()
                                .map(Delivery.ContainerImage::tag)
                                .distinct()
                                .toList(),
                        container.deploymentInstructions());
            case Delivery.MachineLearning ml ->
                ml.algorithmArn() != null
                        ? new SageMakerAlgorithm(id(product, Type.SAGEMAKER_ALGORITHM))
                        : new SageMakerModel(id(product, Type.SAGEMAKER_MODEL));
            case Delivery.ProfessionalServices services ->
                new ProfessionalServices(
                        id(product, Type.PROFESSIONAL_SERVICES), services.deliverables(), services.estimatedDuration());
            case Delivery.Data data ->
                new DataExchange(id(product, Type.DATA_EXCHANGE), data.dataSetDescription(), data.deliveryMethod());
        };
    }

    private static String id(ProductId product, Type type) {
        return "fo-" + Sha256.hex(product.value() + "/" + type.name()).substring(0, 32);
    }
}
