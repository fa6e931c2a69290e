package io.offerdesk.offers;

import static io.offerdesk.offers.OfferFixtures.AUTHOR;
import static io.offerdesk.offers.OfferFixtures.GLOBEX;
import static io.offerdesk.offers.OfferFixtures.GLOBEX_ACCOUNT;
import static io.offerdesk.offers.OfferFixtures.INITECH;
import static io.offerdesk.offers.OfferFixtures.NIMBUS;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.TestApi;
import io.offerdesk.support.TestApi.Reply;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Custom EULAs: only PDFs within the limit are kept, and only the offer's seller and buyers can read them. */
@EndToEndTest
class EulaDocumentsApiTests {

    static final byte[] PDF =
            "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    TestApi api;

    OfferFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new OfferFixtures(api);
    }

    Reply upload(String email, byte[] content) {
        return api.send(api.request("/api/v1/eula-documents?fileName=terms.pdf", email)
                .header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)));
    }

    @Test
    void refusesWhatIsNotAPdfAndWhatIsTooLarge() {
        var text = upload(AUTHOR, "just text".getBytes(StandardCharsets.UTF_8));
        assertThat(text.status()).isEqualTo(422);
        assertThat(text.json().at("/errors/0/field").asString()).isEqualTo("file");

        var large = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, large, 0, PDF.length);
        var tooLarge = upload(AUTHOR, large);
        assertThat(tooLarge.status()).isEqualTo(422);
        assertThat(tooLarge.json().at("/errors/0/field").asString()).isEqualTo("file");

        assertThat(upload(GLOBEX, PDF).status()).isEqualTo(403);
    }

    @Test
    void theOffersEulaIsServedToItsSellerAndBuyerOnly() {
        var uploaded = upload(AUTHOR, PDF);
        assertThat(uploaded.status()).isEqualTo(201);
        var url = uploaded.json().at("/url").asString();
        assertThat(url).startsWith("/api/v1/eula-documents/");
        assertThat(uploaded.json().at("/sha256").asString()).hasSize(64);
        assertThat(api.get(url, NIMBUS).status()).isEqualTo(404);

        var done = fixtures.run(
                AUTHOR,
                fixtures.privateOffer(
                        fixtures.productId("Acme Insights"), OfferFixtures.unique("EULA"), GLOBEX_ACCOUNT, url));
        assertThat(done.at("/status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        var offer = done.at("/changeSet/0/entity/identifier").asString().replaceAll("@.*", "");

        var buyer = api.get("/api/v1/buyer/offers/" + offer + "/eula", GLOBEX);
        assertThat(buyer.status()).isEqualTo(200);
        assertThat(buyer.contentType()).isEqualTo("application/pdf");
        assertThat(buyer.body()).startsWith("%PDF-");
        assertThat(api.get("/api/v1/offers/" + offer + "/eula", AUTHOR).status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/buyer/offers/" + offer + "/eula", INITECH).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/offers/" + offer + "/eula", NIMBUS).status())
                .isEqualTo(404);
    }
}
