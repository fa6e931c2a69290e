"""Drives Offerdesk's /aws/catalog with boto3 as an ISV and its channel partner would for a channel partner private offer
(CPPO), and prints what happened as JSON for CatalogResaleWireTests to check. Nothing here knows Offerdesk: only the
endpoint URL is changed.

Usage: python3 catalog_resale.py '<json arguments>': the endpoint, the ISV's, the partner's and another partner's keys,
the product, the partner's and the buyer's accounts, today's date (the simulated clock's) and a unique name."""
import datetime
import json
import sys
import time

import wire

ARGS = json.loads(sys.argv[1])
TODAY = datetime.date.fromisoformat(ARGS["today"])
CATALOG = "AWSMarketplace"


def client(keys):
    return wire.client("marketplace-catalog", ARGS["endpoint"], keys)


outcome = wire.outcome


def change(change_type, entity_type, details, identifier, name=None, tags=None):
    entity = {"Type": entity_type}
    if identifier:
        entity["Identifier"] = identifier
    c = {"ChangeType": change_type, "Entity": entity, "DetailsDocument": details}
    if name:
        c["ChangeName"] = name
    if tags:
        c["EntityTags"] = [{"Key": k, "Value": v} for k, v in tags.items()]
    return c


def authorization_changes():
    """The ISV's single-use authorization for the partner to sell to one buyer: ten analysts for twelve months, paid
    in two wholesale installments, released in the same change set."""
    def ra(change_type, details):
        return change(change_type, "ResaleAuthorization@1.0", details, "$A.Entity.Identifier")
    return [
        change("CreateResaleAuthorization", "ResaleAuthorization@1.0",
               {"ProductId": ARGS["product"], "Name": ARGS["name"], "ResellerAccountId": ARGS["partnerAccount"]},
               None, name="A", tags={"partner": "northwind"}),
        ra("UpdateBuyerTargetingTerms", {"Terms": [
            {"Type": "BuyerTargetingTerm", "PositiveTargeting": {"BuyerAccounts": [ARGS["buyerAccount"]]}}]}),
        ra("UpdateAvailability", {"AvailabilityEndDate": (TODAY + datetime.timedelta(days=30)).isoformat(),
                                  "OffersMaxQuantity": 1}),
        ra("UpdateLegalTerms", {"Terms": [{"Type": "BuyerLegalTerm", "Documents": [
            {"Type": "StandardEula", "Url": "https://acme.example/eula.pdf"}]}]}),
        ra("UpdatePricingTerms", {"PricingModel": "Contract", "Terms": [
            {"Type": "ResaleFixedUpfrontPricingTerm", "CurrencyCode": "USD", "Price": "0.0", "Duration": "P12M",
             "Grants": [{"DimensionKey": "analysts", "MaxQuantity": 10}]}]}),
        ra("UpdatePaymentScheduleTerms", {"Terms": [{"Type": "ResalePaymentScheduleTerm", "CurrencyCode": "USD",
                                                     "Schedule": [
            {"ChargeDate": (TODAY + datetime.timedelta(days=40)).isoformat(), "ChargeAmount": "1000.00"},
            {"ChargeDate": (TODAY + datetime.timedelta(days=70)).isoformat(), "ChargeAmount": "333.33"}]}]}),
        ra("ReleaseResaleAuthorization", {}),
    ]


def cppo_changes(authorization_id):
    """The partner's offer from the authorization, as AWS's publish_cppo_price_markup example builds it."""
    def offer(change_type, details):
        return change(change_type, "Offer@1.0", details, "$O.Entity.Identifier")
    return [
        change("CreateOfferUsingResaleAuthorization", "Offer@1.0",
               {"ResaleAuthorizationId": authorization_id, "Name": ARGS["name"] + " via partner"}, None, name="O",
               tags={"customer": "globex", "tier": "gold"}),
        offer("UpdateInformation", {"Description": "Marked up by boto3"}),
        offer("UpdateMarkup", {"Percentage": "8"}),
        offer("UpdateTargeting", {"PositiveTargeting": {"BuyerAccounts": [ARGS["buyerAccount"]]}}),
        offer("UpdateAvailability", {"AvailabilityEndDate": (TODAY + datetime.timedelta(days=10)).isoformat()}),
        offer("UpdateValidityTerms", {"Terms": [{"Type": "ValidityTerm", "AgreementDuration": "P12M"}]}),
        offer("ReleaseOffer", {}),
    ]


