package io.offerdesk.gtm;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.offers.OfferFixtures;
import io.offerdesk.support.CsvRecords;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.Polls;
import io.offerdesk.support.SignedInSession;
import io.offerdesk.support.TestApi;
import io.offerdesk.support.TestApi.Reply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Bulk offers over REST and the pages: a 500-row file with ten invalid rows creates 490 drafts and reports the ten
 * with their errors; an XLSX file creates and releases its offers; bad files are 422, other sellers' uploads 404.
 */
@EndToEndTest
class BulkOfferTests {

    static final String OPERATOR = "operator@offerdesk.example";
    static final String PASSWORD = "bulk-offers-test";
    static final String DEMO_PASSWORD = "offerdesk-demo";
    static final String HEADER = "product_id,offer_name,description,buyer_accounts,expiry_date,duration,contract_price,"
            + "grants,payment_schedule,eula,refund_policy";

    record Seller(String admin, String productId) {}

    @Autowired
    TestApi api;

    LocalDate today;

    @BeforeEach
    void clock() {
        today = new OfferFixtures(api).today();
    }

    @Test
    void fiveHundredRowsWithTenInvalidCreate490DraftsAndReportTheTenWithTheirErrors() {
        var seller = seller();
        var invalid = Map.of(
                17, "buyer_accounts",
                60, "buyer_accounts",
                101, "buyer_accounts",
                150, "duration",
                222, "duration",
                301, "duration",
                333, "grants",
                402, "grants",
                450, "expiry_date",
                499, "expiry_date");
        var csv = new StringBuilder(HEADER).append("\r\n");
        for (int i = 0; i < 500; i++) {
            var accounts = "buyer_accounts".equals(invalid.get(i)) ? "12345" : OfferFixtures.GLOBEX_ACCOUNT;
            var duration = "duration".equals(invalid.get(i)) ? "12 months" : "P12M";
            var grants = "grants".equals(invalid.get(i)) ? "analysts" : "analysts=10";
            var expiry = "expiry_date".equals(invalid.get(i))
                    ? "2027-02-30"
                    : today.plusDays(30).toString();
            csv.append(String.join(
                            ",",
                            seller.productId(),
                            "Bulk offer " + i,
                            "\"Row " + i + ", from the bulk test\"",
                            accounts,
                            expiry,
                            duration,
                            "0.00",
                            grants,
                            today.plusDays(40) + "=12000.00",
                            "standard",
                            "Refunds within 30 days."))
                    .append("\r\n");
        }

        var started = System.nanoTime();
        var uploaded =
                upload(seller.admin(), "offers.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(202);
        assertThat(uploaded.json().at("/totalRows").asInt()).isEqualTo(500);
        var id = uploaded.json().at("/id").asString();
        var validated = awaitStatus(seller.admin(), id, "VALIDATED");
        var validatedAfter = System.nanoTime();
        assertThat(validated.at("/rows/VALID").asInt()).isEqualTo(490);
        assertThat(validated.at("/rows/INVALID").asInt()).isEqualTo(10);
        assertThat(validated.at("/processedRows").asInt()).isEqualTo(500);

        var rows = api.get("/api/v1/bulk-offer-uploads/" + id + "/rows?status=INVALID", seller.admin());
        assertThat(rows.status()).as(rows.body()).isEqualTo(200);
        // Row numbers are the file's: the header is row 1, the i-th offer row i + 2.
        var expected = invalid.entrySet().stream().collect(Collectors.toMap(e -> e.getKey() + 2, Map.Entry::getValue));
        var reported = StreamSupport.stream(rows.json().spliterator(), false)
                .collect(Collectors.toMap(r -> r.at("/row").asInt(), r -> r.at("/errors")));
        assertThat(reported.keySet()).isEqualTo(expected.keySet());
        reported.forEach((row, errors) -> {
            assertThat(errors.size()).as("row %d: %s", row, errors).isGreaterThan(0);
            assertThat(errors.get(0).at("/column").asString())
                    .as("row %d: %s", row, errors)
                    .isEqualTo(expected.get(row));
            assertThat(errors.get(0).at("/message").asString()).isNotBlank();
        });

        var submitted =
                api.post("/api/v1/bulk-offer-uploads/" + id + "/submit", seller.admin(), "{\"mode\":\"DRAFT\"}");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        var completed = awaitStatus(seller.admin(), id, "COMPLETED");
        var completedAfter = System.nanoTime();
        assertThat(completed.at("/rows/CREATED").asInt()).isEqualTo(490);
        assertThat(completed.at("/rows/INVALID").asInt()).isEqualTo(10);
        assertThat(completed.at("/rows/FAILED").asInt()).isZero();
        System.out.printf(
                "bulk 500 rows: validated in %d ms, created 490 drafts in %d ms%n",
                (validatedAfter - started) / 1_000_000, (completedAfter - validatedAfter) / 1_000_000);

        var result = api.get("/api/v1/bulk-offer-uploads/" + id + "/result.csv", seller.admin());
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.contentType()).startsWith("text/csv");
        var records = CsvRecords.rows(result.body());
        assertThat(records).hasSize(500);
        var created =
                records.stream().filter(r -> "CREATED".equals(r.get("status"))).toList();
        assertThat(created).hasSize(490);
        assertThat(created).allSatisfy(r -> {
            assertThat(r.get("offer_id")).startsWith("offer-");
            assertThat(r.get("change_set_id")).isNotBlank();
            assertThat(r.get("errors")).isEmpty();
        });
        assertThat(created.stream().map(r -> r.get("offer_id")).distinct()).hasSize(490);
        var failed =
                records.stream().filter(r -> "INVALID".equals(r.get("status"))).toList();
        assertThat(failed).hasSize(10).allSatisfy(r -> {
            var row = Integer.parseInt(r.get("row"));
            assertThat(r.get("errors")).startsWith(expected.get(row) + ": ");
        });

        // A created offer is the seller's draft with the row's values.
        var first = created.getFirst();
        var offer = api.get("/api/v1/offers/" + first.get("offer_id"), seller.admin());
        assertThat(offer.status()).as(offer.body()).isEqualTo(200);
        assertThat(offer.body()).contains("Bulk offer 0").contains("DRAFT");
        // The upload cannot be submitted again.
        var again = api.post("/api/v1/bulk-offer-uploads/" + id + "/submit", seller.admin(), "{\"mode\":\"DRAFT\"}");
        assertThat(again.status()).as(again.body()).isEqualTo(409);
    }

