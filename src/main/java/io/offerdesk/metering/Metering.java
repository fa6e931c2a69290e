package io.offerdesk.metering;

import com.nimbusds.jose.jwk.RSAKey;
import io.offerdesk.agreements.Agreement;
import io.offerdesk.agreements.Agreements;
import io.offerdesk.agreements.Entitlement;
import io.offerdesk.agreements.Entitlements;
import io.offerdesk.agreements.Subscription;
import io.offerdesk.catalog.CatalogManagement;
import io.offerdesk.catalog.Dimension;
import io.offerdesk.catalog.Product;
import io.offerdesk.catalog.ProductId;
import io.offerdesk.catalog.ProductType;
import io.offerdesk.metering.internal.MeteringSettings;
import io.offerdesk.metering.internal.RatingRepository;
import io.offerdesk.metering.internal.RegisterUsageKeys;
import io.offerdesk.metering.internal.UsageRecordRepository;
import io.offerdesk.metering.internal.UsageRecordRepository.HourKey;
import io.offerdesk.metering.internal.UsageRecordRepository.NewRecord;
import io.offerdesk.metering.internal.domain.UsageRules;
import io.offerdesk.parties.UserManagement;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.AccountId;
import io.offerdesk.shared.Conflict;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Usage of metered products, as AWS's Metering Service takes it: a SaaS seller sends batches of usage records
 * (BatchMeterUsage), software running in a buyer's account sends single records (MeterUsage). Records are kept one per
 * customer account, product, dimension and hour by a unique key in the database, and are committed before the
 * answer, so an answer of {@code Success} means the usage is stored. An identical retry gets its original answer and
 * stores nothing; usage for the same hour with another quantity is a {@code DuplicateRecord}.
 *
 * <p>Both parties of an agreement read its usage by dimension and day; for anyone else the agreement does not exist.
 */
@Service
@EnableConfigurationProperties(MeteringSettings.class)
public class Metering {

    /** BatchMeterUsage's limit of records per call. */
    public static final int BATCH_MAX = UsageRules.BATCH_MAX;

    /** BatchMeterUsage's limit of a request's size: "each request must be less than 1 MB". */
    public static final int REQUEST_BYTES_MAX = 1024 * 1024;

    public static final long QUANTITY_MAX = UsageRules.QUANTITY_MAX;

    /** MeterUsage's products: AMI and container products with usage pricing. */
    public static final Set<ProductType> METER_USAGE_TYPES = Set.of(ProductType.AMI, ProductType.CONTAINER);

    /** The one public key version RegisterUsage signs with; AWS's software passes 1. */
    public static final int REGISTER_USAGE_KEY_VERSION = 1;

    /**
     * MeterUsage's input.
     *
     * @param customerAwsAccountId the buyer account the software runs in; left out when the user acts for one account
     * @param dryRun checks everything and stores nothing
     * @param clientToken the same token with other parameters is refused ({@code IdempotencyConflictException})
     */
    public record MeterUsageRequest(
            String productCode,
            Instant timestamp,
            String usageDimension,
            long usageQuantity,
            boolean dryRun,
            List<UsageAllocation> usageAllocations,
            @Nullable String clientToken,
            @Nullable String customerAwsAccountId) {

        public MeterUsageRequest {
            usageAllocations = List.copyOf(usageAllocations);
        }
    }

    /** MeterUsage's answer: the stored record's id, absent for a dry run. */
    public record MeterUsageResult(@Nullable String meteringRecordId, boolean dryRun) {}

    /**
     * RegisterUsage's input, from software starting in one of the caller's buyer accounts.
     *
     * @param publicKeyVersion the version of the public key the software verifies the signature with
     * @param nonce scopes the signature to one running instance; echoed in the signature's claims
     */
    public record RegisterUsageRequest(
            String productCode,
            long publicKeyVersion,
            @Nullable String nonce) {}

    /**
     * RegisterUsage's answer: a JWT the software verifies with the version's public key.
     *
     * @param publicKeyRotationTimestamp when the version's key is rotated; absent while it is not expiring
     */
    public record RegisteredUsage(
            String signature, @Nullable Instant publicKeyRotationTimestamp) {}

