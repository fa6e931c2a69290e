"""One marketplace story told with boto3 alone, as the programs of a seller (ISV), its channel partner and a buyer
would tell it against AWS Marketplace; AwsStoryTests runs it in three acts and checks what it printed as JSON. Nothing
here knows Offerdesk: only the endpoint URLs and the access keys are given.

1. sell: the seller creates and releases a private offer with a payment schedule through a change set and polls it,
   lists and describes it, creates and releases a resale authorization for the partner; the partner finds the
   authorization shared with it and creates and releases a channel partner private offer (CPPO) with a markup.
2. buy: the buyer finds both offers among its private purchase options through Discovery and reads their terms,
   quotes and accepts both offers, searches its agreements and reads their terms and charges; the
   seller and the partner each find the agreement they proposed.
3. invoiced (once time has passed and the first installment is invoiced): both sides read the invoice line items, the
   seller sends a payment request and the buyer accepts it, the seller meters usage of both products and reads the
   entitlements to them.

Usage: python3 story.py '<json arguments>': the act, the endpoints by service, the keys (seller, its finance user,
partner, buyer), the products, the accounts, the simulated date and time, and what earlier acts made. story_cli.py
tells the same story with the AWS CLI, by handing this script's flow other clients."""
import datetime
import json
import sys
import time

import wire

ARGS = json.loads(sys.argv[1]) if __name__ == "__main__" else {}
CATALOG = "AWSMarketplace"
SERVICES = {"catalog": "marketplace-catalog", "agreement": "marketplace-agreement",
            "metering": "meteringmarketplace", "entitlement": "marketplace-entitlement",
            "discovery": "marketplace-discovery"}


def boto3_client(service, party):
    return wire.client(SERVICES[service], ARGS["endpoints"][service], ARGS["keys"][party])


# The clients the story is told with: boto3's here; story_cli.py puts the AWS CLI's in their place.
CLIENT = boto3_client
outcome = wire.outcome


def today():
    return datetime.date.fromisoformat(ARGS["today"])


def change(entity_type, change_type, details, identifier=None, name=None):
    entity = {"Type": entity_type}
    if identifier:
        entity["Identifier"] = identifier
    c = {"ChangeType": change_type, "Entity": entity, "DetailsDocument": details}
    if name:
        c["ChangeName"] = name
    return c


def private_offer():
    """The seller's private offer for the buyer account: ten analysts for twelve months, paid in two installments (the
    first due today), with variable payments of up to USD 10,000.00 by payment request; released in the same set."""
    o = "$O.Entity.Identifier"

    def offer(change_type, details):
        return change("Offer@1.0", change_type, details, identifier=o)

    return [
        change("Offer@1.0", "CreateOffer", {"ProductId": ARGS["product"]}, name="O"),
        offer("UpdateInformation", {"Name": ARGS["offerName"], "Description": "Told end to end by boto3"}),
        offer("UpdateTargeting", {"PositiveTargeting": {"BuyerAccounts": [ARGS["buyerAccount"]]}}),
        offer("UpdatePricingTerms", {"PricingModel": "Contract", "Terms": [
            {"Type": "FixedUpfrontPricingTerm", "CurrencyCode": "USD", "Price": "0.00",
             "Grants": [{"DimensionKey": "analysts", "MaxQuantity": 10}]}]}),
        offer("UpdateValidityTerms", {"Terms": [{"Type": "ValidityTerm", "AgreementDuration": "P12M"}]}),
        offer("UpdatePaymentScheduleTerms", {"Terms": [{"Type": "PaymentScheduleTerm", "CurrencyCode": "USD",
                                                        "Schedule": [
                                                            {"ChargeDate": today().isoformat(),
                                                             "ChargeAmount": "6000.00"},
                                                            {"ChargeDate": (today() + datetime.timedelta(
                                                                days=182)).isoformat(), "ChargeAmount": "6000.00"}]}]}),
        # AWS documents no change type for variable payments; this one is Offerdesk's (ADR 0009)
        offer("UpdateVariablePaymentTerms", {"Terms": [{"Type": "VariablePaymentTerm", "CurrencyCode": "USD",
                                                        "MaxTotalChargeAmount": "10000.00"}]}),
        offer("UpdateLegalTerms", {"Terms": [{"Type": "LegalTerm", "Documents": [
            {"Type": "StandardEula", "Version": "1.0"}]}]}),
        offer("UpdateSupportTerms", {"Terms": [{"Type": "SupportTerm", "RefundPolicy": "Refunds within 30 days."}]}),
        offer("UpdateAvailability", {"AvailabilityEndDate": (today() + datetime.timedelta(days=5)).isoformat()}),
        offer("ReleaseOffer", {}),
    ]


