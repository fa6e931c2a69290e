"""Drives Offerdesk's /aws/metering with boto3 exactly as a seller's or a buyer's program would, and prints what
happened as JSON for MeteringWireTests to check. Nothing here knows Offerdesk: only the endpoint URL is changed.

Usage: python3 metering.py '<json arguments>' where the arguments name the scenario ("meter" or "refusals"), the
endpoint, the keys and the products (see MeteringWireTests)."""
import datetime
import json
import re
import sys
from unittest import mock

import botocore
import botocore.auth
import botocore.compat

import wire

ARGS = json.loads(sys.argv[1])
NOW = datetime.datetime.fromtimestamp(ARGS["now"], tz=datetime.timezone.utc)  # the simulated clock: usage time


def client(key=None, secret=None, service="meteringmarketplace", path="metering", **config):
    return wire.client(service, ARGS["endpoint"].replace("/aws/metering", "/aws/" + path),
                       {"accessKeyId": key or ARGS["seller"]["accessKeyId"],
                        "secretAccessKey": secret or ARGS["seller"]["secretAccessKey"]}, **config)


outcome = wire.outcome


def record(account, quantity, hours_ago=1, dimension="requests", **more):
    return {"Timestamp": NOW - datetime.timedelta(hours=hours_ago), "CustomerAWSAccountId": account,
            "Dimension": dimension, "Quantity": quantity, **more}


def signed_later(call, seconds=2):
    """Signs as if a few seconds from now: a retry of an identical request, sent after its first answer."""
    later = botocore.compat.get_current_datetime() + datetime.timedelta(seconds=seconds)
    with mock.patch.object(botocore.auth, "get_current_datetime", return_value=later):
        return outcome(call)


def batch(c, records, product=None):
    return outcome(lambda: c.batch_meter_usage(ProductCode=product or ARGS["product"], UsageRecords=records))


