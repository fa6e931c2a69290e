package io.offerdesk.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * Products of the demo seller for the read scenarios, created through the API as a seller would create them, once per
 * run however many scenarios read them.
 */
final class SellerCatalog {

    /** The smallest product the catalog accepts; only the title differs between products. */
    private static final String PRODUCT = """
            {"type":"SAAS","title":"Bench product %d","shortDescription":"A product",\
            "dimensions":[{"key":"users","name":"Users","unit":"Users","type":"ENTITLED"}],\
            "fulfillmentUrl":"https://127.0.0.1:9/signup"}""";

    private static final String ID_PREFIX = "prod-";

    private final OfferdeskApi api;
    private final int size;
    private final JsonMapper json = JsonMapper.builder().build();
    private List<String> productIds = List.of();

    SellerCatalog(OfferdeskApi api, int size) {
        this.api = api;
        this.size = size;
    }

    /** How many products this run created: none unless a scenario asked for them. */
    int created() {
        return productIds.size();
    }

    List<String> productIds() throws IOException, InterruptedException {
        if (productIds.isEmpty()) {
            productIds = create();
        }
        return productIds;
    }

    private List<String> create() throws IOException, InterruptedException {
        var ids = new ArrayList<String>(size);
        for (int number = 1; number <= size; number++) {
            var request = api.post(
                    "/api/v1/products",
                    PRODUCT.formatted(number),
                    UUID.randomUUID().toString());
            var id = json.readTree(api.exchange(request, 201)).path("id").asString();
            if (!id.startsWith(ID_PREFIX)) {
                throw new IOException("POST /api/v1/products answered 201 without a product id: " + id);
            }
            ids.add(id);
        }
        return List.copyOf(ids);
    }
}