def resale_authorization():
    """The seller authorizes the partner to resell the other product to the buyer once, within thirty days, for twelve
    months of ten analysts at a wholesale price paid in two installments; released in the same set."""
    ra = "$A.Entity.Identifier"  # the model's ChangeName is one letter

    def authorization(change_type, details):
        return change("ResaleAuthorization@1.0", change_type, details, identifier=ra)

    return [
        change("ResaleAuthorization@1.0", "CreateResaleAuthorization", {
            "ProductId": ARGS["resaleProduct"], "Name": ARGS["offerName"] + " resale",
            "ResellerAccountId": ARGS["partnerAccount"]}, name="A"),
        authorization("UpdateBuyerTargetingTerms", {"Terms": [{"Type": "BuyerTargetingTerm", "PositiveTargeting": {
            "BuyerAccounts": [ARGS["buyerAccount"]]}}]}),
        authorization("UpdateAvailability", {
            "AvailabilityEndDate": (today() + datetime.timedelta(days=30)).isoformat(), "OffersMaxQuantity": 1}),
        authorization("UpdateLegalTerms", {"Terms": [{"Type": "BuyerLegalTerm", "Documents": [
            {"Type": "StandardEula", "Version": "1.0"}]}]}),
        authorization("UpdatePricingTerms", {"PricingModel": "Contract", "Terms": [
            {"Type": "ResaleFixedUpfrontPricingTerm", "CurrencyCode": "USD", "Price": "0.00", "Duration": "P12M",
             "Grants": [{"DimensionKey": "analysts", "MaxQuantity": 10}]}]}),
        authorization("UpdatePaymentScheduleTerms", {"Terms": [
            {"Type": "ResalePaymentScheduleTerm", "CurrencyCode": "USD", "Schedule": [
                {"ChargeDate": (today() + datetime.timedelta(days=40)).isoformat(), "ChargeAmount": "1000.00"},
                {"ChargeDate": (today() + datetime.timedelta(days=70)).isoformat(), "ChargeAmount": "500.00"}]}]}),
        authorization("ReleaseResaleAuthorization", {}),
    ]


def cppo(authorization_id):
    """The partner's offer from the authorization, marked up 10 %, open for ten days and released."""
    c = "$C.Entity.Identifier"

    def offer(change_type, details):
        return change("Offer@1.0", change_type, details, identifier=c)

    return [
        change("Offer@1.0", "CreateOfferUsingResaleAuthorization", {
            "ResaleAuthorizationId": authorization_id, "Name": ARGS["offerName"] + " via partner"}, name="C"),
        offer("UpdateMarkup", {"Percentage": "10"}),
        offer("UpdateAvailability", {"AvailabilityEndDate": (today() + datetime.timedelta(days=10)).isoformat()}),
        offer("UpdateValidityTerms", {"Terms": [{"Type": "ValidityTerm", "AgreementDuration": "P12M"}]}),
        offer("ReleaseOffer", {}),
    ]


def until_final(catalog, change_set_id, pause=0.2):
    """Polls as a seller's script does."""
    for _ in range(100):
        described = outcome(lambda: catalog.describe_change_set(Catalog=CATALOG, ChangeSetId=change_set_id))
        if not described["ok"] or described["response"]["Status"] in ("SUCCEEDED", "FAILED", "CANCELLED"):
            return described
        time.sleep(pause)
    return described


def entity_id(described, change_number=0):
    return described["response"]["ChangeSet"][change_number]["Entity"]["Identifier"].split("@")[0]


