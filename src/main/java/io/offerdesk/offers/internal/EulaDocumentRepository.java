package io.offerdesk.offers.internal;

import io.offerdesk.offers.EulaDocument;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Uploaded custom EULAs: their facts and their bytes. */
@Repository
public class EulaDocumentRepository {

    private static final String COLUMNS =
            "SELECT id, seller_party_id, file_name, size_bytes, sha256, uploaded_at FROM offers.eula_document ";

    private final JdbcClient jdbc;

    EulaDocumentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(EulaDocument document, byte[] content, String uploadedBy) {
        jdbc.sql("""
                        INSERT INTO offers.eula_document (id, seller_party_id, file_name, size_bytes, sha256, content,
                                                          uploaded_at, uploaded_by)
                        VALUES (:id, :seller, :fileName, :size, :sha256, :content, :uploadedAt, :uploadedBy)
                        """)
                .param("id", document.id())
                .param("seller", document.sellerPartyId())
                .param("fileName", document.fileName())
                .param("size", document.sizeBytes())
                .param("sha256", document.sha256())
                .param("content", content)
                .param("uploadedAt", Timestamp.from(document.uploadedAt()))
                .param("uploadedBy", uploadedBy)
                .update();
    }

    public Optional<EulaDocument> find(UUID seller, UUID id) {
        return jdbc.sql(COLUMNS + "WHERE id = :id AND seller_party_id = :seller")
                .param("id", id)
                .param("seller", seller)
                .query(EulaDocumentRepository::document)
                .optional();
    }

    public Optional<byte[]> content(UUID id) {
        return jdbc.sql("SELECT content FROM offers.eula_document WHERE id = :id")
                .param("id", id)
                .query((rs, row) -> rs.getBytes(1))
                .optional();
    }

    private static EulaDocument document(ResultSet rs, int row) throws SQLException {
        return new EulaDocument(
                rs.getObject("id", UUID.class),
                rs.getObject("seller_party_id", UUID.class),
                rs.getString("file_name"),
                rs.getInt("size_bytes"),
                rs.getString("sha256"),
                rs.getTimestamp("uploaded_at").toInstant());
    }
}
