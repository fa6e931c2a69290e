package io.offerdesk.parties.internal.rest;

import io.offerdesk.parties.AccessKey;
import io.offerdesk.parties.ApiKey;
import io.offerdesk.parties.KeyManagement;
import io.offerdesk.parties.PartyCommands.Grant;
import io.offerdesk.parties.PartyCommands.InviteUser;
import io.offerdesk.parties.User;
import io.offerdesk.parties.UserManagement;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Users of the caller's party, their roles and their keys. */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "Invite users, manage roles, API keys and SigV4 access keys")
class UsersApi {

    record InvitationView(User user, String invitationToken) {}

    record RolesChange(@Nullable List<Grant> roles) {}

    record NewApiKey(@Nullable String name) {}

    record Password(@Nullable String password) {}

    private final UserManagement users;
    private final KeyManagement keys;

    UsersApi(UserManagement users, KeyManagement keys) {
        this.users = users;
        this.keys = keys;
    }

    @GetMapping
    @Operation(summary = "Users of the caller's party")
    List<User> list(OfferdeskPrincipal me) {
        return users.users(me, me.partyId());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Invite a user to the caller's party (party administrator); the token is shown once")
    InvitationView invite(OfferdeskPrincipal me, @RequestBody InviteUser command) {
        var invitation = users.invite(me, me.partyId(), command);
        return new InvitationView(invitation.user(), invitation.token());
    }

    @GetMapping("/me")
    User self(OfferdeskPrincipal me) {
        return users.user(me, me.userId());
    }

    @GetMapping("/{userId}")
    User one(OfferdeskPrincipal me, @PathVariable UUID userId) {
        return users.user(me, userId);
    }

    @PutMapping("/{userId}/roles")
    @Operation(summary = "Replace a user's roles (party administrator)")
    User roles(OfferdeskPrincipal me, @PathVariable UUID userId, @RequestBody RolesChange change) {
        return users.changeRoles(me, userId, change.roles());
    }

    @PostMapping("/{userId}/disable")
    User disable(OfferdeskPrincipal me, @PathVariable UUID userId) {
        return users.setEnabled(me, userId, false);
    }

    @PostMapping("/{userId}/enable")
    User enable(OfferdeskPrincipal me, @PathVariable UUID userId) {
        return users.setEnabled(me, userId, true);
    }

    @GetMapping("/{userId}/api-keys")
    List<ApiKey> apiKeys(OfferdeskPrincipal me, @PathVariable UUID userId) {
        return keys.apiKeys(me, userId);
    }

    @PostMapping("/{userId}/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a bearer API key; the token is shown once")
    ApiKey.Issued issueApiKey(OfferdeskPrincipal me, @PathVariable UUID userId, @RequestBody NewApiKey request) {
        return keys.issueApiKey(me, userId, request.name());
    }

    @DeleteMapping("/{userId}/api-keys/{keyId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeApiKey(OfferdeskPrincipal me, @PathVariable UUID userId, @PathVariable String keyId) {
        keys.revokeApiKey(me, userId, keyId);
    }

    @GetMapping("/{userId}/access-keys")
    List<AccessKey> accessKeys(OfferdeskPrincipal me, @PathVariable UUID userId) {
        return keys.accessKeys(me, userId);
    }

    @PostMapping("/{userId}/access-keys")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a SigV4 access-key pair; the secret access key is shown once")
    AccessKey.Issued issueAccessKey(OfferdeskPrincipal me, @PathVariable UUID userId) {
        return keys.issueAccessKey(me, userId);
    }

    @DeleteMapping("/{userId}/access-keys/{accessKeyId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeAccessKey(OfferdeskPrincipal me, @PathVariable UUID userId, @PathVariable String accessKeyId) {
        keys.revokeAccessKey(me, userId, accessKeyId);
    }
}