def sell():
    seller, partner = CLIENT("catalog", "seller"), CLIENT("catalog", "partner")
    catalog = {}
    catalog["startOffer"] = outcome(lambda: seller.start_change_set(
        Catalog=CATALOG, ChangeSetName="Story: private offer", ChangeSet=private_offer()))
    catalog["offerChangeSet"] = until_final(seller, catalog["startOffer"]["response"]["ChangeSetId"])
    offer_id = entity_id(catalog["offerChangeSet"])
    catalog["listOffers"] = outcome(lambda: seller.list_entities(
        Catalog=CATALOG, EntityType="Offer",
        EntityTypeFilters={"OfferFilters": {"Name": {"WildCardValue": ARGS["offerName"]},
                                            "State": {"ValueList": ["Released"]}}}))
    catalog["describeOffer"] = outcome(lambda: seller.describe_entity(Catalog=CATALOG, EntityId=offer_id))

    catalog["startAuthorization"] = outcome(lambda: seller.start_change_set(
        Catalog=CATALOG, ChangeSetName="Story: resale authorization", ChangeSet=resale_authorization()))
    catalog["authorizationChangeSet"] = until_final(seller, catalog["startAuthorization"]["response"]["ChangeSetId"])
    catalog["sharedAuthorizations"] = outcome(lambda: partner.list_entities(
        Catalog=CATALOG, EntityType="ResaleAuthorization", OwnershipType="SHARED",
        EntityTypeFilters={"ResaleAuthorizationFilters": {"ProductId": {"ValueList": [ARGS["resaleProduct"]]}}}))
    authorization_id = catalog["sharedAuthorizations"]["response"]["EntitySummaryList"][0]["EntityId"]

    catalog["startCppo"] = outcome(lambda: partner.start_change_set(
        Catalog=CATALOG, ChangeSetName="Story: CPPO", ChangeSet=cppo(authorization_id)))
    catalog["cppoChangeSet"] = until_final(partner, catalog["startCppo"]["response"]["ChangeSetId"])
    cppo_id = entity_id(catalog["cppoChangeSet"])
    catalog["describeCppo"] = outcome(lambda: partner.describe_entity(Catalog=CATALOG, EntityId=cppo_id))
    return {"catalog": catalog, "made": {"offer": offer_id, "authorization": authorization_id, "cppo": cppo_id}}


def list_buyer_offers_through_discovery():
    """The buyer's program finds both offers among its private purchase options and reads their terms through
    Discovery, as a buyer does before quoting: the term ids CreateAgreementRequest names come from here."""
    discovery = CLIENT("discovery", "buyer")
    found = {"purchaseOptions": outcome(lambda: discovery.list_purchase_options(
        filters=[{"filterType": "VISIBILITY_SCOPE", "filterValues": ["PRIVATE"]}]))}
    for offer in ("offer", "cppo"):
        found["terms_" + offer] = outcome(lambda: discovery.get_offer_terms(offerId=ARGS["made"][offer]))
    return found


def term_ids(offer_terms):
    """Each term of Discovery's union (one member per term) as its id and type."""
    return [{"id": term["id"], "type": term["type"]}
            for union in offer_terms for term in union.values()]


def requested_terms(terms):
    """Every term of the offer, as a buyer's program asks for them: variable payments wait for its approval."""
    requested = []
    for term in terms:
        asked = {"id": term["id"]}
        if term["type"] == "VariablePaymentTerm":
            asked["configuration"] = {"variablePaymentTermConfiguration": {
                "paymentRequestApprovalStrategy": "WAIT_FOR_APPROVAL"}}
        requested.append(asked)
    return requested


