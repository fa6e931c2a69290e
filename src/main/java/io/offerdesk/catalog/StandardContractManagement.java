package io.offerdesk.catalog;

import io.offerdesk.catalog.StandardContractCommands.AddContractVersion;
import io.offerdesk.catalog.StandardContractCommands.CreateStandardContract;
import io.offerdesk.catalog.events.StandardContractCreated;
import io.offerdesk.catalog.events.StandardContractVersionAdded;
import io.offerdesk.catalog.internal.StandardContractRepository;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.Conflict;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.Role;
import io.offerdesk.shared.Validations;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The marketplace's standard contracts. The operator creates them and publishes versions, which never change
 * afterwards; everyone signed in may read them, since buyers and sellers both have to know what they agree to.
 */
@Service
public class StandardContractManagement {

    public static final int TITLE_MAX = 200;
    public static final int BODY_MAX = 100_000;
    public static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._-]{0,19}");

    private final StandardContractRepository contracts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StandardContractManagement(StandardContractRepository contracts, ApplicationEventPublisher events, Clock clock) {
        this.contracts = contracts;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<StandardContract> contracts(OfferdeskPrincipal me) {
        return contracts.all();
    }

    /** Every published version of every standard contract: the versions an offer's standard EULA may name. */
    @Transactional(readOnly = true)
    public java.util.Set<String> versions() {
        return contracts.all().stream()
                .flatMap(c -> c.versions().stream())
                .map(StandardContractVersion::version)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    @Transactional(readOnly = true)
    public StandardContract contract(OfferdeskPrincipal me, UUID id) {
        return contracts.find(id).orElseThrow(() -> new NotFound("standard-contract", id.toString()));
    }

    @Transactional
    public StandardContract create(OfferdeskPrincipal me, CreateStandardContract command) {
        requireOperator(me);
        var checks = new Validations().text("title", command.title(), TITLE_MAX);
        checkVersion(checks, command.version(), command.body());
        checks.throwIfInvalid();
        var title = Validations.present("title", command.title()).trim();
        if (contracts.titleTaken(title)) {
            throw new Conflict("conflict.contractTitle", title);
        }
        var id = UUID.randomUUID();
        var first = version(me, command.version(), command.body());
        contracts.insert(id, title, first);
        events.publishEvent(
                new StandardContractCreated(id, title, first.version(), me.partyId(), me.actor(), first.publishedAt()));
        return contract(me, id);
    }

    @Transactional
    public StandardContract addVersion(OfferdeskPrincipal me, UUID id, AddContractVersion command) {
        requireOperator(me);
        if (!contracts.lock(id)) {
            throw new NotFound("standard-contract", id.toString());
        }
        var checks = new Validations();
        checkVersion(checks, command.version(), command.body());
        checks.throwIfInvalid();
        var version = version(me, command.version(), command.body());
        if (contract(me, id).versions().stream().anyMatch(v -> v.version().equalsIgnoreCase(version.version()))) {
            throw new Conflict("conflict.contractVersion", version.version());
        }
        contracts.addVersion(id, version);
        events.publishEvent(new StandardContractVersionAdded(
                id, version.version(), me.partyId(), me.actor(), version.publishedAt()));
        return contract(me, id);
    }

    private StandardContractVersion version(OfferdeskPrincipal me, @Nullable String version, @Nullable String body) {
        return new StandardContractVersion(
                Validations.present("version", version).trim(),
                Validations.present("body", body).strip(),
                clock.instant(),
                me.actor().name());
    }

    private static void checkVersion(Validations checks, @Nullable String version, @Nullable String body) {
        checks.required("version", version)
                .matches("version", version == null ? null : version.trim(), VERSION, "validation.contract.version")
                .text("body", body, BODY_MAX);
    }

    private static void requireOperator(OfferdeskPrincipal me) {
        if (!me.has(Role.OPERATOR_ADMIN)) {
            throw new AccessDeniedException("only the operator publishes standard contracts");
        }
    }
}
