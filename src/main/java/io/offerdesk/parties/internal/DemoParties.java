package io.offerdesk.parties.internal;

import io.offerdesk.parties.Organizations;
import io.offerdesk.parties.Party;
import io.offerdesk.parties.PartyCommands.AddAccount;
import io.offerdesk.parties.PartyCommands.AddOrganizationalUnit;
import io.offerdesk.parties.PartyCommands.OnboardParty;
import io.offerdesk.parties.PartyCommands.UpdateAccount;
import io.offerdesk.parties.PartyManagement;
import io.offerdesk.parties.RoleGrant;
import io.offerdesk.parties.User;
import io.offerdesk.parties.UserManagement;
import io.offerdesk.parties.events.AccessKeyIssued;
import io.offerdesk.parties.events.ApiKeyIssued;
import io.offerdesk.shared.Actor;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.Role;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The demo marketplace: an operator, two ISVs, a channel partner and two buyer organizations with three accounts
 * each, one user per role, all with the password {@value #PASSWORD}, and fixed API keys for the first ISV's offer
 * author and the first buyer's procurement user, so that the README's curl examples and the benchmark harness work as
 * written. Every demo user also holds a fixed SigV4 access-key pair ({@link #demoAccessKeyId}, {@link
 * #demoSecretAccessKey}), so that the AWS CLI and SDK examples of the docs run as written; a data directory seeded
 * before the pairs existed gets them at the next start. Demo mode only.
 */
@Component
public class DemoParties {

    public static final String PASSWORD = "offerdesk-demo";
    public static final String ACME = "Acme Analytics";
    public static final String NIMBUS = "Nimbus Security";
    public static final String ACME_AUTHOR_API_KEY = "od_acmedemokeyaaaaa_demosecretdemosecretdemosecretdemosecret";
    public static final String GLOBEX_PROCUREMENT_API_KEY =
            "od_globexdemokeyaaa_globexsecretglobexsecretglobexsecretglob";
    /** The operator's, for the benchmark's operator calls (an invoicing run started through the API). */
    public static final String OPERATOR_API_KEY = "od_operatordemokeya_operatorsecretoperatorsecretoperatorsecr";

    /** Everyone the demo seeds, in the order the startup banner lists their access keys. */
    public static final List<String> DEMO_USERS = List.of(
            "operator@offerdesk.example",
            "admin@acme.example",
            "author@acme.example",
            "approver@acme.example",
            "finance@acme.example",
            "admin@nimbus.example",
            "admin@northwind.example",
            "author@northwind.example",
            "approver@northwind.example",
            "finance@northwind.example",
            "admin@globex.example",
            "procurement@globex.example",
            "finance@globex.example",
            "viewer@globex.example",
            "admin@initech.example",
            "procurement@initech.example",
            "finance@initech.example",
            "viewer@initech.example");

    private static final Logger log = LoggerFactory.getLogger(DemoParties.class);
    private static final Actor DEMO = Actor.system("demo data");

    private final PartyManagement parties;
    private final Organizations organizations;
    private final UserManagement users;
    private final KeyStore keys;
    private final PartyRepository repository;
    private final UserRepository userRepository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DemoParties(
            PartyManagement parties,
            Organizations organizations,
            UserManagement users,
            KeyStore keys,
            PartyRepository repository,
            UserRepository userRepository,
            ApplicationEventPublisher events,
            Clock clock) {
        this.parties = parties;
        this.organizations = organizations;
        this.users = users;
        this.keys = keys;
        this.repository = repository;
        this.userRepository = userRepository;
        this.events = events;
        this.clock = clock;
    }

    void seedUnlessPresent() {
        if (repository.findByName(ACME).isPresent()) {
            fixedAccessKeys();
            printLogins();
            return;
        }
        var operator = parties.onboard(
                DEMO,
                new OnboardParty(
                        PartyKind.OPERATOR,
                        "Offerdesk Marketplace",
                        "100000000001",
                        null,
                        "operator@offerdesk.example",
                        "Olivia Operator"));
        users.accept(operator.adminInvitation().token(), PASSWORD);
        fixedApiKey(operator.adminInvitation().user(), OPERATOR_API_KEY);
        var acme = party(PartyKind.SELLER, ACME, "200000000001", "admin@acme.example", "Ada Admin");
        var author = user(acme, "author@acme.example", "Arthur Author", Role.OFFER_AUTHOR);
        user(acme, "approver@acme.example", "April Approver", Role.OFFER_APPROVER);
        user(acme, "finance@acme.example", "Fiona Finance", Role.FINANCE);
        fixedApiKey(author, ACME_AUTHOR_API_KEY);

        party(PartyKind.SELLER, NIMBUS, "200000000002", "admin@nimbus.example", "Nina Nimbus");

        var northwind = party(
                PartyKind.CHANNEL_PARTNER,
                "Northwind Resellers",
                "300000000001",
                "admin@northwind.example",
                "Noah Admin");
        user(northwind, "author@northwind.example", "Nora Author", Role.OFFER_AUTHOR);
        user(northwind, "approver@northwind.example", "Ned Approver", Role.OFFER_APPROVER);
        user(northwind, "finance@northwind.example", "Nell Finance", Role.FINANCE);

        var globexProcurement = buyer("Globex Corporation", "globex", "400000000001", "Gwen", "Gus", "Grace", "Gil");
        fixedApiKey(globexProcurement, GLOBEX_PROCUREMENT_API_KEY);
        // Globex buys through its management account; its other accounts get the review page's warning.
        organizations.updateAccount(
                DEMO, globexProcurement.partyId(), "400000000001", new UpdateAccount(null, null, true));
        buyer("Initech", "initech", "500000000001", "Ian", "Iris", "Ivan", "Ida");
        fixedAccessKeys();
        log.info("Seeded the demo marketplace");
        printLogins();
    }

    /** Returns the procurement user. */
    private User buyer(String name, String domain, String managementAccount, String... people) {
        var org = party(PartyKind.BUYER, name, managementAccount, "admin@" + domain + ".example", people[0] + " Admin");
        var engineering = parties.addOrganizationalUnit(DEMO, org.id(), new AddOrganizationalUnit("Engineering", null));
        var prefix = managementAccount.substring(0, 11);
        var unit = engineering.id().toString();
        parties.addAccount(DEMO, org.id(), new AddAccount(prefix + "2", name + " Engineering", unit));
        parties.addAccount(DEMO, org.id(), new AddAccount(prefix + "3", name + " Data Science", unit));
        var procurement = user(org, "procurement@" + domain + ".example", people[1] + " Procurement", Role.PROCUREMENT);
        user(org, "finance@" + domain + ".example", people[2] + " Finance", Role.FINANCE);
        user(org, "viewer@" + domain + ".example", people[3] + " Viewer", Role.VIEWER);
        return procurement;
    }

    private void fixedApiKey(User holder, String token) {
        var issued = keys.register(holder, "README examples", token, clock.instant());
        events.publishEvent(
                new ApiKeyIssued(holder.partyId(), holder.id(), issued.id(), issued.name(), DEMO, clock.instant()));
    }

    /**
     * The demo user's access key id: {@code AKOD} and the upper-case letters of the company and the role, e.g.
     * {@code AKODACMEAUTHORXXXXXX}, padded with {@code X} to AWS's 20 characters.
     */
    public static String demoAccessKeyId(String email) {
        var at = email.indexOf('@');
        var domain = email.substring(at + 1);
        var letters = (domain.substring(0, domain.indexOf('.')) + email.substring(0, at))
                .toUpperCase(Locale.ROOT)
                .replaceAll("[^A-Z]", "");
        return ("AKOD" + letters + "X".repeat(16)).substring(0, 20);
    }

    /** The demo user's secret access key: {@code demo-secret-} and the e-mail address. */
    public static String demoSecretAccessKey(String email) {
        return "demo-secret-" + email;
    }

    private void fixedAccessKeys() {
        for (var email : DEMO_USERS) {
            var holder = userRepository.findByEmail(email).orElseThrow().user();
            var id = demoAccessKeyId(email);
            if (keys.registerAccessKey(holder, id, demoSecretAccessKey(email), clock.instant())) {
                events.publishEvent(new AccessKeyIssued(holder.partyId(), holder.id(), id, DEMO, clock.instant()));
            }
        }
    }

    private Party party(PartyKind kind, String name, String accountId, String adminEmail, String adminName) {
        var onboarded = parties.onboard(DEMO, new OnboardParty(kind, name, accountId, null, adminEmail, adminName));
        users.accept(onboarded.adminInvitation().token(), PASSWORD);
        return onboarded.party();
    }

    private User user(Party party, String email, String name, Role role) {
        return users.createActive(DEMO, party.id(), email, name, PASSWORD, List.of(RoleGrant.everywhere(role)));
    }

    private static String accessKeyTable() {
        return DEMO_USERS.stream()
                .map(email -> "    %-28s %s  %s".formatted(email, demoAccessKeyId(email), demoSecretAccessKey(email)))
                .collect(Collectors.joining("\n"));
    }

    private static void printLogins() {
        log.info("""

                ===== Offerdesk demo: sign in at http://localhost:8080 with password '{}' =====
                  operator@offerdesk.example   marketplace operator (admin)
                  admin@acme.example           seller Acme Analytics: admin      (also author@, approver@, finance@acme.example)
                  admin@nimbus.example         seller Nimbus Security: admin
                  admin@northwind.example      channel partner Northwind Resellers: admin (also author@, approver@, finance@)
                  procurement@globex.example   buyer Globex Corporation: procurement (also finance@, admin@, viewer@globex.example)
                  procurement@initech.example  buyer Initech: procurement (also finance@, admin@, viewer@initech.example)
                  API key of author@acme.example:        {}
                  API key of procurement@globex.example: {}
                  API key of operator@offerdesk.example: {}
                  AWS CLI and SDKs: every user above has the access-key pair below (docs/user-guide/aws-api.md)
                {}
                ================================================================================""", PASSWORD, ACME_AUTHOR_API_KEY, GLOBEX_PROCUREMENT_API_KEY, OPERATOR_API_KEY, accessKeyTable());
    }
}