def buy():
    buyer, seller = CLIENT("agreement", "buyer"), CLIENT("agreement", "seller")
    agreement = {}
    discovered = list_buyer_offers_through_discovery()
    agreements, terms_of = {}, {}
    for offer in ("offer", "cppo"):
        offer_id = ARGS["made"][offer]
        terms = terms_of[offer] = term_ids(discovered["terms_" + offer]["response"]["offerTerms"])
        quote = agreement["quote_" + offer] = outcome(lambda: buyer.create_agreement_request(
            intent="NEW", agreementProposalIdentifier=offer_id, requestedTerms=requested_terms(terms),
            clientToken="story-" + offer_id))
        accepted = agreement["accept_" + offer] = outcome(lambda: buyer.accept_agreement_request(
            agreementRequestId=quote["response"]["agreementRequestId"]))
        agreement_id = agreements[offer] = accepted["response"]["agreementId"]
        agreement["describe_" + offer] = outcome(lambda: buyer.describe_agreement(agreementId=agreement_id))
        agreement["terms_" + offer] = outcome(lambda: buyer.get_agreement_terms(agreementId=agreement_id))
        agreement["charges_" + offer] = outcome(lambda: buyer.list_agreement_charges(agreementId=agreement_id))
    agreement["search"] = outcome(lambda: buyer.search_agreements(
        catalog=CATALOG, filters=[{"name": "PartyType", "values": ["Acceptor"]},
                                  {"name": "Status", "values": ["ACTIVE"]}]))
    agreement["searchSeller"] = outcome(lambda: seller.search_agreements(
        catalog=CATALOG, filters=[{"name": "PartyType", "values": ["Proposer"]},
                                  {"name": "OfferId", "values": [ARGS["made"]["offer"]]}]))
    # The partner is the CPPO's proposer and seller of record: the agreement is on its side, not the seller's.
    partner = CLIENT("agreement", "partner")
    agreement["searchPartner"] = outcome(lambda: partner.search_agreements(
        catalog=CATALOG, filters=[{"name": "PartyType", "values": ["Proposer"]}]))
    agreement["describePartner"] = outcome(lambda: partner.describe_agreement(agreementId=agreements["cppo"]))
    return {"agreement": agreement, "made": {**ARGS["made"], "agreements": agreements, "terms": terms_of},
            "discovery": discovered}


def invoiced():
    buyer, seller = CLIENT("agreement", "buyer"), CLIENT("agreement", "seller")
    agreement_id = ARGS["made"]["agreements"]["offer"]
    agreement = {
        "lineItems": outcome(lambda: buyer.list_agreement_invoice_line_items(
            agreementId=agreement_id, groupBy="INVOICE_ID")),
        "lineItemsSeller": outcome(lambda: CLIENT("agreement", "sellerFinance").list_agreement_invoice_line_items(
            agreementId=agreement_id, groupBy="INVOICE_ID", invoiceType="INVOICE")),
    }
    variable = next(t["id"] for t in ARGS["made"]["terms"]["offer"] if t["type"] == "VariablePaymentTerm")
    sent = agreement["sendPayment"] = outcome(lambda: seller.send_agreement_payment_request(
        agreementId=agreement_id, termId=variable, name="Extra analysts", chargeAmount="1500.00",
        description="Two more analysts for the rest of the year", clientToken="story-payment-" + agreement_id))
    payment_id = sent["response"]["paymentRequestId"]
    agreement["acceptPayment"] = outcome(lambda: buyer.accept_agreement_payment_request(
        paymentRequestId=payment_id, agreementId=agreement_id))
    agreement["getPayment"] = outcome(lambda: seller.get_agreement_payment_request(
        paymentRequestId=payment_id, agreementId=agreement_id))

    # Usage is stamped with the marketplace's time, which a simulation may have moved away from the wall clock.
    now = datetime.datetime.fromisoformat(ARGS["now"].replace("Z", "+00:00")).replace(microsecond=0)
    seller_metering = CLIENT("metering", "seller")
    # The seller meters both products: the one sold directly and the one the partner resold (the seller's product).
    metering = {product: outcome(lambda: seller_metering.batch_meter_usage(
        ProductCode=ARGS[product], UsageRecords=[{
            "Timestamp": now, "CustomerAWSAccountId": ARGS["buyerAccount"], "Dimension": "requests", "Quantity": 42,
            "UsageAllocations": [{"AllocatedUsageQuantity": 42, "Tags": [{"Key": "team", "Value": "story"}]}]}]))
        for product in ("product", "resaleProduct")}

    entitlements = CLIENT("entitlement", "seller")
    entitlement = {product: outcome(lambda: entitlements.get_entitlements(
        ProductCode=ARGS[product], Filter={"CUSTOMER_AWS_ACCOUNT_ID": [ARGS["buyerAccount"]]}))
        for product in ("product", "resaleProduct")}
    return {"agreement": agreement, "metering": metering, "entitlement": entitlement}


ACTS = {"sell": sell, "buy": buy, "invoiced": invoiced}

if __name__ == "__main__":
    print(json.dumps(ACTS[ARGS["act"]](), default=str))