    /** An agreement's usage by day, with the product's dimensions the usage is counted in. */
    public record AgreementUsage(
            String agreementId, String productId, List<Dimension> dimensions, List<DailyUsage> days) {

        public AgreementUsage {
            dimensions = List.copyOf(dimensions);
            days = List.copyOf(days);
        }
    }

    private final UsageRecordRepository records;
    private final RatingRepository ratings;
    private final MeteringSettings settings;
    private final Agreements agreements;
    private final CatalogManagement catalog;
    private final UserManagement users;
    private final JsonMapper json;
    private final Clock clock;
    private final Entitlements entitlements;
    private final RegisterUsageKeys keys;

    Metering(
            UsageRecordRepository records,
            RatingRepository ratings,
            MeteringSettings settings,
            Agreements agreements,
            Entitlements entitlements,
            RegisterUsageKeys keys,
            CatalogManagement catalog,
            UserManagement users,
            JsonMapper json,
            Clock clock) {
        this.records = records;
        this.ratings = ratings;
        this.settings = settings;
        this.agreements = agreements;
        this.entitlements = entitlements;
        this.keys = keys;
        this.catalog = catalog;
        this.users = users;
        this.json = json;
        this.clock = clock;
    }

    /**
     * BatchMeterUsage for one of the caller's SaaS products; another seller's product is not found. A record that
     * breaks a rule (out of the window, unknown dimension, bad allocations or tags) refuses the whole batch.
     */
    @Transactional
    public BatchMeterUsageResult batchMeterUsage(
            OfferdeskPrincipal me, String productCode, List<UsageRecord> usageRecords) {
        var product = ownProduct(me, productCode);
        if (product.type() != ProductType.SAAS) {
            throw new InvalidInput("productCode", "metering.InvalidProductCodeException", productCode);
        }
        var now = clock.instant();
        UsageRules.checkBatch(usageRecords, dimensionKeys(product), now, settings.window());
        var accounts = usageRecords.stream()
                .map(r -> new AccountId(r.customerAwsAccountId()))
                .distinct()
                .toList();
        var subscribed = agreements.subscriptions(product.id().value(), accounts, now).stream()
                .collect(Collectors.toMap(s -> s.customerAccountId().value(), s -> s, (a, b) -> a));
        var toStore = new ArrayList<NewRecord>();
        for (var record : usageRecords) {
            var subscription = subscribed.get(record.customerAwsAccountId());
            if (subscription != null) {
                toStore.add(newRecord(product, record, subscription, null));
            }
        }
        var stored = records.insertNew(toStore, now);
        var taken = records
                .find(toStore.stream()
                        .filter(r -> !stored.contains(r.meteringRecordId()))
                        .map(NewRecord::key)
                        .distinct()
                        .toList())
                .stream()
                .collect(Collectors.toMap(UsageRecordRepository.Stored::key, s -> s));
        var results = new ArrayList<UsageRecordResult>();
        var pending = toStore.iterator();
        for (var record : usageRecords) {
            if (!subscribed.containsKey(record.customerAwsAccountId())) {
                results.add(new UsageRecordResult(record, null, UsageRecordStatus.CustomerNotSubscribed));
                continue;
            }
            var mine = pending.next();
            if (stored.contains(mine.meteringRecordId())) {
                results.add(
                        new UsageRecordResult(record, mine.meteringRecordId().toString(), UsageRecordStatus.Success));
                continue;
            }
            var existing = taken.get(mine.key());
            var status = existing == null
                    ? UsageRecordStatus.DuplicateRecord
                    : UsageRules.against(existing.fingerprint(), record);
            results.add(new UsageRecordResult(
                    record,
                    status == UsageRecordStatus.Success && existing != null
                            ? existing.meteringRecordId().toString()
                            : null,
                    status));
        }
        return new BatchMeterUsageResult(results, List.of());
    }

