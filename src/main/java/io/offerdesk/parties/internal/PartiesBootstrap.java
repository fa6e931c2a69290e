package io.offerdesk.parties.internal;

import io.offerdesk.parties.PartyCommands.OnboardParty;
import io.offerdesk.parties.PartyManagement;
import io.offerdesk.parties.UserManagement;
import io.offerdesk.shared.Actor;
import io.offerdesk.shared.PartyKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes sure a marketplace has its operator. In demo mode the demo parties bring one; otherwise, on first start,
 * the operator and its first administrator come from {@code offerdesk.operator.*} (environment {@code
 * OFFERDESK_OPERATOR_EMAIL} and {@code OFFERDESK_OPERATOR_PASSWORD}).
 */
@Component
@Order(10)
class PartiesBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PartiesBootstrap.class);

    private final PartyRepository parties;
    private final PartyManagement management;
    private final UserManagement users;
    private final DemoParties demo;
    private final TransactionTemplate transaction;
    private final boolean demoMode;
    private final String operatorName;
    private final String operatorEmail;
    private final String operatorPassword;

    PartiesBootstrap(
            PartyRepository parties,
            PartyManagement management,
            UserManagement users,
            DemoParties demo,
            TransactionTemplate transaction,
            @Value("${offerdesk.demo}") boolean demoMode,
            @Value("${offerdesk.operator.name:Marketplace operator}") String operatorName,
            @Value("${offerdesk.operator.email:}") String operatorEmail,
            @Value("${offerdesk.operator.password:}") String operatorPassword) {
        this.parties = parties;
        this.management = management;
        this.users = users;
        this.demo = demo;
        this.transaction = transaction;
        this.demoMode = demoMode;
        this.operatorName = operatorName;
        this.operatorEmail = operatorEmail;
        this.operatorPassword = operatorPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demoMode) {
            transaction.executeWithoutResult(status -> demo.seedUnlessPresent());
            return;
        }
        if (parties.operator().isPresent()) {
            return;
        }
        if (operatorEmail.isBlank() || operatorPassword.isBlank()) {
            log.warn("No marketplace operator yet. Set OFFERDESK_OPERATOR_EMAIL and OFFERDESK_OPERATOR_PASSWORD and"
                    + " restart to create the first operator administrator.");
            return;
        }
        transaction.executeWithoutResult(status -> {
            var actor = Actor.system("installation");
            var onboarded = management.onboard(
                    actor, new OnboardParty(PartyKind.OPERATOR, operatorName, null, null, operatorEmail, "Operator"));
            users.accept(onboarded.adminInvitation().token(), operatorPassword);
        });
        log.info("Created the marketplace operator '{}' with administrator {}", operatorName, operatorEmail);
    }
}
