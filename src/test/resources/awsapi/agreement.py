"""Drives Offerdesk's /aws/agreement with boto3 exactly as a buyer's and a seller's programs would, and prints what
happened as JSON for AgreementWireTests to check. Nothing here knows Offerdesk: only the endpoint URL is changed.

Usage: python3 agreement.py '<json arguments>': the endpoint, the keys (buyer, a buyer user without the procurement
role, the seller, its finance user, another buyer), the released offer and its term ids with their types (see AgreementWireTests)."""
import json
import sys


import wire

ARGS = json.loads(sys.argv[1])
def client(party):
    return wire.client("marketplace-agreement", ARGS["endpoint"], ARGS[party])


def outcome(call):
    return wire.outcome(call, "reason", "resourceType")


def requested_terms():
    terms = []
    for term in ARGS["terms"]:
        requested = {"id": term["id"]}
        if term["type"] == "VariablePaymentTerm":
            requested["configuration"] = {"variablePaymentTermConfiguration": {
                "paymentRequestApprovalStrategy": "WAIT_FOR_APPROVAL"}}
        elif term["type"] == "RenewalTerm":
            requested["configuration"] = {"renewalTermConfiguration": {"enableAutoRenew": True}}
        terms.append(requested)
    return terms


def flow():
    buyer, seller, other = client("buyer"), client("seller"), client("otherBuyer")
    buyer_sent = wire.captured(buyer)
    result = {}
    result["quote"] = outcome(lambda: buyer.create_agreement_request(
        intent="NEW", agreementProposalIdentifier=ARGS["offer"], requestedTerms=requested_terms(),
        clientToken="quote-" + ARGS["offer"]))
    request_id = result["quote"]["response"]["agreementRequestId"]
    result["acceptWithoutProcurement"] = outcome(lambda: client("viewer").accept_agreement_request(
        agreementRequestId=request_id))
    # the quote's last expected charge, named by the id the quote gave it, gets a purchase order on acceptance
    quoted_charge = result["quote"]["response"]["chargeSummary"]["expectedCharges"][-1]["id"]
    result["quotedChargeId"] = quoted_charge
    result["accept"] = outcome(lambda: buyer.accept_agreement_request(agreementRequestId=request_id, purchaseOrders=[
        {"chargeId": quoted_charge, "purchaseOrderReference": "PO-1"}]))
    accept_sent = dict(buyer_sent)
    agreement = result["accept"]["response"]["agreementId"]

    result["describeBuyer"] = outcome(lambda: buyer.describe_agreement(agreementId=agreement))
    # the same signed request again, byte for byte: a read is answered again, an effect is refused as a replay
    result["describeSentAgain"] = wire.send_again(buyer_sent)
    result["acceptSentAgain"] = wire.send_again(accept_sent)
    result["describeSeller"] = outcome(lambda: seller.describe_agreement(agreementId=agreement))
    result["describeOtherBuyer"] = outcome(lambda: other.describe_agreement(agreementId=agreement))
    result["searchBuyer"] = outcome(lambda: buyer.search_agreements(
        catalog="AWSMarketplace",
        filters=[{"name": "PartyType", "values": ["Acceptor"]}, {"name": "OfferId", "values": [ARGS["offer"]]}]))
    result["searchSeller"] = outcome(lambda: seller.search_agreements(
        catalog="AWSMarketplace",
        filters=[{"name": "PartyType", "values": ["Proposer"]}, {"name": "AgreementType", "values": ["PurchaseAgreement"]},
                 {"name": "ResourceIdentifier", "values": [ARGS["product"]]}, {"name": "Status", "values": ["ACTIVE"]}],
        sort={"sortBy": "EndTime", "sortOrder": "DESCENDING"}))
    result["searchOtherBuyer"] = outcome(lambda: other.search_agreements(
        filters=[{"name": "OfferId", "values": [ARGS["offer"]]}]))
    result["terms"] = outcome(lambda: buyer.get_agreement_terms(agreementId=agreement))
    first = outcome(lambda: seller.get_agreement_terms(agreementId=agreement, maxResults=2))
    result["termsFirstPage"] = first
    result["termsSecondPage"] = outcome(lambda: seller.get_agreement_terms(
        agreementId=agreement, maxResults=2, nextToken=first["response"]["nextToken"]))
    result["charges"] = outcome(lambda: buyer.list_agreement_charges(agreementId=agreement))

    variable = next(t["id"] for t in ARGS["terms"] if t["type"] == "VariablePaymentTerm")
    result["sendPayment"] = outcome(lambda: seller.send_agreement_payment_request(
        agreementId=agreement, termId=variable, name="Extra analysts", chargeAmount="1500.00",
        description="Work beyond the contract", clientToken="payment-" + agreement))
    payment = result["sendPayment"]["response"]["paymentRequestId"]
    result["acceptPaymentAsSeller"] = outcome(lambda: seller.accept_agreement_payment_request(
        paymentRequestId=payment, agreementId=agreement))
    result["acceptPayment"] = outcome(lambda: buyer.accept_agreement_payment_request(
        paymentRequestId=payment, agreementId=agreement, purchaseOrderReference="PO-4711"))
    # a payment request is accepted once: again is the model's ConflictException (another PO: not a replay)
    result["acceptPaymentAgain"] = outcome(lambda: buyer.accept_agreement_payment_request(
        paymentRequestId=payment, agreementId=agreement, purchaseOrderReference="PO-4712"))
    result["getPayment"] = outcome(lambda: seller.get_agreement_payment_request(
        paymentRequestId=payment, agreementId=agreement))
    result["listPayments"] = outcome(lambda: buyer.list_agreement_payment_requests(
        partyType="ACCEPTOR", agreementId=agreement))
    result["paymentOtherBuyer"] = outcome(lambda: other.get_agreement_payment_request(
        paymentRequestId=payment, agreementId=agreement))

    second = outcome(lambda: seller.send_agreement_payment_request(
        agreementId=agreement, termId=variable, name="Onboarding", chargeAmount="200.00"))["response"]
    result["cancelPayment"] = outcome(lambda: seller.cancel_agreement_payment_request(
        paymentRequestId=second["paymentRequestId"], agreementId=agreement))
    third = outcome(lambda: seller.send_agreement_payment_request(
        agreementId=agreement, termId=variable, name="Training", chargeAmount="300.00"))["response"]
    result["rejectPayment"] = outcome(lambda: buyer.reject_agreement_payment_request(
        paymentRequestId=third["paymentRequestId"], agreementId=agreement, rejectionReason="Not ordered"))

    result["sendCancellation"] = outcome(lambda: seller.send_agreement_cancellation_request(
        agreementId=agreement, reasonCode="TEST_AGREEMENT", description="Accepted for a test"))
    first_cancellation = result["sendCancellation"]["response"]["agreementCancellationRequestId"]
    result["withdrawCancellation"] = outcome(lambda: seller.cancel_agreement_cancellation_request(
        agreementId=agreement, agreementCancellationRequestId=first_cancellation, cancellationReason="Sent by mistake"))
    again = outcome(lambda: seller.send_agreement_cancellation_request(
        agreementId=agreement, reasonCode="OTHER", description="Asked once more"))["response"]
    result["rejectCancellation"] = outcome(lambda: buyer.reject_agreement_cancellation_request(
        agreementId=agreement, agreementCancellationRequestId=again["agreementCancellationRequestId"],
        rejectionReason="We still use it"))
    result["getCancellation"] = outcome(lambda: buyer.get_agreement_cancellation_request(
        agreementId=agreement, agreementCancellationRequestId=first_cancellation))
    result["listCancellations"] = outcome(lambda: buyer.list_agreement_cancellation_requests(
        partyType="ACCEPTOR", agreementId=agreement))
    result["cancelAgreement"] = outcome(lambda: buyer.cancel_agreement(agreementId=agreement))

    charge = result["charges"]["response"]["items"][0]
    result["updatePurchaseOrders"] = outcome(lambda: buyer.update_purchase_orders(purchaseOrders=[
        {"agreementId": agreement, "chargeId": charge["id"], "chargeRevision": charge["revision"],
         "purchaseOrderReference": "PO-9"}]))
    result["chargesAfterUpdate"] = outcome(lambda: buyer.list_agreement_charges(agreementId=agreement, maxResults=50))
    result["chargesFirstPage"] = outcome(lambda: buyer.list_agreement_charges(agreementId=agreement, maxResults=1))
    result["updatedChargeId"] = {"ok": False, "id": charge["id"]}

    result["badIntent"] = outcome(lambda: buyer.create_agreement_request(
        intent="AMEND", agreementProposalIdentifier=ARGS["offer"], requestedTerms=requested_terms()))
    result["badToken"] = outcome(lambda: buyer.search_agreements(nextToken="notAToken"))
    result["unknownAgreement"] = outcome(lambda: buyer.describe_agreement(agreementId="agmt-" + "0" * 25))
    return result