    /**
     * MeterUsage from software running in one of the caller's buyer accounts, for an AMI or container product the
     * account holds an active agreement for. An identical request (the same hour, dimension, quantity and allocations)
     * answers with the stored record's id; another quantity for the hour is a {@code DuplicateRequestException}.
     */
    @Transactional
    public MeterUsageResult meterUsage(OfferdeskPrincipal me, MeterUsageRequest request) {
        var product = ProductId.parse(request.productCode())
                .flatMap(catalog::find)
                .filter(p -> METER_USAGE_TYPES.contains(p.type()))
                .orElseThrow(() ->
                        new InvalidInput("productCode", "metering.InvalidProductCodeException", request.productCode()));
        var account = customerAccount(me, request.customerAwsAccountId());
        var record = new UsageRecord(
                request.timestamp(),
                request.usageDimension(),
                account.value(),
                request.usageQuantity(),
                request.usageAllocations());
        var now = clock.instant();
        UsageRules.checkRecord(record, dimensionKeys(product), now, settings.window());
        var subscription = agreements.subscriptions(product.id().value(), List.of(account), now).stream()
                .findFirst()
                .orElseThrow(() -> new InvalidInput(
                        "productCode", "metering.CustomerNotEntitledException", request.productCode()));
        if (request.dryRun()) {
            return new MeterUsageResult(null, true);
        }
        var token = request.clientToken();
        var mine = newRecord(product, record, subscription, token);
        if (token != null) {
            var earlier =
                    records.findByClientToken(account.value(), product.id().value(), token);
            if (earlier.isPresent()) {
                return new MeterUsageResult(sameRequest(earlier.get(), mine), false);
            }
        }
        if (!records.insertNew(List.of(mine), now).isEmpty()) {
            return new MeterUsageResult(mine.meteringRecordId().toString(), false);
        }
        var existing = records.find(List.of(mine.key())).stream().findFirst();
        if (existing.isEmpty() && token != null) {
            // the token's unique key, not the hour's, refused the record: the same token committed meanwhile
            var earlier = records.findByClientToken(
                            account.value(), product.id().value(), token)
                    .orElseThrow(() -> new Conflict("metering.IdempotencyConflictException", token));
            return new MeterUsageResult(sameRequest(earlier, mine), false);
        }
        if (existing.isEmpty() || !existing.get().fingerprint().equals(mine.fingerprint())) {
            throw new InvalidInput("usageQuantity", "metering.DuplicateRequestException");
        }
        return new MeterUsageResult(existing.get().meteringRecordId().toString(), false);
    }

    /**
     * RegisterUsage from a paid container product's software as it starts in one of the caller's buyer accounts: the
     * product must be a container product and one of the caller's accounts must hold a current entitlement to it. The
     * answer is a JWT (PS256) naming the product, the key version, the customer, the nonce and when it was issued, as
     * AWS's sample in its seller guide shows; the software verifies it with the public key of
     * {@link #REGISTER_USAGE_KEY_VERSION} ({@link #registerUsagePublicKey}). Offerdesk does not meter container tasks:
     * the call is the entitlement check AWS makes at a container's start.
     */
    @Transactional(readOnly = true)
    public RegisteredUsage registerUsage(OfferdeskPrincipal me, RegisterUsageRequest request) {
        if (request.publicKeyVersion() != REGISTER_USAGE_KEY_VERSION) {
            throw new InvalidInput(
                    "publicKeyVersion", "metering.InvalidPublicKeyVersionException", request.publicKeyVersion());
        }
        var product = ProductId.parse(request.productCode())
                .flatMap(catalog::find)
                .orElseThrow(() ->
                        new InvalidInput("productCode", "metering.InvalidProductCodeException", request.productCode()));
        Entitlement held;
        try {
            held = entitlements
                    .delivery(me, product.id().value())
                    .entitlements()
                    .getFirst();
        } catch (NotFound notEntitled) {
            // delivery() hides the product from whoever holds no entitlement to it; RegisterUsage names that case
            throw new InvalidInput("productCode", "metering.CustomerNotEntitledException", request.productCode());
        }
        // Only after the entitlement: the product's type is the seller's business, not every caller's (ADR 0050)
        if (product.type() != ProductType.CONTAINER) {
            throw new InvalidInput("productCode", "metering.PlatformNotSupportedException", request.productCode());
        }
        var now = clock.instant();
        var claims = new LinkedHashMap<String, Object>();
        claims.put("productCode", product.id().value());
        claims.put("publicKeyVersion", REGISTER_USAGE_KEY_VERSION);
        claims.put("customerIdentifier", held.customerIdentifier());
        if (request.nonce() != null) {
            claims.put("nonce", request.nonce());
        }
        claims.put("iat", now.toString());
        return new RegisteredUsage(keys.sign(REGISTER_USAGE_KEY_VERSION, claims, now), null);
    }

