package io.offerdesk.catalog.internal.domain;

import io.offerdesk.catalog.Delivery;
import io.offerdesk.catalog.ProductCommands.AmiImageInput;
import io.offerdesk.catalog.ProductCommands.ContainerImageInput;
import io.offerdesk.catalog.ProductCommands.DeliveryInput;
import io.offerdesk.catalog.ProductType;
import io.offerdesk.shared.Validations;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Which delivery option each product type has, and what a valid one looks like. */
public final class DeliveryRules {

    public static final int URL_MAX = 2048;
    public static final int INSTRUCTIONS_MAX = 5000;
    public static final int IMAGES_MAX = 50;
    public static final int DELIVERABLES_MAX = 30;
    public static final int DELIVERABLE_MAX = 500;
    public static final int SHORT_TEXT_MAX = 100;
    public static final int DATA_DESCRIPTION_MAX = 1000;

    /** EC2 image ids: the old 8-hex and the current 17-hex form. */
    public static final Pattern AMI_ID = Pattern.compile("ami-([0-9a-f]{8}|[0-9a-f]{17})");

    public static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d{1,2}");
    /** A registry host (with optional port) and a repository path, lower case, as Docker and ECR accept them. */
    public static final Pattern REPOSITORY_URI =
            Pattern.compile("[a-z0-9]+([.-][a-z0-9]+)*(:\\d{1,5})?(/[a-z0-9]+([._-]+[a-z0-9]+)*)+");
    /** Docker's tag grammar. */
    public static final Pattern IMAGE_TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

    public static final Pattern MODEL_PACKAGE_ARN = Pattern.compile(
            "arn:aws[a-z-]*:sagemaker:[a-z0-9-]+:\\d{12}:model-package/[A-Za-z0-9]([A-Za-z0-9-]{0,62})(/\\d+)?");
    public static final Pattern ALGORITHM_ARN =
            Pattern.compile("arn:aws[a-z-]*:sagemaker:[a-z0-9-]+:\\d{12}:algorithm/[A-Za-z0-9]([A-Za-z0-9-]{0,62})");

    private DeliveryRules() {}

    /** The delivery fields each type uses; any other field set for the type is a mistake worth naming. */
    private static Set<String> fieldsOf(ProductType type) {
        return switch (type) {
            case SAAS -> Set.of("fulfillmentUrl");
            case AMI -> Set.of("amis", "usageInstructions");
            case CONTAINER -> Set.of("containerImages", "deploymentInstructions");
            case MACHINE_LEARNING -> Set.of("modelPackageArn", "algorithmArn");
            case PROFESSIONAL_SERVICES -> Set.of("deliverables", "estimatedDuration");
            case DATA -> Set.of("dataSetDescription", "deliveryMethod");
        };
    }

    static @Nullable Delivery delivery(
            Validations checks, ProductType type, @Nullable String topLevelUrl, @Nullable DeliveryInput input) {
        if (topLevelUrl != null && type != ProductType.SAAS) {
            checks.check(false, "fulfillmentUrl", "validation.delivery.notForType", type);
        }
        if (type == ProductType.SAAS && topLevelUrl != null) {
            checks.check(
                    input == null
                            || input.fulfillmentUrl() == null
                            || input.fulfillmentUrl().equals(topLevelUrl),
                    "fulfillmentUrl",
                    "validation.delivery.twoUrls");
            var merged = input == null ? DeliveryInput.saas(topLevelUrl) : withUrl(input, topLevelUrl);
            return build(checks, type, merged, input == null || input.fulfillmentUrl() == null ? "" : "delivery.");
        }
        if (input == null) {
            checks.check(false, type == ProductType.SAAS ? "fulfillmentUrl" : "delivery", "validation.required");
            return null;
        }
        return build(checks, type, input, "delivery.");
    }

