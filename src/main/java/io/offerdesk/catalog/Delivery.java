package io.offerdesk.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How a buyer gets the product once they subscribe. Each product type has exactly one kind of delivery option; the
 * {@link #typeOf(Delivery)} switch is where that pairing is written down.
 */
public sealed interface Delivery {

    /** SaaS: the buyer is sent to the seller's registration page, which resolves the marketplace token. */
    record Saas(String fulfillmentUrl) implements Delivery {}

    /** AMI: machine images per region, and how to launch and use them. */
    record Ami(List<AmiImage> amis, String usageInstructions) implements Delivery {
        public Ami {
            amis = List.copyOf(amis);
        }
    }

    /** Container: images the buyer pulls, and how to deploy them (ECS, EKS, Helm…). */
    record Container(List<ContainerImage> containerImages, String deploymentInstructions) implements Delivery {
        public Container {
            containerImages = List.copyOf(containerImages);
        }
    }

    /** Machine learning: a SageMaker model package or algorithm; exactly one of the two ARNs is set. */
    record MachineLearning(
            @Nullable String modelPackageArn, @Nullable String algorithmArn) implements Delivery {}

    /** Professional services: what the seller delivers, and roughly how long it takes. */
    record ProfessionalServices(List<String> deliverables, String estimatedDuration) implements Delivery {
        public ProfessionalServices {
            deliverables = List.copyOf(deliverables);
        }
    }

    /** Data: what the data sets hold and how subscribers receive them. */
    record Data(String dataSetDescription, DataDeliveryMethod deliveryMethod) implements Delivery {}

    /** One machine image in one region. */
    record AmiImage(String amiId, String region, String operatingSystem) {}

    /** One container image: repository URI and tag. */
    record ContainerImage(String repositoryUri, String tag) {}

    /** How a data product reaches its subscribers. */
    enum DataDeliveryMethod {
        S3,
        API
    }

    static ProductType typeOf(Delivery delivery) {
        return switch (delivery) {
            case Saas s -> ProductType.SAAS;
            case Ami a -> ProductType.AMI;
            case Container c -> ProductType.CONTAINER;
            case MachineLearning m -> ProductType.MACHINE_LEARNING;
            case ProfessionalServices p -> ProductType.PROFESSIONAL_SERVICES;
            case Data d -> ProductType.DATA;
        };
    }
}
