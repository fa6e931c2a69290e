package io.offerdesk.catalog.internal.rest;

import io.offerdesk.catalog.StandardContract;
import io.offerdesk.catalog.StandardContractCommands.AddContractVersion;
import io.offerdesk.catalog.StandardContractCommands.CreateStandardContract;
import io.offerdesk.catalog.StandardContractManagement;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The marketplace's standard contracts (standard EULA) and their immutable versions. */
@RestController
@RequestMapping("/api/v1/standard-contracts")
@Tag(name = "Standard contracts", description = "Standard EULA documents and their versions")
class StandardContractsApi {

    private final StandardContractManagement contracts;

    StandardContractsApi(StandardContractManagement contracts) {
        this.contracts = contracts;
    }

    @GetMapping
    @Operation(summary = "List standard contracts with their versions, newest version first")
    List<StandardContract> list(OfferdeskPrincipal me) {
        return contracts.contracts(me);
    }

    @GetMapping("/{contractId}")
    @Operation(summary = "One standard contract with its versions")
    StandardContract one(OfferdeskPrincipal me, @PathVariable String contractId) {
        return contracts.contract(me, id(contractId));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a standard contract with its first version (operator only)")
    StandardContract create(OfferdeskPrincipal me, @RequestBody CreateStandardContract command) {
        return contracts.create(me, command);
    }

    @PostMapping("/{contractId}/versions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Publish a new version, which becomes the current one (operator only)")
    StandardContract addVersion(
            OfferdeskPrincipal me, @PathVariable String contractId, @RequestBody AddContractVersion command) {
        return contracts.addVersion(me, id(contractId), command);
    }

    private static UUID id(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException notAUuid) {
            throw new NotFound("standard-contract", text);
        }
    }
}
