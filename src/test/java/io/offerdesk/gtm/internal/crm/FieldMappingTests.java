package io.offerdesk.gtm.internal.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offerdesk.gtm.internal.crm.FieldMapping.Target;
import io.offerdesk.shared.FieldViolation;
import io.offerdesk.shared.InvalidInput;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FieldMappingTests {

    static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    /** The documented example with its placeholders filled, as an owner would save it. */
    static FieldMapping salesforce() {
        return FieldMapping.parse(json(CrmPages.EXAMPLE_MAPPING
                .replace("REPLACE-WITH-TEMPLATE-ID", "otpl-three-year")
                .replace("REPLACE-WITH-PRODUCT-ID", "prod-insights")));
    }

    @Test
    void theDocumentedSalesforceExampleMapsTheDocumentedOpportunity() {
        var outcome = salesforce().apply(json(CrmPages.EXAMPLE_PAYLOAD));

        assertThat(outcome.triggered()).isTrue();
        assertThat(outcome.violations()).isEmpty();
        assertThat(outcome.value(Target.EXTERNAL_ID)).isEqualTo("0065g00000AbCdEAAZ");
        assertThat(outcome.value(Target.TEMPLATE_ID)).isEqualTo("otpl-three-year");
        assertThat(outcome.value(Target.PRODUCT_ID)).isEqualTo("prod-insights");
        assertThat(outcome.value(Target.BUYER_ACCOUNT_IDS)).isEqualTo("400000000001,400000000002");
        assertThat(outcome.value(Target.OFFER_NAME)).isEqualTo("Globex - Insights, 3 years");
        assertThat(outcome.value(Target.DISCOUNT_PERCENT)).isEqualTo("30");
        assertThat(outcome.value(Target.CONTRACT_PRICE)).isNull();
    }

    @Test
    void aPayloadTheTriggerDoesNotMatchIsNotRead() {
        var outcome = salesforce().apply(json("""
                {"Id": "006A", "StageName": "Negotiation"}"""));

        assertThat(outcome.triggered()).isFalse();
        assertThat(outcome.values()).isEmpty();
        assertThat(outcome.violations()).isEmpty();
    }

    @Test
    void eachFieldThePayloadCannotFillIsNamed() {
        var outcome = salesforce().apply(json("""
                {"StageName": "Closed Won", "Offer_Template__c": "One-year monthly", "Product_Code__c": "X",
                 "Account": {"AWS_Account_Ids__c": " ; "}}"""));

        assertThat(outcome.triggered()).isTrue();
        assertThat(outcome.violations())
                .extracting(FieldViolation::field, FieldViolation::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("payload.externalId", "crm.payload.missing"),
                        org.assertj.core.groups.Tuple.tuple("payload.templateId", "crm.payload.notInLookup"),
                        org.assertj.core.groups.Tuple.tuple("payload.productId", "crm.payload.notInLookup"),
                        org.assertj.core.groups.Tuple.tuple("payload.buyerAccountIds", "crm.payload.missing"),
                        org.assertj.core.groups.Tuple.tuple("payload.productId", "crm.payload.productOrResale"));
        assertThat(outcome.violations().getFirst().arguments()).containsExactly("/Id");
    }

    @Test
    void accountsComeAsAnArrayOrSeparatedTextAndDefaultsFillGaps() {
        var mapping = FieldMapping.parse(json("""
                {"fields": {
                  "externalId": {"pointer": "/quote/number"},
                  "templateId": {"value": "otpl-1"},
                  "resaleAuthorizationId": {"pointer": "/quote/ra"},
                  "buyerAccountIds": {"pointer": "/quote/accounts"},
                  "quantity": {"pointer": "/quote/seats", "default": "10"},
                  "contractPrice": {"pointer": "/quote/total"}}}"""));

        var outcome = mapping.apply(json("""
                {"quote": {"number": 17, "ra": "ra-1", "accounts": ["400000000001", "400000000001", "400000000003"],
                           "total": 120000.50}}"""));

        assertThat(outcome.violations()).isEmpty();
        assertThat(outcome.value(Target.EXTERNAL_ID)).isEqualTo("17");
        assertThat(outcome.value(Target.TEMPLATE_ID)).isEqualTo("otpl-1");
        assertThat(outcome.value(Target.BUYER_ACCOUNT_IDS)).isEqualTo("400000000001,400000000003");
        assertThat(outcome.value(Target.QUANTITY)).isEqualTo("10");
        assertThat(outcome.value(Target.CONTRACT_PRICE)).isEqualTo("120000.50");
    }

    @Test
    void aMappingIsRefusedWithThePlaceOfEachMistake() {
        assertThatThrownBy(() -> FieldMapping.parse(json("""
                        {"trigger": {"pointer": "StageName", "values": []},
                         "fields": {
                           "externalId": {"pointer": "/Id", "value": "x"},
                           "templateID": {"value": "otpl-1"},
                           "buyerAccountIds": {"pointer": "/a", "lookp": {}}},
                         "extra": 1}""")))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        invalid -> assertThat(invalid.violations())
                                .extracting(FieldViolation::field)
                                .containsExactlyInAnyOrder(
                                        "mapping.extra",
                                        "mapping.fields.templateID",
                                        "mapping.fields.buyerAccountIds.lookp"));
        assertThatThrownBy(() -> FieldMapping.parse(json("""
                        {"trigger": {"pointer": "StageName", "values": []},
                         "fields": {
                           "externalId": {"pointer": "/Id", "value": "x"},
                           "buyerAccountIds": {"pointer": "/a"}}}""")))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        invalid -> assertThat(invalid.violations())
                                .extracting(FieldViolation::field)
                                .containsExactlyInAnyOrder(
                                        "mapping.trigger.pointer",
                                        "mapping.trigger.values",
                                        "mapping.fields.externalId",
                                        "mapping.fields.templateId",
                                        "mapping.fields.productId"));
        assertThatThrownBy(() -> FieldMapping.parse(json("[]")))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        invalid -> assertThat(invalid.violations())
                                .extracting(FieldViolation::field)
                                .containsExactly("mapping"));
    }

    @Test
    void theDocumentReadsBackAsTheSameMapping() {
        var mapping = salesforce();

        assertThat(FieldMapping.parse(JSON.valueToTree(mapping.document()))).isEqualTo(mapping);
    }
}
