"""Drives Offerdesk's /aws/catalog with boto3 exactly as a seller's program would, and prints what happened as JSON for
CatalogWireTests to check. Nothing here knows Offerdesk: only the endpoint URL is changed.

Usage: python3 catalog.py '<json arguments>': the endpoint, the seller's and another seller's keys, the product, the
buyer account, today's date (the simulated clock's) and a unique offer name (see CatalogWireTests)."""
import datetime
import json
import sys
import time


import wire

ARGS = json.loads(sys.argv[1])
TODAY = datetime.date.fromisoformat(ARGS["today"])


def client(keys):
    return wire.client("marketplace-catalog", ARGS["endpoint"], keys)


outcome = wire.outcome


def change(change_type, details, identifier="$O.Entity.Identifier", name=None, as_string=False):
    entity = {"Type": "Offer@1.0"}
    if identifier:
        entity["Identifier"] = identifier
    c = {"ChangeType": change_type, "Entity": entity}
    if name:
        c["ChangeName"] = name
    if as_string:
        c["Details"] = json.dumps(details)
    else:
        c["DetailsDocument"] = details
    return c


def private_offer():
    """A private offer for one buyer account with a 12-installment payment schedule, released in the same set."""
    schedule = [{"ChargeDate": (TODAY + datetime.timedelta(days=10 + 30 * i)).isoformat(), "ChargeAmount": "1000.00"}
                for i in range(12)]
    return [
        change("CreateOffer", {"ProductId": ARGS["product"]}, identifier=None, name="O"),
        # Details as a JSON string, the older form; the others as DetailsDocument
        change("UpdateInformation", {"Name": ARGS["name"], "Description": "Made by boto3"}, as_string=True),
        change("UpdateTargeting", {"PositiveTargeting": {"BuyerAccounts": [ARGS["buyerAccount"]]}}),
        change("UpdatePricingTerms", {"PricingModel": "Contract", "Terms": [
            {"Type": "FixedUpfrontPricingTerm", "CurrencyCode": "USD", "Price": "0.00",
             "Grants": [{"DimensionKey": "analysts", "MaxQuantity": 10}]}]}),
        change("UpdateValidityTerms", {"Terms": [{"Type": "ValidityTerm", "AgreementDuration": "P12M"}]}),
        change("UpdatePaymentScheduleTerms", {"Terms": [
            {"Type": "PaymentScheduleTerm", "CurrencyCode": "USD", "Schedule": schedule}]}),
        change("UpdateLegalTerms", {"Terms": [{"Type": "LegalTerm", "Documents": [
            {"Type": "StandardEula", "Version": "1.0"}]}]}),
        change("UpdateAvailability", {"AvailabilityEndDate": (TODAY + datetime.timedelta(days=5)).isoformat()}),
        change("UpdateSupportTerms", {"Terms": [{"Type": "SupportTerm", "RefundPolicy": "Refunds within 30 days."}]}),
        change("ReleaseOffer", {}),
    ]


def until_final(c, change_set_id):
    """Polls as a seller's script does."""
    for _ in range(100):
        described = outcome(lambda: c.describe_change_set(Catalog="AWSMarketplace", ChangeSetId=change_set_id))
        if not described["ok"] or described["response"]["Status"] in ("SUCCEEDED", "FAILED", "CANCELLED"):
            return described
        time.sleep(0.2)
    return described


