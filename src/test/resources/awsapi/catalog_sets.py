"""Drives Offerdesk's /aws/catalog with boto3 for offer sets and private-marketplace experiences, and prints what
happened as JSON for CatalogOfferSetAndExperienceWireTests to check. Nothing here knows Offerdesk: only the endpoint
URL is changed.

Usage: python3 catalog_sets.py '<json arguments>': the endpoint, the seller's, another seller's and a buyer
administrator's keys, two of the seller's draft private offers, a product and a unique name."""
import json
import sys
import time

import wire

ARGS = json.loads(sys.argv[1])
CATALOG = "AWSMarketplace"
outcome = wire.outcome


def client(keys):
    return wire.client("marketplace-catalog", ARGS["endpoint"], keys)


def until_final(c, change_set_id):
    """Polls as a seller's script does."""
    for _ in range(100):
        described = outcome(lambda: c.describe_change_set(Catalog=CATALOG, ChangeSetId=change_set_id))
        if not described["ok"] or described["response"]["Status"] in ("SUCCEEDED", "FAILED", "CANCELLED"):
            return described
        time.sleep(0.2)
    return described


def created(c, changes):
    started = c.start_change_set(Catalog=CATALOG, ChangeSet=changes)
    described = until_final(c, started["ChangeSetId"])
    if not described["ok"] or described["response"]["Status"] != "SUCCEEDED":
        raise SystemExit(json.dumps({"failed": described}, default=str))
    return [c["Entity"]["Identifier"].split("@")[0] for c in described["response"]["ChangeSet"]]


def scenario():
    seller = client(ARGS["seller"])
    other = client(ARGS["otherSeller"])
    buyer = client(ARGS["buyerAdmin"])
    result = {}
    name = ARGS["name"]
    first = created(seller, [
        {"ChangeType": "CreateOfferSet", "ChangeName": "S", "Entity": {"Type": "OfferSet@1.0"},
         "DetailsDocument": {"Name": name + " A", "BuyerNotes": "Read me"}},
        {"ChangeType": "AssociateOffers", "Entity": {"Type": "OfferSet@1.0", "Identifier": "$S.Entity.Identifier"},
         "DetailsDocument": {"Offers": [{"OfferId": offer} for offer in ARGS["offers"]]}}])[0]
    second = created(seller, [{"ChangeType": "CreateOfferSet", "Entity": {"Type": "OfferSet@1.0"},
                               "DetailsDocument": {"Name": name + " B", "BuyerNotes": "Read me"}}])[0]
    result["setIds"] = [first, second]
    result["set"] = outcome(lambda: seller.describe_entity(Catalog=CATALOG, EntityId=first))
    result["batch"] = outcome(lambda: seller.batch_describe_entities(EntityRequestList=[
        {"Catalog": CATALOG, "EntityId": first}, {"Catalog": CATALOG, "EntityId": second}]))
    result["sets"] = outcome(lambda: seller.list_entities(
        Catalog=CATALOG, EntityType="OfferSet",
        EntityTypeFilters={"OfferSetFilters": {"EntityId": {"ValueList": [first, second]},
                                               "State": {"ValueList": ["Draft"]}}},
        EntityTypeSort={"OfferSetSort": {"SortBy": "Name", "SortOrder": "DESCENDING"}}))
    result["setsByName"] = outcome(lambda: seller.list_entities(
        Catalog=CATALOG, EntityType="OfferSet",
        EntityTypeFilters={"OfferSetFilters": {"Name": {"ValueList": [name + " A"]}}}))
    result["setsWithOffer"] = outcome(lambda: seller.list_entities(
        Catalog=CATALOG, EntityType="OfferSet",
        EntityTypeFilters={"OfferSetFilters": {"AssociatedOfferIds": {"ValueList": [ARGS["offers"][1]]}}}))
    result["releasedSets"] = outcome(lambda: seller.list_entities(
        Catalog=CATALOG, EntityType="OfferSet",
        EntityTypeFilters={"OfferSetFilters": {"EntityId": {"ValueList": [first, second]},
                                               "State": {"ValueList": ["Released"]}}}))
    result["bySolution"] = outcome(lambda: seller.list_entities(
        Catalog=CATALOG, EntityType="OfferSet",
        EntityTypeFilters={"OfferSetFilters": {"SolutionId": {"ValueList": ["solution-1"]}}}))
    result["otherSet"] = outcome(lambda: other.describe_entity(Catalog=CATALOG, EntityId=first))
    result["otherSets"] = outcome(lambda: other.list_entities(
        Catalog=CATALOG, EntityType="OfferSet",
        EntityTypeFilters={"OfferSetFilters": {"EntityId": {"ValueList": [first, second]}}}))

    experience = created(buyer, [
        {"ChangeType": "CreateExperience", "ChangeName": "E", "Entity": {"Type": "Experience@1.0"},
         "DetailsDocument": {"Name": name + " experience", "Description": "Approved tools"}},
        {"ChangeType": "AllowProductProcurement", "Entity": {"Type": "Experience@1.0",
                                                             "Identifier": "$E.Entity.Identifier"},
         "DetailsDocument": {"Products": [{"Ids": [ARGS["product"]], "Notes": "Standard"}]}}])[0]
    result["experienceId"] = experience
    result["experience"] = outcome(lambda: buyer.describe_entity(Catalog=CATALOG, EntityId=experience))
    result["experiences"] = outcome(lambda: buyer.list_entities(Catalog=CATALOG, EntityType="Experience"))
    result["sellerExperience"] = outcome(lambda: seller.describe_entity(Catalog=CATALOG, EntityId=experience))
    return result


print(json.dumps(scenario(), default=str))