def invoiced():
    """After the invoicing run: the seller reads the agreement's invoice, asks to give part of it back and reads that."""
    seller, buyer = client("sellerFinance"), client("buyer")
    agreement, invoice = ARGS["agreement"], ARGS["invoice"]
    result = {
        "lineItems": outcome(lambda: seller.list_agreement_invoice_line_items(
            agreementId=agreement, groupBy="INVOICE_ID", invoiceType="INVOICE")),
        "lineItemsBuyer": outcome(lambda: buyer.list_agreement_invoice_line_items(
            agreementId=agreement, groupBy="INVOICE_ID")),
        "lineItemsOtherBuyer": outcome(lambda: client("otherBuyer").list_agreement_invoice_line_items(
            agreementId=agreement, groupBy="INVOICE_ID")),
        "adjust": outcome(lambda: seller.batch_create_billing_adjustment_request(billingAdjustmentRequestEntries=[
            {"agreementId": agreement, "originalInvoiceId": invoice, "adjustmentAmount": "10.00",
             "currencyCode": "USD", "adjustmentReasonCode": "BUYER_DISSATISFACTION", "clientToken": "refund-" + invoice},
            {"agreementId": agreement, "originalInvoiceId": invoice, "adjustmentAmount": "-1",
             "currencyCode": "USD", "adjustmentReasonCode": "OTHER", "clientToken": "bad-" + invoice}])),
    }
    created = result["adjust"]["response"]["items"][0]["billingAdjustmentRequestId"]
    result["getAdjustment"] = outcome(lambda: seller.get_billing_adjustment_request(
        agreementId=agreement, billingAdjustmentRequestId=created))
    result["listAdjustments"] = outcome(lambda: seller.list_billing_adjustment_requests(agreementId=agreement))
    result["entitlements"] = outcome(lambda: buyer.get_agreement_entitlements(agreementId=agreement))
    asked = outcome(lambda: client("seller").send_agreement_cancellation_request(
        agreementId=agreement, reasonCode="TEST_AGREEMENT", description="Done testing"))["response"]
    result["acceptCancellation"] = outcome(lambda: buyer.accept_agreement_cancellation_request(
        agreementId=agreement, agreementCancellationRequestId=asked["agreementCancellationRequestId"]))
    result["describeCancelled"] = outcome(lambda: buyer.describe_agreement(agreementId=agreement))
    return result


print(json.dumps({"flow": flow, "invoiced": invoiced}[ARGS["scenario"]](), default=str))