def scenario():
    seller = client(ARGS["seller"])
    other = client(ARGS["otherSeller"])
    result = {"started": outcome(lambda: seller.start_change_set(
        Catalog="AWSMarketplace", ChangeSet=private_offer(), ChangeSetName="boto3 private offer",
        ChangeSetTags=[{"Key": "source", "Value": "boto3"}]))}
    change_set_id = result["started"]["response"]["ChangeSetId"]
    result["described"] = until_final(seller, change_set_id)
    offer_id = result["described"]["response"]["ChangeSet"][0]["Entity"]["Identifier"].split("@")[0]
    result["offerId"] = offer_id
    result["entity"] = outcome(lambda: seller.describe_entity(Catalog="AWSMarketplace", EntityId=offer_id))
    result["listed"] = outcome(lambda: seller.list_entities(
        Catalog="AWSMarketplace", EntityType="Offer", MaxResults=5,
        EntityTypeFilters={"OfferFilters": {"Name": {"WildCardValue": ARGS["name"]},
                                            "State": {"ValueList": ["Released"]}}},
        EntityTypeSort={"OfferSort": {"SortBy": "LastModifiedDate", "SortOrder": "DESCENDING"}}))
    result["drafts"] = outcome(lambda: seller.list_entities(
        Catalog="AWSMarketplace", EntityType="Offer",
        EntityTypeFilters={"OfferFilters": {"Name": {"WildCardValue": ARGS["name"]},
                                            "State": {"ValueList": ["Draft"]}}}))
    first = outcome(lambda: seller.list_entities(Catalog="AWSMarketplace", EntityType="Offer", MaxResults=1))
    result["firstPage"] = first
    result["secondPage"] = outcome(lambda: seller.list_entities(
        Catalog="AWSMarketplace", EntityType="Offer", MaxResults=1, NextToken=first["response"]["NextToken"]))
    result["changeSets"] = outcome(lambda: seller.list_change_sets(
        Catalog="AWSMarketplace", FilterList=[{"Name": "EntityId", "ValueList": [offer_id]}],
        Sort={"SortBy": "StartTime", "SortOrder": "DESCENDING"}))
    result["batch"] = outcome(lambda: seller.batch_describe_entities(EntityRequestList=[
        {"Catalog": "AWSMarketplace", "EntityId": offer_id},
        {"Catalog": "AWSMarketplace", "EntityId": "offer-zzzzzzzzzzzzz"}]))
    result["invalid"] = outcome(lambda: seller.start_change_set(
        Catalog="AWSMarketplace", ChangeSet=[change("CreateOffer", {}, identifier=None)]))
    result["badDetails"] = outcome(lambda: seller.start_change_set(Catalog="AWSMarketplace", ChangeSet=[
        {"ChangeType": "CreateOffer", "Entity": {"Type": "Offer@1.0"}, "Details": "{not json}"}]))
    result["unknownEntity"] = outcome(lambda: seller.describe_entity(
        Catalog="AWSMarketplace", EntityId="offer-zzzzzzzzzzzzz"))
    result["otherSellersOffer"] = outcome(lambda: other.describe_entity(Catalog="AWSMarketplace", EntityId=offer_id))
    # products are entities AWS describes and Offerdesk's Catalog API does not: the owner is told so, others not found
    result["productEntity"] = outcome(lambda: seller.describe_entity(Catalog="AWSMarketplace", EntityId=ARGS["product"]))
    result["otherSellersProduct"] = outcome(lambda: other.describe_entity(
        Catalog="AWSMarketplace", EntityId=ARGS["product"]))
    # a finance user of the seller may read but not change offers
    result["startAsFinance"] = outcome(lambda: client(ARGS["sellerFinance"]).start_change_set(
        Catalog="AWSMarketplace", ChangeSet=[change("UpdateInformation", {"Name": "Renamed by finance"},
                                                    identifier=offer_id)]))
    result["otherSellersChangeSet"] = outcome(lambda: other.describe_change_set(
        Catalog="AWSMarketplace", ChangeSetId=change_set_id))
    result["otherSellersList"] = outcome(lambda: other.list_entities(
        Catalog="AWSMarketplace", EntityType="Offer",
        EntityTypeFilters={"OfferFilters": {"Name": {"WildCardValue": ARGS["name"]}}}))
    result["cancelFinished"] = outcome(lambda: seller.cancel_change_set(
        Catalog="AWSMarketplace", ChangeSetId=change_set_id))

    offer_arn = result["entity"]["response"]["EntityArn"]
    result["tagged"] = outcome(lambda: seller.tag_resource(ResourceArn=offer_arn, Tags=[
        {"Key": "team", "Value": "emea"}, {"Key": "deal", "Value": "q4"}]))
    result["untagged"] = outcome(lambda: seller.untag_resource(ResourceArn=offer_arn, TagKeys=["deal"]))
    result["tags"] = outcome(lambda: seller.list_tags_for_resource(ResourceArn=offer_arn))
    result["changeSetTags"] = outcome(lambda: seller.list_tags_for_resource(
        ResourceArn=result["started"]["response"]["ChangeSetArn"]))
    result["otherSellersTags"] = outcome(lambda: other.list_tags_for_resource(ResourceArn=offer_arn))
    result["otherSellersTagging"] = outcome(lambda: other.tag_resource(
        ResourceArn=offer_arn, Tags=[{"Key": "x", "Value": "y"}]))
    policy = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {
        "AWS": "arn:aws:iam::" + ARGS["buyerAccount"] + ":root"}, "Action": "aws-marketplace:DescribeEntity",
        "Resource": offer_arn}]})
    result["putPolicy"] = outcome(lambda: seller.put_resource_policy(ResourceArn=offer_arn, Policy=policy))
    result["getPolicy"] = outcome(lambda: seller.get_resource_policy(ResourceArn=offer_arn))
    result["policySent"] = policy
    result["deletePolicy"] = outcome(lambda: seller.delete_resource_policy(ResourceArn=offer_arn))
    result["policyGone"] = outcome(lambda: seller.get_resource_policy(ResourceArn=offer_arn))
    result["deleteAgain"] = outcome(lambda: seller.delete_resource_policy(ResourceArn=offer_arn))
    result["badPolicy"] = outcome(lambda: seller.put_resource_policy(ResourceArn=offer_arn, Policy="not json"))
    return result


print(json.dumps(scenario(), default=str))