def until_final(c, change_set_id):
    """Polls as a seller's script does."""
    for _ in range(100):
        described = outcome(lambda: c.describe_change_set(Catalog=CATALOG, ChangeSetId=change_set_id))
        if not described["ok"] or described["response"]["Status"] in ("SUCCEEDED", "FAILED", "CANCELLED"):
            return described
        time.sleep(0.2)
    return described


def created_id(described):
    """The id of the entity the set's first change created; a set that did not succeed stops the scenario, its
    description kept for the test to show."""
    if not described["ok"] or described["response"]["Status"] != "SUCCEEDED":
        raise Stop()
    return described["response"]["ChangeSet"][0]["Entity"]["Identifier"].split("@")[0]


class Stop(Exception):
    pass


def scenario():
    isv = client(ARGS["isv"])
    partner = client(ARGS["partner"])
    other = client(ARGS["otherPartner"])
    result = RESULT

    result["raStarted"] = outcome(lambda: isv.start_change_set(
        Catalog=CATALOG, ChangeSet=authorization_changes(), ChangeSetName="boto3 resale authorization"))
    result["raDescribed"] = until_final(isv, result["raStarted"]["response"]["ChangeSetId"])
    ra_id = created_id(result["raDescribed"])
    result["raId"] = ra_id
    result["isvRa"] = outcome(lambda: isv.describe_entity(Catalog=CATALOG, EntityId=ra_id))

    result["sharedList"] = outcome(lambda: partner.list_entities(
        Catalog=CATALOG, EntityType="ResaleAuthorization", OwnershipType="SHARED",
        EntityTypeFilters={"ResaleAuthorizationFilters": {"ProductId": {"ValueList": [ARGS["product"]]}}}))
    result["partnerRa"] = outcome(lambda: partner.describe_entity(Catalog=CATALOG, EntityId=ra_id))
    result["otherSharedList"] = outcome(lambda: other.list_entities(
        Catalog=CATALOG, EntityType="ResaleAuthorization", OwnershipType="SHARED"))
    result["otherRa"] = outcome(lambda: other.describe_entity(Catalog=CATALOG, EntityId=ra_id))
    result["otherCppo"] = outcome(lambda: other.start_change_set(Catalog=CATALOG, ChangeSet=cppo_changes(ra_id)))
    result["otherCppoDescribed"] = until_final(other, result["otherCppo"]["response"]["ChangeSetId"])

    result["cppoStarted"] = outcome(lambda: partner.start_change_set(
        Catalog=CATALOG, ChangeSet=cppo_changes(ra_id), ChangeSetName="boto3 cppo"))
    result["cppoDescribed"] = until_final(partner, result["cppoStarted"]["response"]["ChangeSetId"])
    offer_id = created_id(result["cppoDescribed"])
    result["offerId"] = offer_id
    result["cppo"] = outcome(lambda: partner.describe_entity(Catalog=CATALOG, EntityId=offer_id))
    result["partnerOffers"] = outcome(lambda: partner.list_entities(
        Catalog=CATALOG, EntityType="Offer",
        EntityTypeFilters={"OfferFilters": {"Name": {"WildCardValue": ARGS["name"] + "*"}}}))
    result["isvCppo"] = outcome(lambda: isv.describe_entity(Catalog=CATALOG, EntityId=offer_id))
    result["isvBatch"] = outcome(lambda: isv.batch_describe_entities(
        EntityRequestList=[{"Catalog": CATALOG, "EntityId": offer_id}]))
    result["isvOffers"] = outcome(lambda: isv.list_entities(
        Catalog=CATALOG, EntityType="Offer",
        EntityTypeFilters={"OfferFilters": {"Name": {"WildCardValue": ARGS["name"] + "*"}}}))
    result["raAfterUse"] = outcome(lambda: partner.describe_entity(Catalog=CATALOG, EntityId=ra_id))

    # ListEntities' offer and resale authorization filters and sorts
    day_before = (TODAY - datetime.timedelta(days=1)).isoformat() + "T00:00:00Z"
    result["byAuthorization"] = outcome(lambda: partner.list_entities(
        Catalog=CATALOG, EntityType="Offer",
        EntityTypeFilters={"OfferFilters": {"ResaleAuthorizationId": {"ValueList": [ra_id]}}}))
    result["byIdsTargetingAndDate"] = outcome(lambda: partner.list_entities(
        Catalog=CATALOG, EntityType="Offer",
        EntityTypeFilters={"OfferFilters": {
            "EntityId": {"ValueList": [offer_id, "offer-zzzzzzzzzzzzz"]},
            "Targeting": {"ValueList": ["BuyerAccounts"]},
            "LastModifiedDate": {"DateRange": {"AfterValue": day_before}},
            "ProductId": {"ValueList": [ARGS["product"], "prod-zzzzzzzzzzzzz"]},
            "Name": {"ValueList": [ARGS["name"] + " via partner"]},
            "State": {"ValueList": ["Released"]}}}))
    result["publicOnly"] = outcome(lambda: partner.list_entities(
        Catalog=CATALOG, EntityType="Offer",
        EntityTypeFilters={"OfferFilters": {"EntityId": {"ValueList": [offer_id]},
                                            "Targeting": {"ValueList": ["None"]}}}))
    result["notModifiedSince"] = outcome(lambda: partner.list_entities(
        Catalog=CATALOG, EntityType="Offer",
        EntityTypeFilters={"OfferFilters": {"EntityId": {"ValueList": [offer_id]},
                                            "LastModifiedDate": {"DateRange": {"BeforeValue": day_before}}}}))
    result["sortedById"] = outcome(lambda: isv.list_entities(
        Catalog=CATALOG, EntityType="Offer", MaxResults=10,
        EntityTypeSort={"OfferSort": {"SortBy": "EntityId", "SortOrder": "ASCENDING"}}))
    result["sortedByTargeting"] = outcome(lambda: isv.list_entities(
        Catalog=CATALOG, EntityType="Offer", MaxResults=50,
        EntityTypeSort={"OfferSort": {"SortBy": "Targeting", "SortOrder": "ASCENDING"}}))
    result["countryTargeting"] = outcome(lambda: partner.list_entities(
        Catalog=CATALOG, EntityType="Offer",
        EntityTypeFilters={"OfferFilters": {"Targeting": {"ValueList": ["CountryCodes"]}}}))
    result["sharedFiltered"] = outcome(lambda: partner.list_entities(
        Catalog=CATALOG, EntityType="ResaleAuthorization", OwnershipType="SHARED",
        EntityTypeFilters={"ResaleAuthorizationFilters": {
            "EntityId": {"ValueList": [ra_id]},
            "Name": {"WildCardValue": ARGS["name"][:12] + "*"},
            "CreatedDate": {"DateRange": {"AfterValue": day_before}},
            "Status": {"ValueList": ["Active"]}}},
        EntityTypeSort={"ResaleAuthorizationSort": {"SortBy": "Name", "SortOrder": "ASCENDING"}}))
    draft = until_final(isv, isv.start_change_set(Catalog=CATALOG, ChangeSet=[change(
        "CreateResaleAuthorization", "ResaleAuthorization@1.0",
        {"ProductId": ARGS["product"], "Name": ARGS["name"] + " draft", "ResellerAccountId": ARGS["partnerAccount"]},
        None)])["ChangeSetId"])
    result["draftRaId"] = created_id(draft)
    result["isvRasSorted"] = outcome(lambda: isv.list_entities(
        Catalog=CATALOG, EntityType="ResaleAuthorization",
        EntityTypeFilters={"ResaleAuthorizationFilters": {"EntityId": {"ValueList": [ra_id, result["draftRaId"]]}}},
        EntityTypeSort={"ResaleAuthorizationSort": {"SortBy": "EntityId", "SortOrder": "DESCENDING"}}))
    result["byLegalName"] = outcome(lambda: partner.list_entities(
        Catalog=CATALOG, EntityType="ResaleAuthorization", OwnershipType="SHARED",
        EntityTypeFilters={"ResaleAuthorizationFilters": {"ResellerLegalName": {"ValueList": ["Northwind"]}}}))

    # EntityTags on a change tag the entity it created, each for its owner
    result["raTags"] = outcome(lambda: isv.list_tags_for_resource(ResourceArn=result["isvRa"]["response"]["EntityArn"]))
    result["cppoTags"] = outcome(lambda: partner.list_tags_for_resource(
        ResourceArn=result["cppo"]["response"]["EntityArn"]))
    result["isvCppoTags"] = outcome(lambda: isv.list_tags_for_resource(
        ResourceArn=result["cppo"]["response"]["EntityArn"]))
    result["badEntityTags"] = outcome(lambda: isv.start_change_set(Catalog=CATALOG, ChangeSet=[
        change("UpdateInformation", "ResaleAuthorization@1.0", {"Description": "x"}, ra_id,
               tags={"k" * 129: "v"})]))


RESULT = {}
try:
    scenario()
except Stop:
    pass
print(json.dumps(RESULT, default=str))