    /** The public key software verifies RegisterUsage's signatures with, for {@link #REGISTER_USAGE_KEY_VERSION}. */
    public RSAKey registerUsagePublicKey() {
        return keys.publicKey(REGISTER_USAGE_KEY_VERSION, clock.instant());
    }

    /** The agreement's usage by dimension and day, for the product's seller and the agreement's buyer. */
    @Transactional(readOnly = true)
    public AgreementUsage usage(OfferdeskPrincipal me, String agreementId) {
        var agreement = readable(me, agreementId);
        var dimensions = ProductId.parse(agreement.productId())
                .flatMap(catalog::find)
                .map(Product::dimensions)
                .orElse(List.of());
        return new AgreementUsage(
                agreement.id().value(),
                agreement.productId(),
                dimensions,
                records.daily(agreement.id().value(), me.partyId(), me.isOperator()));
    }

    /**
     * The agreement's billing periods, newest first, with what their rating found per dimension and allocation tag
     * set: for the product's seller and the agreement's buyer, as {@link #usage}. An agreement without a usage rate
     * card has none.
     */
    @Transactional(readOnly = true)
    public List<RatedPeriod> ratedUsage(OfferdeskPrincipal me, String agreementId) {
        var agreement = readable(me, agreementId);
        return ratings.periods(agreement.id().value(), me.partyId(), me.isOperator());
    }

    private Agreement readable(OfferdeskPrincipal me, String agreementId) {
        var agreement = agreements.agreement(me, agreementId);
        var reader = me.isOperator()
                || me.partyId().equals(agreement.publisherPartyId())
                || me.partyId().equals(agreement.acceptorPartyId());
        if (!reader) {
            throw new NotFound("agreement", agreementId);
        }
        return agreement;
    }

    private String sameRequest(UsageRecordRepository.Stored earlier, NewRecord mine) {
        if (!earlier.key().equals(mine.key()) || !earlier.fingerprint().equals(mine.fingerprint())) {
            throw new Conflict("metering.IdempotencyConflictException", String.valueOf(mine.clientToken()));
        }
        return earlier.meteringRecordId().toString();
    }

    private Product ownProduct(OfferdeskPrincipal me, String productCode) {
        return ProductId.parse(productCode)
                .flatMap(catalog::find)
                .filter(p -> p.sellerPartyId().equals(me.partyId()))
                .orElseThrow(() -> new NotFound("product", productCode));
    }

    private AccountId customerAccount(OfferdeskPrincipal me, @Nullable String requested) {
        var mine = users.accountsOf(me);
        if (requested == null && mine.size() == 1) {
            return mine.getFirst();
        }
        return mine.stream()
                .filter(a -> a.value().equals(requested))
                .findFirst()
                .orElseThrow(
                        () -> new InvalidInput("customerAwsAccountId", "metering.InvalidCustomerIdentifierException"));
    }

    private static Set<String> dimensionKeys(Product product) {
        return product.dimensions().stream().map(Dimension::key).collect(Collectors.toSet());
    }

    private NewRecord newRecord(
            Product product, UsageRecord record, Subscription subscription, @Nullable String clientToken) {
        return new NewRecord(
                UUID.randomUUID(),
                new HourKey(
                        record.customerAwsAccountId(),
                        product.id().value(),
                        record.dimension(),
                        UsageRules.hour(record.timestamp())),
                record.timestamp(),
                record.quantity(),
                json.writeValueAsString(record.usageAllocations()),
                UsageRules.fingerprint(record),
                subscription.agreementId().value(),
                product.sellerPartyId(),
                subscription.buyerPartyId(),
                clientToken);
    }
}
