package io.offerdesk.catalog.internal;

import io.offerdesk.catalog.CatalogManagement;
import io.offerdesk.catalog.DimensionType;
import io.offerdesk.catalog.PricingModel;
import io.offerdesk.catalog.ProductCommands.AmiImageInput;
import io.offerdesk.catalog.ProductCommands.ContainerImageInput;
import io.offerdesk.catalog.ProductCommands.CreateProduct;
import io.offerdesk.catalog.ProductCommands.DeliveryInput;
import io.offerdesk.catalog.ProductCommands.DimensionInput;
import io.offerdesk.catalog.ProductCommands.PriceInput;
import io.offerdesk.catalog.ProductCommands.PublicOfferInput;
import io.offerdesk.catalog.ProductType;
import io.offerdesk.parties.Party;
import io.offerdesk.parties.PartyManagement;
import io.offerdesk.shared.Actor;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo catalog: four Acme Analytics products (SaaS, AMI, container, professional services), one Nimbus
 * Security SaaS product and the migration service of the channel partner Northwind Resellers, with list prices. Runs after the demo parties and skips sellers that already have products.
 */
@Component
@Order(20)
@ConditionalOnBooleanProperty("offerdesk.demo")
class DemoCatalog implements ApplicationRunner {

    static final String ACME = "Acme Analytics";
    static final String NIMBUS = "Nimbus Security";
    static final String NORTHWIND = "Northwind Resellers";

    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);
    private static final Actor DEMO = Actor.system("demo data");

    private final CatalogManagement catalog;
    private final ProductRepository products;
    private final PartyManagement parties;
    private final TransactionTemplate transaction;

    DemoCatalog(
            CatalogManagement catalog,
            ProductRepository products,
            PartyManagement parties,
            TransactionTemplate transaction) {
        this.catalog = catalog;
        this.products = products;
        this.parties = parties;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> {
            parties.findByName(ACME).filter(this::hasNoProducts).ifPresent(this::acme);
            parties.findByName(NIMBUS).filter(this::hasNoProducts).ifPresent(this::nimbus);
            parties.findByName(NORTHWIND).filter(this::hasNoProducts).ifPresent(this::northwind);
        });
    }

    private boolean hasNoProducts(Party seller) {
        return products.list(seller.id(), null, null, null, 1).isEmpty();
    }

    private void acme(Party acme) {
        product(
                acme.id(),
                new CreateProduct(
                        ProductType.SAAS,
                        "Acme Insights",
                        "Self-service analytics for product teams: dashboards, funnels and cohort analysis on your"
                                + " event data.",
                        "Acme Insights connects to your warehouse or ingests events directly, and gives every team"
                                + " dashboards, funnels, retention cohorts and alerts without writing SQL.",
                        List.of("Business Intelligence", "Analytics"),
                        List.of("dashboards", "product analytics", "cohorts"),
                        List.of(
                                entitled("analysts", "Analyst seats", "Users"),
                                entitled("viewers", "Viewer seats", "Users"),
                                metered("events", "Ingested events (per million)", "Units")),
                        "https://insights.acme.example/marketplace/register",
                        null,
                        null),
                offer(
                        List.of(PricingModel.CONTRACT, PricingModel.USAGE),
                        null,
                        contract("analysts", 12, "1200.00"),
                        contract("viewers", 12, "240.00"),
                        contract("analysts", 24, "2280.00"),
                        contract("viewers", 24, "456.00"),
                        usage("events", "0.85000000")));
        product(
                acme.id(),
                new CreateProduct(
                        ProductType.AMI,
                        "Acme Edge Appliance",
                        "A hardened analytics collector for the edge of your network, as a ready-to-run machine image.",
                        null,
                        List.of("Network Infrastructure"),
                        List.of("edge", "collector"),
                        List.of(
                                metered("m5.large", "m5.large instance hours", "Hrs"),
                                metered("m5.xlarge", "m5.xlarge instance hours", "Hrs"),
                                entitled("m5.large.annual", "m5.large annual subscription", "Units")),
                        null,
                        DeliveryInput.ami(
                                List.of(
                                        new AmiImageInput("ami-0a1b2c3d4e5f60718", "us-east-1", "Amazon Linux 2023"),
                                        new AmiImageInput("ami-0f1e2d3c4b5a69788", "eu-west-1", "Amazon Linux 2023")),
                                "Launch in a private subnet with outbound HTTPS; open the console on port 8443 and"
                                        + " sign in with the instance id."),
                        null),
                offer(
                        List.of(PricingModel.USAGE, PricingModel.CONTRACT, PricingModel.FREE_TRIAL),
                        14,
                        usage("m5.large", "0.12500000"),
                        usage("m5.xlarge", "0.25000000"),
                        contract("m5.large.annual", 12, "876.00")));
        product(
                acme.id(),
                new CreateProduct(
                        ProductType.CONTAINER,
                        "Acme Stream Processor",
                        "Real-time stream processing for clickstreams, packaged for Amazon EKS and ECS.",
                        null,
                        List.of("Streaming"),
                        List.of("kafka", "streaming"),
                        List.of(metered("vcpu_hours", "vCPU hours", "Hrs"), entitled("clusters", "Clusters", "Units")),
                        null,
                        DeliveryInput.container(
                                List.of(new ContainerImageInput(
                                        "709825985650.dkr.ecr.us-east-1.amazonaws.com/acme/stream-processor", "3.2.1")),
                                "helm install stream oci://709825985650.dkr.ecr.us-east-1.amazonaws.com/acme/charts"
                                        + " --set license.productCode=$PRODUCT_CODE"),
                        null),
                offer(
                        List.of(PricingModel.USAGE, PricingModel.CONTRACT),
                        null,
                        usage("vcpu_hours", "0.04200000"),
                        contract("clusters", 12, "9600.00")));
        product(
                acme.id(),
                new CreateProduct(
                        ProductType.PROFESSIONAL_SERVICES,
                        "Acme Onboarding Services",
                        "Guided onboarding to Acme Insights: data modelling, dashboards and team training.",
                        null,
                        List.of("Implementation"),
                        List.of("onboarding", "training"),
                        List.of(entitled("onboarding_package", "Onboarding package", "Units")),
                        null,
                        DeliveryInput.professionalServices(
                                List.of(
                                        "Event model and tracking plan",
                                        "Ten production dashboards",
                                        "Two training sessions for up to 20 people"),
                                "6 weeks"),
                        null),
                offer(List.of(PricingModel.CONTRACT), null, contract("onboarding_package", 1, "25000.00")));
        log.info("Seeded the demo catalog of {}", acme.name());
    }

    private void nimbus(Party nimbus) {
        product(
                nimbus.id(),
                new CreateProduct(
                        ProductType.SAAS,
                        "Nimbus Threat Guard",
                        "Managed threat detection for cloud workloads, with 24/7 triage by Nimbus analysts.",
                        null,
                        List.of("Security"),
                        List.of("threat detection", "SOC"),
                        List.of(entitled("protected_hosts", "Protected hosts", "Hosts")),
                        "https://guard.nimbus.example/aws/fulfil",
                        null,
                        null),
                offer(
                        List.of(PricingModel.CONTRACT),
                        null,
                        contract("protected_hosts", 12, "360.00"),
                        contract("protected_hosts", 36, "960.00")));
        log.info("Seeded the demo catalog of {}", nimbus.name());
    }

    /** The channel partner's own service, which it bundles with the products it resells in an offer set. */
    private void northwind(Party northwind) {
        product(
                northwind.id(),
                new CreateProduct(
                        ProductType.PROFESSIONAL_SERVICES,
                        "Northwind Cloud Migration Services",
                        "Migration of your analytics stack to the cloud by Northwind's certified engineers.",
                        null,
                        List.of("Migration"),
                        List.of("migration", "implementation"),
                        List.of(entitled("migration_package", "Migration package", "Units")),
                        null,
                        DeliveryInput.professionalServices(
                                List.of(
                                        "Assessment of the current stack and a migration plan",
                                        "Data and dashboard migration",
                                        "Cut-over support for two weeks"),
                                "8 weeks"),
                        null),
                offer(List.of(PricingModel.CONTRACT), null, contract("migration_package", 1, "18000.00")));
        log.info("Seeded the demo catalog of {}", northwind.name());
    }

    private void product(UUID seller, CreateProduct product, PublicOfferInput offer) {
        var created = catalog.create(DEMO, seller, product);
        catalog.setPublicOffer(DEMO, seller, created.id(), offer);
    }

    private static DimensionInput entitled(String key, String name, String unit) {
        return new DimensionInput(key, name, unit, DimensionType.ENTITLED, null);
    }

    private static DimensionInput metered(String key, String name, String unit) {
        return new DimensionInput(key, name, unit, DimensionType.METERED, null);
    }

    private static PublicOfferInput offer(
            List<PricingModel> models, @Nullable Integer trialDays, PriceInput... prices) {
        return new PublicOfferInput(null, models, trialDays, List.of(prices));
    }

    private static PriceInput contract(String key, int months, String amount) {
        return new PriceInput(PricingModel.CONTRACT, key, months, amount, "USD");
    }

    private static PriceInput usage(String key, String amount) {
        return new PriceInput(PricingModel.USAGE, key, null, amount, "USD");
    }
}
