package io.offerdesk.parties.internal;

import io.offerdesk.parties.Account;
import io.offerdesk.parties.OrganizationalUnit;
import io.offerdesk.parties.Party;
import io.offerdesk.shared.AccountId;
import io.offerdesk.shared.PartyKind;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Parties, their organizational units and accounts. */
@Repository
public class PartyRepository {

    private static final String INSERT_PARTY =
            "INSERT INTO parties.party (id, kind, name, created_at) VALUES (:id, :kind, :name, :createdAt)";
    private static final String PARTY_COLUMNS = "SELECT id, kind, name, created_at FROM parties.party ";
    private static final String INSERT_UNIT = """
            INSERT INTO parties.organizational_unit (id, party_id, parent_id, name)
            VALUES (:id, :partyId, :parentId, :name)
            """;
    private static final String UNITS =
            "SELECT id, party_id, parent_id, name FROM parties.organizational_unit WHERE party_id = :partyId ORDER BY name";
    private static final String INSERT_ACCOUNT = """
            INSERT INTO parties.account (id, party_id, name, kind, unit_id, created_at)
            VALUES (:id, :partyId, :name, :kind, :unitId, :createdAt)
            """;
    private static final String ACCOUNT_COLUMNS =
            "SELECT id, party_id, name, kind, unit_id, procurement, billing FROM parties.account ";
    private static final String ACCOUNTS = ACCOUNT_COLUMNS + "WHERE party_id = :partyId ORDER BY kind, name";
    private static final String ACCOUNT = ACCOUNT_COLUMNS + "WHERE id = :id";

    private final JdbcClient jdbc;

    PartyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Party party) {
        jdbc.sql(INSERT_PARTY)
                .param("id", party.id())
                .param("kind", party.kind().name())
                .param("name", party.name())
                .param("createdAt", Timestamp.from(party.createdAt()))
                .update();
    }

    public Optional<Party> find(UUID id) {
        return jdbc.sql(PARTY_COLUMNS + "WHERE id = :id")
                .param("id", id)
                .query(PartyRepository::party)
                .optional();
    }

    public Optional<Party> findByName(String name) {
        return jdbc.sql(PARTY_COLUMNS + "WHERE lower(name) = lower(:name)")
                .param("name", name)
                .query(PartyRepository::party)
                .optional();
    }

    public Optional<Party> operator() {
        return jdbc.sql(PARTY_COLUMNS + "WHERE kind = 'OPERATOR'")
                .query(PartyRepository::party)
                .optional();
    }

    public List<Party> all(@Nullable PartyKind kind) {
        return jdbc.sql(PARTY_COLUMNS + "WHERE CAST(:kind AS varchar) IS NULL OR kind = :kind ORDER BY kind, name")
                .param("kind", kind == null ? null : kind.name())
                .query(PartyRepository::party)
                .list();
    }

    public void insert(OrganizationalUnit unit) {
        jdbc.sql(INSERT_UNIT)
                .param("id", unit.id())
                .param("partyId", unit.partyId())
                .param("parentId", unit.parentId())
                .param("name", unit.name())
                .update();
    }

    public List<OrganizationalUnit> units(UUID partyId) {
        return jdbc.sql(UNITS)
                .param("partyId", partyId)
                .query((rs, row) -> new OrganizationalUnit(
                        rs.getObject("id", UUID.class),
                        rs.getObject("party_id", UUID.class),
                        rs.getObject("parent_id", UUID.class),
                        rs.getString("name")))
                .list();
    }

    public void insert(Account account, java.time.Instant createdAt) {
        jdbc.sql(INSERT_ACCOUNT)
                .param("id", account.id().value())
                .param("partyId", account.partyId())
                .param("name", account.name())
                .param("kind", account.kind().name())
                .param("unitId", account.unitId())
                .param("createdAt", Timestamp.from(createdAt))
                .update();
    }

    public void renameUnit(UUID partyId, UUID unitId, String name) {
        jdbc.sql("UPDATE parties.organizational_unit SET name = :name WHERE id = :id AND party_id = :partyId")
                .param("name", name)
                .param("id", unitId)
                .param("partyId", partyId)
                .update();
    }

    public void moveUnit(UUID partyId, UUID unitId, UUID parentId) {
        jdbc.sql("UPDATE parties.organizational_unit SET parent_id = :parentId WHERE id = :id AND party_id = :partyId")
                .param("parentId", parentId)
                .param("id", unitId)
                .param("partyId", partyId)
                .update();
    }

    /** Removes the unit if nothing is in it, no unit and no account; returns whether it did. */
    public boolean removeEmptyUnit(UUID partyId, UUID unitId) {
        return jdbc.sql("""
                        DELETE FROM parties.organizational_unit u
                        WHERE u.id = :id AND u.party_id = :partyId
                          AND NOT EXISTS (SELECT 1 FROM parties.organizational_unit c WHERE c.parent_id = u.id)
                          AND NOT EXISTS (SELECT 1 FROM parties.account a WHERE a.unit_id = u.id)
                        """).param("id", unitId).param("partyId", partyId).update() == 1;
    }

    public void renameAccount(UUID partyId, AccountId id, String name) {
        jdbc.sql("UPDATE parties.account SET name = :name WHERE id = :id AND party_id = :partyId")
                .param("name", name)
                .param("id", id.value())
                .param("partyId", partyId)
                .update();
    }

    public void moveAccount(UUID partyId, AccountId id, UUID unitId) {
        jdbc.sql("UPDATE parties.account SET unit_id = :unitId WHERE id = :id AND party_id = :partyId")
                .param("unitId", unitId)
                .param("id", id.value())
                .param("partyId", partyId)
                .update();
    }

    public void designateProcurement(UUID partyId, AccountId id, boolean procurement) {
        jdbc.sql("UPDATE parties.account SET procurement = :procurement WHERE id = :id AND party_id = :partyId")
                .param("procurement", procurement)
                .param("id", id.value())
                .param("partyId", partyId)
                .update();
    }

    /** Makes the account the party's billing account, or none when {@code id} is absent. */
    public void designateBilling(UUID partyId, @Nullable AccountId id) {
        // The old one first: the unique index on the billing account is checked row by row.
        jdbc.sql("UPDATE parties.account SET billing = false WHERE party_id = :partyId AND billing")
                .param("partyId", partyId)
                .update();
        if (id != null) {
            jdbc.sql("UPDATE parties.account SET billing = true WHERE id = :id AND party_id = :partyId")
                    .param("id", id.value())
                    .param("partyId", partyId)
                    .update();
        }
    }

    public List<Account> accounts(UUID partyId) {
        return jdbc.sql(ACCOUNTS)
                .param("partyId", partyId)
                .query(PartyRepository::account)
                .list();
    }

    public Optional<Account> account(AccountId id) {
        return jdbc.sql(ACCOUNT)
                .param("id", id.value())
                .query(PartyRepository::account)
                .optional();
    }

    private static Party party(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Party(
                rs.getObject("id", UUID.class),
                PartyKind.valueOf(rs.getString("kind")),
                rs.getString("name"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Account account(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Account(
                new AccountId(rs.getString("id")),
                rs.getObject("party_id", UUID.class),
                rs.getString("name"),
                Account.Kind.valueOf(rs.getString("kind")),
                rs.getObject("unit_id", UUID.class),
                rs.getBoolean("procurement"),
                rs.getBoolean("billing"));
    }
}