    private static @Nullable Delivery build(Validations checks, ProductType type, DeliveryInput in, String urlPrefix) {
        var allowed = fieldsOf(type);
        present(in)
                .forEach((field, set) -> checks.check(
                        !set || allowed.contains(field), "delivery." + field, "validation.delivery.notForType", type));
        var before = checks.isValid();
        Delivery delivery = switch (type) {
            case SAAS -> {
                httpsUrl(checks, urlPrefix + "fulfillmentUrl", in.fulfillmentUrl());
                yield new Delivery.Saas(trimmed(in.fulfillmentUrl()));
            }
            case AMI ->
                new Delivery.Ami(
                        amis(checks, in.amis()),
                        text(checks, "delivery.usageInstructions", in.usageInstructions(), INSTRUCTIONS_MAX));
            case CONTAINER ->
                new Delivery.Container(
                        containerImages(checks, in.containerImages()),
                        text(checks, "delivery.deploymentInstructions", in.deploymentInstructions(), INSTRUCTIONS_MAX));
            case MACHINE_LEARNING -> machineLearning(checks, in);
            case PROFESSIONAL_SERVICES ->
                new Delivery.ProfessionalServices(
                        deliverables(checks, in.deliverables()),
                        text(checks, "delivery.estimatedDuration", in.estimatedDuration(), SHORT_TEXT_MAX));
            case DATA -> {
                checks.required("delivery.deliveryMethod", in.deliveryMethod());
                var description =
                        text(checks, "delivery.dataSetDescription", in.dataSetDescription(), DATA_DESCRIPTION_MAX);
                yield in.deliveryMethod() == null ? null : new Delivery.Data(description, in.deliveryMethod());
            }
        };
        return before && checks.isValid() ? delivery : null;
    }

    private static Map<String, Boolean> present(DeliveryInput in) {
        var fields = new LinkedHashMap<String, Boolean>();
        fields.put("fulfillmentUrl", in.fulfillmentUrl() != null);
        fields.put("amis", in.amis() != null);
        fields.put("usageInstructions", in.usageInstructions() != null);
        fields.put("containerImages", in.containerImages() != null);
        fields.put("deploymentInstructions", in.deploymentInstructions() != null);
        fields.put("modelPackageArn", in.modelPackageArn() != null);
        fields.put("algorithmArn", in.algorithmArn() != null);
        fields.put("deliverables", in.deliverables() != null);
        fields.put("estimatedDuration", in.estimatedDuration() != null);
        fields.put("dataSetDescription", in.dataSetDescription() != null);
        fields.put("deliveryMethod", in.deliveryMethod() != null);
        return fields;
    }

    /** Only https: the marketplace posts a registration token to this page, which must not travel in clear text. */
    public static boolean isHttpsUrl(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        try {
            var uri = new URI(text.trim());
            return "https".equalsIgnoreCase(uri.getScheme())
                    && uri.getHost() != null
                    && !uri.getHost().isBlank()
                    && uri.getUserInfo() == null;
        } catch (URISyntaxException malformed) {
            return false;
        }
    }

    private static void httpsUrl(Validations checks, String field, @Nullable String url) {
        checks.text(field, url, URL_MAX);
        if (url != null && !url.isBlank() && url.length() <= URL_MAX) {
            checks.check(isHttpsUrl(url), field, "validation.url.https");
        }
    }

    private static List<Delivery.AmiImage> amis(Validations checks, @Nullable List<AmiImageInput> inputs) {
        var images = new ArrayList<Delivery.AmiImage>();
        if (!nonEmpty(checks, "delivery.amis", inputs) || inputs == null) {
            return images;
        }
        for (int i = 0; i < inputs.size(); i++) {
            var path = "delivery.amis[" + i + "]";
            var in = inputs.get(i);
            if (in == null) {
                checks.check(false, path, "validation.required");
                continue;
            }
            checks.required(path + ".amiId", in.amiId())
                    .matches(path + ".amiId", trimmed(in.amiId()), AMI_ID, "validation.ami.id")
                    .required(path + ".region", in.region())
                    .matches(path + ".region", trimmed(in.region()), REGION, "validation.region")
                    .text(path + ".operatingSystem", in.operatingSystem(), SHORT_TEXT_MAX);
            images.add(new Delivery.AmiImage(trimmed(in.amiId()), trimmed(in.region()), trimmed(in.operatingSystem())));
        }
        return images;
    }