    @Test
    void anXlsxFileCreatesAndReleasesTheReleasableRowsAndSkipsTheOthers() throws IOException {
        var product = new OfferFixtures(api).productId("Acme Insights");
        var workbook = new XSSFWorkbook();
        var sheet = workbook.createSheet("offers");
        var header = sheet.createRow(0);
        var columns = HEADER.split(",");
        for (int c = 0; c < columns.length; c++) {
            header.createCell(c).setCellValue(columns[c]);
        }
        var dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
        for (int r = 1; r <= 3; r++) {
            var row = sheet.createRow(r);
            row.createCell(0).setCellValue(product);
            row.createCell(1).setCellValue(OfferFixtures.unique("Xlsx offer " + r));
            // An account id typed as a number, as a spreadsheet keeps it.
            row.createCell(3).setCellValue(Double.parseDouble(OfferFixtures.GLOBEX_ACCOUNT));
            var expiry = row.createCell(4);
            expiry.setCellValue(today.plusDays(20));
            expiry.setCellStyle(dateStyle);
            row.createCell(5).setCellValue("P12M");
            row.createCell(6).setCellValue("0.00");
            row.createCell(7).setCellValue("analysts=5");
            // The third row has no payment schedule: a valid draft, but it cannot be released.
            if (r < 3) {
                row.createCell(8).setCellValue(today.plusDays(30) + "=5000.00");
            }
            row.createCell(10).setCellValue("Refunds within 30 days.");
        }
        var out = new ByteArrayOutputStream();
        workbook.write(out);
        workbook.close();

        var uploaded = upload(
                OfferFixtures.AUTHOR,
                "offers.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                out.toByteArray());
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(202);
        assertThat(uploaded.json().at("/format").asString()).isEqualTo("XLSX");
        var id = uploaded.json().at("/id").asString();
        var validated = awaitStatus(OfferFixtures.AUTHOR, id, "VALIDATED");
        assertThat(validated.at("/rows/VALID").asInt()).as(validated.toString()).isEqualTo(3);
        var rows = api.get("/api/v1/bulk-offer-uploads/" + id + "/rows", OfferFixtures.AUTHOR)
                .json();
        assertThat(rows.get(0).at("/cells/buyer_accounts").asString()).isEqualTo(OfferFixtures.GLOBEX_ACCOUNT);
        assertThat(rows.get(0).at("/cells/expiry_date").asString())
                .isEqualTo(today.plusDays(20).toString());
        assertThat(rows.get(2).at("/releaseErrors/0/code").asString()).isEqualTo("MISSING_MANDATORY_TERMS");

        var submitted = api.post(
                "/api/v1/bulk-offer-uploads/" + id + "/submit", OfferFixtures.AUTHOR, "{\"mode\":\"RELEASE\"}");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        var completed = awaitStatus(OfferFixtures.AUTHOR, id, "COMPLETED");
        assertThat(completed.at("/rows/RELEASED").asInt()).isEqualTo(2);
        assertThat(completed.at("/rows/SKIPPED").asInt()).isEqualTo(1);
        var released = api.get("/api/v1/bulk-offer-uploads/" + id + "/rows?status=RELEASED", OfferFixtures.AUTHOR)
                .json();
        var offer =
                api.get("/api/v1/buyer/offers/" + released.get(0).at("/offerId").asString(), OfferFixtures.GLOBEX);
        assertThat(offer.status()).as(offer.body()).isEqualTo(200);
    }

    @Test
    void filesThatAreNotTheTemplateAre422AndOnlyTheOwnerSeesAnUpload() {
        var wrongHeaders = upload(
                OfferFixtures.AUTHOR,
                "offers.csv",
                "text/csv",
                "product,name\r\nprod-x,Offer\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(wrongHeaders.status()).as(wrongHeaders.body()).isEqualTo(422);
        assertThat(wrongHeaders.body()).contains("\"file\"").contains("product_id");
        var notCsv = upload(OfferFixtures.AUTHOR, "offers.pdf", "application/pdf", new byte[] {
            '%', 'P', 'D', 'F', '-', 1, 0, (byte) 0xff, (byte) 0xfe
        });
        assertThat(notCsv.status()).as(notCsv.body()).isEqualTo(422);
        assertThat(notCsv.body()).contains("\"file\"");
        var brokenZip = upload(OfferFixtures.AUTHOR, "offers.xlsx", "application/zip", new byte[] {'P', 'K', 3, 4, 0});
        assertThat(brokenZip.status()).as(brokenZip.body()).isEqualTo(422);

        var template = api.get("/api/v1/bulk-offer-uploads/template.csv", OfferFixtures.AUTHOR);
        assertThat(template.status()).isEqualTo(200);
        assertThat(CsvRecords.parse(template.body()).getFirst()).contains("product_id", "buyer_accounts");
        var xlsxTemplate = api.send(api.request("/api/v1/bulk-offer-uploads/template.xlsx", OfferFixtures.AUTHOR)
                .GET());
        assertThat(xlsxTemplate.status()).isEqualTo(200);

        var product = new OfferFixtures(api).productId("Acme Insights");
        var csv = HEADER + "\r\n" + product + ",Owner only,," + OfferFixtures.GLOBEX_ACCOUNT + "," + today.plusDays(10)
                + ",P12M,,,,standard,\r\n";
        var uploaded = upload(OfferFixtures.AUTHOR, "one.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(202);
        var id = uploaded.json().at("/id").asString();
        for (var path : List.of("", "/rows", "/result.csv")) {
            assertThat(api.get("/api/v1/bulk-offer-uploads/" + id + path, OfferFixtures.NIMBUS)
                            .status())
                    .as(path)
                    .isEqualTo(404);
        }
        assertThat(api.post(
                                "/api/v1/bulk-offer-uploads/" + id + "/submit",
                                OfferFixtures.NIMBUS,
                                "{\"mode\":\"DRAFT\"}")
                        .status())
                .isEqualTo(404);
        var badMode =
                api.post("/api/v1/bulk-offer-uploads/" + id + "/submit", OfferFixtures.AUTHOR, "{\"mode\":\"NOW\"}");
        assertThat(badMode.status()).isEqualTo(422);
        assertThat(badMode.body()).contains("\"mode\"");
        // A buyer makes no offers.
        assertThat(upload(OfferFixtures.GLOBEX, "one.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(403);
        awaitStatus(OfferFixtures.AUTHOR, id, "VALIDATED");
    }

    @Test
    void thePagesUploadPreviewSubmitShowProgressAndGiveTheResultFile() {
        var product = new OfferFixtures(api).productId("Acme Insights");
        var session = new SignedInSession(api, OfferFixtures.AUTHOR, DEMO_PASSWORD);
        var list = session.get("/bulk-offers");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(text(list.body())).contains("id=\"bulk-upload\"").contains("/bulk-offers/template.xlsx");
        var template = session.get("/bulk-offers/template.csv");
        assertThat(template.statusCode()).isEqualTo(200);

        var csv = HEADER + "\r\n" + product + ",Page offer,," + OfferFixtures.GLOBEX_ACCOUNT + "," + today.plusDays(10)
                + ",P12M,0.00,analysts=1," + today.plusDays(20) + "=100.00,standard,\r\n" + product
                + ",Bad page offer,,42," + today.plusDays(10) + ",P12M,,,,standard,\r\n";
        var posted = session.postFile(
                "/bulk-offers", "/bulk-offers", "file", "page.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(posted.statusCode()).isEqualTo(302);
        var location = posted.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/bulk-offers/bulk-");
        var id = location.substring(location.lastIndexOf('/') + 1);

        awaitStatus(OfferFixtures.AUTHOR, id, "VALIDATED");
        var done = session.get("/bulk-offers/" + id + "/progress");
        assertThat(done.headers().firstValue("HX-Refresh")).contains("true");
        var preview = text(session.get("/bulk-offers/" + id).body());
        assertThat(preview)
                .contains("id=\"bulk-submit\"")
                .contains("data-status=\"INVALID\"")
                .contains("buyer_accounts");

        var submitted = session.post("/bulk-offers/" + id, "/bulk-offers/" + id + "/submit", "mode=DRAFT");
        assertThat(submitted.statusCode()).isEqualTo(302);
        awaitStatus(OfferFixtures.AUTHOR, id, "COMPLETED");
        var result = session.get("/bulk-offers/" + id + "/result.csv");
        assertThat(result.statusCode()).isEqualTo(200);
        var records = CsvRecords.rows(text(result.body()));
        assertThat(records).extracting(r -> r.get("status")).containsExactly("CREATED", "INVALID");

        var other = new SignedInSession(api, OfferFixtures.NIMBUS, DEMO_PASSWORD);
        assertThat(other.get("/bulk-offers/" + id).statusCode()).isEqualTo(404);
    }

    private Reply upload(String email, String fileName, String contentType, byte[] content) {
        return api.upload("/api/v1/bulk-offer-uploads", email, fileName, contentType, content);
    }

    /** Polls the upload as a client would until it reaches the status. */
    private JsonNode awaitStatus(String email, String id, String status) {
        return Polls.poll("upload " + id + " to become " + status, Duration.ofMillis(100), Duration.ofMinutes(5))
                .until(
                        () -> {
                            var upload = api.get("/api/v1/bulk-offer-uploads/" + id, email);
                            assertThat(upload.status()).as(upload.body()).isEqualTo(200);
                            return upload.json();
                        },
                        upload -> upload.at("/status").asString().equals(status));
    }

    /** A seller of its own, so that its 490 drafts stay out of the demo seller's lists. */
    private Seller seller() {
        var slug = "bulk" + UUID.randomUUID().toString().substring(0, 8);
        var account = "7" + "%011d".formatted(ThreadLocalRandom.current().nextLong(100_000_000_000L));
        var admin = "admin@" + slug + ".example";
        var onboarded = api.post("/api/v1/parties", OPERATOR, """
                {"kind":"SELLER","name":"Bulk %s","accountId":"%s","adminEmail":"%s","adminName":"Bea Bulk"}""".formatted(slug, account, admin));
        assertThat(onboarded.status()).as(onboarded.body()).isEqualTo(201);
        var token = onboarded.json().at("/adminInvitationToken").asString();
        var accepted =
                api.post("/api/v1/invitations/" + token + "/accept", null, "{\"password\":\"" + PASSWORD + "\"}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        var created = api.post("/api/v1/products", admin, """
                {"type":"SAAS","title":"%s","shortDescription":"Sold in bulk",
                 "dimensions":[{"key":"analysts","name":"Analysts","unit":"Users","type":"ENTITLED"}],
                 "fulfillmentUrl":"https://bulk.example/signup",
                 "publicOffer":{"pricingModels":["CONTRACT"],
                   "prices":[{"model":"CONTRACT","dimensionKey":"analysts","durationMonths":12,"amount":"90000","currency":"USD"}]}}""".formatted(OfferFixtures.unique("Bulk product")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Seller(admin, created.json().at("/id").asString());
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
