package io.offerdesk.parties.internal.rest;

import io.offerdesk.parties.User;
import io.offerdesk.parties.UserManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Accepting an invitation needs no key: the invitation token is the credential. */
@RestController
@Tag(name = "Users")
class InvitationsApi {

    record Acceptance(@Nullable String password) {}

    private final UserManagement users;

    InvitationsApi(UserManagement users) {
        this.users = users;
    }

    @PostMapping("/api/v1/invitations/{token}/accept")
    @Operation(summary = "Accept an invitation by setting a password")
    User accept(@PathVariable String token, @RequestBody Acceptance acceptance) {
        return users.accept(token, acceptance.password());
    }
}