    private static List<Delivery.ContainerImage> containerImages(
            Validations checks, @Nullable List<ContainerImageInput> inputs) {
        var images = new ArrayList<Delivery.ContainerImage>();
        if (!nonEmpty(checks, "delivery.containerImages", inputs) || inputs == null) {
            return images;
        }
        for (int i = 0; i < inputs.size(); i++) {
            var path = "delivery.containerImages[" + i + "]";
            var in = inputs.get(i);
            if (in == null) {
                checks.check(false, path, "validation.required");
                continue;
            }
            checks.text(path + ".repositoryUri", in.repositoryUri(), URL_MAX)
                    .matches(
                            path + ".repositoryUri",
                            trimmed(in.repositoryUri()),
                            REPOSITORY_URI,
                            "validation.container.repository")
                    .required(path + ".tag", in.tag())
                    .matches(path + ".tag", trimmed(in.tag()), IMAGE_TAG, "validation.container.tag");
            images.add(new Delivery.ContainerImage(trimmed(in.repositoryUri()), trimmed(in.tag())));
        }
        return images;
    }

    private static Delivery.MachineLearning machineLearning(Validations checks, DeliveryInput in) {
        var modelPackage = ProductRules.blankToNull(in.modelPackageArn());
        var algorithm = ProductRules.blankToNull(in.algorithmArn());
        checks.check((modelPackage == null) != (algorithm == null), "delivery", "validation.ml.oneArn")
                .matches("delivery.modelPackageArn", modelPackage, MODEL_PACKAGE_ARN, "validation.ml.modelPackageArn")
                .matches("delivery.algorithmArn", algorithm, ALGORITHM_ARN, "validation.ml.algorithmArn");
        return new Delivery.MachineLearning(modelPackage, algorithm);
    }

    private static List<String> deliverables(Validations checks, @Nullable List<String> inputs) {
        var deliverables = new ArrayList<String>();
        if (!nonEmpty(checks, "delivery.deliverables", inputs) || inputs == null) {
            return deliverables;
        }
        for (int i = 0; i < inputs.size(); i++) {
            checks.text("delivery.deliverables[" + i + "]", inputs.get(i), DELIVERABLE_MAX);
            deliverables.add(trimmed(inputs.get(i)));
        }
        return deliverables;
    }

    private static boolean nonEmpty(Validations checks, String field, @Nullable List<?> items) {
        checks.check(items != null && !items.isEmpty(), field, "validation.required");
        if (items != null) {
            checks.check(items.size() <= maxOf(field), field, "validation.tooMany", maxOf(field));
        }
        return items != null && !items.isEmpty();
    }

    private static int maxOf(String field) {
        return field.endsWith("deliverables") ? DELIVERABLES_MAX : IMAGES_MAX;
    }

    private static String text(Validations checks, String field, @Nullable String value, int max) {
        checks.text(field, value, max);
        return trimmed(value);
    }

    private static String trimmed(@Nullable String value) {
        return value == null ? "" : value.trim();
    }

    private static DeliveryInput withUrl(DeliveryInput in, String url) {
        return new DeliveryInput(
                url,
                in.amis(),
                in.usageInstructions(),
                in.containerImages(),
                in.deploymentInstructions(),
                in.modelPackageArn(),
                in.algorithmArn(),
                in.deliverables(),
                in.estimatedDuration(),
                in.dataSetDescription(),
                in.deliveryMethod());
    }
}
