package io.offerdesk.governance.internal.domain;

import io.offerdesk.catalog.ProductId;
import io.offerdesk.changesets.DocumentReader;
import io.offerdesk.governance.Experience.ProductRule;
import io.offerdesk.governance.ExperienceStatus;
import io.offerdesk.shared.Validations;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** The change types of {@code Experience@1.0} and how their documents read. */
public final class ExperienceChanges {

    public static final String CREATE = "CreateExperience";
    public static final String UPDATE = "UpdateExperience";
    public static final String ALLOW = "AllowProductProcurement";
    public static final String DENY = "DenyProductProcurement";
    public static final String ASSOCIATE = "AssociateAudience";
    public static final String DISASSOCIATE = "DisassociateAudience";
    public static final String CREATE_POLICY = "CreateProcurementPolicy";
    public static final String UPDATE_POLICY = "UpdateProcurementPolicy";
    public static final String CREATE_BRANDING = "CreateBrandingSettings";
    public static final String UPDATE_BRANDING = "UpdateBrandingSettings";

    public static final Set<String> CHANGE_TYPES = Set.of(
            CREATE,
            UPDATE,
            ALLOW,
            DENY,
            ASSOCIATE,
            DISASSOCIATE,
            CREATE_POLICY,
            UPDATE_POLICY,
            CREATE_BRANDING,
            UPDATE_BRANDING);

    public static final int NAME_MAX = 100;
    public static final int DESCRIPTION_MAX = 255;
    public static final int NOTES_MAX = 255;
    public static final int PRODUCTS_MAX = 20;
    public static final int IDS_MAX = 50;
    public static final int PRINCIPALS_MAX = 50;
    public static final int TITLE_MAX = 100;
    public static final int LOGO_URL_MAX = 2048;

    /** An account id (12 digits) or a party or organizational-unit id (a UUID). */
    public static final Pattern PRINCIPAL =
            Pattern.compile("\\d{12}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final Pattern LOGO_URL = Pattern.compile("https://[^\\s\"<>]+");

    private ExperienceChanges() {}

    /** Reads a change's document; reports every broken rule and answers null when any was broken. */
    public static @Nullable ExperienceChange parse(
            String changeType, JsonNode details, String path, Validations checks) {
        var reader = new DocumentReader(checks);
        var change = read(reader, changeType, details, path);
        return reader.failed() ? null : change;
    }

    private static @Nullable ExperienceChange read(
            DocumentReader reader, String changeType, JsonNode details, String path) {
        return switch (changeType) {
            case CREATE -> {
                reader.object(details, path, Set.of("Name", "Description"));
                var name = reader.text(details, path, "Name", true, NAME_MAX);
                var description = reader.text(details, path, "Description", false, DESCRIPTION_MAX);
                yield name == null ? null : new ExperienceChange.Create(name, description);
            }
            case UPDATE -> {
                reader.object(details, path, Set.of("Name", "Description", "Status"));
                var name = reader.text(details, path, "Name", false, NAME_MAX);
                var description = reader.text(details, path, "Description", false, DESCRIPTION_MAX);
                var status = reader.choice(
                        details, path, "Status", false, ExperienceStatus.values(), ExperienceStatus::wireName);
                if (!details.has("Name") && !details.has("Description") && !details.has("Status")) {
                    reader.fail(path, "governance.updateNamesNothing");
                }
                yield new ExperienceChange.Update(name, description, status);
            }
            case ALLOW -> new ExperienceChange.AllowProducts(products(reader, details, path));
            case DENY -> new ExperienceChange.DenyProducts(products(reader, details, path));
            case ASSOCIATE -> new ExperienceChange.AssociateAudience(principals(reader, details, path));
            case DISASSOCIATE -> new ExperienceChange.DisassociateAudience(principals(reader, details, path));
            case CREATE_POLICY, UPDATE_POLICY -> {
                reader.object(details, path, Set.of("Configuration"));
                var configuration = reader.object(
                        reader.value(details, path, "Configuration", true),
                        DocumentReader.member(path, "Configuration"),
                        Set.of("PolicyResourceRequests"));
                if (configuration == null) {
                    yield null;
                }
                var requests = reader.choice(
                        configuration,
                        DocumentReader.member(path, "Configuration"),
                        "PolicyResourceRequests",
                        true,
                        new String[] {"Allow", "Deny"},
                        value -> value);
                yield requests == null
                        ? null
                        : new ExperienceChange.SetPolicy(changeType.equals(CREATE_POLICY), requests.equals("Allow"));
            }
            case CREATE_BRANDING, UPDATE_BRANDING -> {
                reader.object(details, path, Set.of("Title", "Color", "LogoUrl"));
                var title = reader.text(details, path, "Title", false, TITLE_MAX);
                var color = reader.text(details, path, "Color", false, 7, COLOR, "governance.color");
                var logo = reader.text(details, path, "LogoUrl", false, LOGO_URL_MAX, LOGO_URL, "governance.logoUrl");
                yield new ExperienceChange.SetBranding(changeType.equals(CREATE_BRANDING), title, color, logo);
            }
            default -> {
                reader.fail(path, "changeSet.unknownChangeType", changeType, "Experience@1.0");
                yield null;
            }
        };
    }

    private static List<ProductRule> products(DocumentReader reader, JsonNode details, String path) {
        reader.object(details, path, Set.of("Products"));
        var rules = new ArrayList<ProductRule>();
        var products = reader.array(details, path, "Products", true, 1, PRODUCTS_MAX);
        if (products == null) {
            return rules;
        }
        var field = DocumentReader.member(path, "Products");
        for (int i = 0; i < products.size(); i++) {
            var at = DocumentReader.element(field, i);
            var product = reader.object(products.get(i), at, Set.of("Ids", "Notes"));
            if (product == null) {
                continue;
            }
            var ids = reader.strings(
                    reader.array(product, at, "Ids", true, 1, IDS_MAX),
                    DocumentReader.member(at, "Ids"),
                    ProductId.FORMAT,
                    "governance.productId");
            var notes = reader.text(product, at, "Notes", false, NOTES_MAX);
            ids.forEach(id -> rules.add(new ProductRule(id, notes)));
        }
        return rules;
    }

    private static List<String> principals(DocumentReader reader, JsonNode details, String path) {
        reader.object(details, path, Set.of("Principals"));
        // UUIDs are compared as the database writes them: lower case.
        return reader
                .strings(
                        reader.array(details, path, "Principals", true, 1, PRINCIPALS_MAX),
                        DocumentReader.member(path, "Principals"),
                        PRINCIPAL,
                        "governance.principal")
                .stream()
                .map(principal -> principal.toLowerCase(Locale.ROOT))
                .toList();
    }
}