def meter():
    seller = client()
    buyer = client(ARGS["buyer"]["accessKeyId"], ARGS["buyer"]["secretAccessKey"])
    other = client(ARGS["otherSeller"]["accessKeyId"], ARGS["otherSeller"]["secretAccessKey"])
    tagged = {"UsageAllocations": [{"AllocatedUsageQuantity": 6, "Tags": [{"Key": "team", "Value": "data"}]},
                                   {"AllocatedUsageQuantity": 4}]}
    return {
        "batch": batch(seller, [record(ARGS["account"], 10, **tagged), record(ARGS["unsubscribedAccount"], 5)]),
        "batchAgain": batch(seller, [record(ARGS["account"], 10, **tagged)]),
        "duplicate": batch(seller, [record(ARGS["account"], 11)]),
        "meterUsage": outcome(lambda: buyer.meter_usage(
            ProductCode=ARGS["ami"], Timestamp=NOW - datetime.timedelta(hours=1), UsageDimension="analysts",
            UsageQuantity=5)),
        # the same request again is a new signature only when signed in another second (a replay otherwise)
        "meterUsageAgain": signed_later(lambda: buyer.meter_usage(
            ProductCode=ARGS["ami"], Timestamp=NOW - datetime.timedelta(hours=1), UsageDimension="analysts",
            UsageQuantity=5)),
        "meterUsageOtherQuantity": outcome(lambda: buyer.meter_usage(
            ProductCode=ARGS["ami"], Timestamp=NOW - datetime.timedelta(hours=1), UsageDimension="analysts",
            UsageQuantity=6)),
        "dryRun": outcome(lambda: buyer.meter_usage(
            ProductCode=ARGS["ami"], Timestamp=NOW - datetime.timedelta(hours=2), UsageDimension="analysts",
            UsageQuantity=1, DryRun=True)),
        "unknownProduct": batch(seller, [record(ARGS["account"], 1)], product="prod-nosuchproduct00"),
        "otherSellersProduct": batch(other, [record(ARGS["account"], 1, hours_ago=2)]),
        "unknownDimension": batch(seller, [record(ARGS["account"], 1, dimension="nope")]),
        "tooOld": batch(seller, [record(ARGS["account"], 1, hours_ago=7)]),
        "badAllocations": batch(seller, [record(ARGS["account"], 3, hours_ago=3,
                                                UsageAllocations=[{"AllocatedUsageQuantity": 2}])]),
        "resolveCustomer": outcome(lambda: seller.resolve_customer(RegistrationToken="token")),
        # Offerdesk names customers by account: an identifier or a license it never issued names no customer
        "customerIdentifier": batch(seller, [{"Timestamp": NOW - datetime.timedelta(hours=5),
                                              "CustomerIdentifier": "customer-unknown", "Dimension": "requests",
                                              "Quantity": 1}]),
        "licenseArn": batch(seller, [record(ARGS["account"], 1, hours_ago=5, LicenseArn=(
            "arn:aws:license-manager::123456789012:license:l-0123456789abcdef0123456789abcdef"))]),
        # a tag key twice in one allocation
        "invalidTag": batch(seller, [record(ARGS["account"], 2, hours_ago=5, UsageAllocations=[
            {"AllocatedUsageQuantity": 2, "Tags": [{"Key": "team", "Value": "a"}, {"Key": "team", "Value": "b"}]}])]),
        "clientToken": outcome(lambda: buyer.meter_usage(
            ProductCode=ARGS["ami"], Timestamp=NOW - datetime.timedelta(hours=4), UsageDimension="analysts",
            UsageQuantity=1, ClientToken="token-" + ARGS["ami"])),
        "idempotencyConflict": outcome(lambda: buyer.meter_usage(
            ProductCode=ARGS["ami"], Timestamp=NOW - datetime.timedelta(hours=4), UsageDimension="analysts",
            UsageQuantity=2, ClientToken="token-" + ARGS["ami"])),
        "notEntitled": outcome(lambda: buyer.meter_usage(
            ProductCode=ARGS["unboughtAmi"], Timestamp=NOW - datetime.timedelta(hours=1), UsageDimension="analysts",
            UsageQuantity=1)),
        # the other services answer in their own protocol's error shape (restJson1, awsJson 1.0)
        "discoveryRestJson": outcome(lambda: client(service="marketplace-discovery", path="discovery").get_listing(
            listingId="listing-nosuchlisting")),
        "agreementAwsJson10": outcome(lambda: client(service="marketplace-agreement", path="agreement")
                                      .describe_agreement(agreementId="agmt-" + "a" * 25)),
    }


def refusals():
    key, secret = ARGS["seller"]["accessKeyId"], ARGS["seller"]["secretAccessKey"]
    one = [record(ARGS["account"], 1, hours_ago=4)]
    result = {
        "wrongSecret": batch(client(key, "not-the-secret"), one),
        "unknownKey": batch(client("AKODNOSUCHKEYXXXXXXX", secret), one),
        "unsigned": batch(client(signature_version=botocore.UNSIGNED), one),
    }
    six_minutes_ago = botocore.compat.get_current_datetime() - datetime.timedelta(minutes=6)
    with mock.patch.object(botocore.auth, "get_current_datetime", return_value=six_minutes_ago):
        result["expired"] = batch(client(), one)

    tampering = client()

    def tamper(request, **kwargs):
        request.body = re.sub(rb'("Quantity":\s*)1', rb"\g<1>9", request.body)

    tampering.meta.events.register("before-send.meteringmarketplace.BatchMeterUsage", tamper)
    result["tampered"] = batch(tampering, one)

    renamed = client()

    def unknown_operation(request, **kwargs):
        del request.headers["X-Amz-Target"]
        request.headers["X-Amz-Target"] = "AWSMPMeteringService.NoSuchOperation"

    renamed.meta.events.register("before-sign.meteringmarketplace.BatchMeterUsage", unknown_operation)
    result["unknownOperation"] = batch(renamed, one)

    honest = client()
    sent = wire.captured(honest)
    result["original"] = batch(honest, one)
    result["replayed"] = wire.send_again(sent)

    failing = client()
    failed = wire.captured(failing)
    result["failedOriginal"] = batch(failing, one, product="prod-nosuchproduct00")
    result["failedSentAgain"] = wire.send_again(failed)
    return result


print(json.dumps({"meter": meter, "refusals": refusals}[ARGS["scenario"]](), default=str))
