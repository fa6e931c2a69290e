"""Drives Offerdesk's /aws/entitlement with boto3 as a seller's program would, in both protocols the model lists, and
prints what happened as JSON for EntitlementWireTests to check. Nothing here knows Offerdesk: only the endpoint URL is
changed, and, for CBOR, botocore's protocol preference (1.43 picks awsJson 1.1 when a model lists both).

Usage: python3 entitlement.py '<json arguments>' (endpoint, product, account, keys, or "calls": a list of protocols
to call in: see EntitlementWireTests and SimulatorControlsWireTests)."""
import json
import sys

import botocore.model

import wire

ARGS = json.loads(sys.argv[1])
JSON_FIRST = botocore.model.PRIORITY_ORDERED_SUPPORTED_PROTOCOLS
CBOR_FIRST = ("smithy-rpc-v2-cbor",) + tuple(p for p in JSON_FIRST if p != "smithy-rpc-v2-cbor")
def client(protocols, key=None, **config):
    # the protocol is resolved once per client, from this tuple, when the client is created
    botocore.model.PRIORITY_ORDERED_SUPPORTED_PROTOCOLS = protocols
    # one attempt in all ("max_attempts" counts retries only): a throttled call is seen, not retried
    c = wire.client("marketplace-entitlement", ARGS["endpoint"], key or ARGS["seller"], binary=True,
                    retries={"total_max_attempts": 1}, **config)
    botocore.model.PRIORITY_ORDERED_SUPPORTED_PROTOCOLS = JSON_FIRST
    return c


outcome = wire.outcome


def scenario(protocols):
    c = client(protocols)
    unchecked = client(protocols, parameter_validation=False)
    product = ARGS["product"]
    pages = []

    def all_pages():
        for page in c.get_paginator("get_entitlements").paginate(
                ProductCode=product, PaginationConfig={"PageSize": 1}):
            pages.append(page)
        return {"ResponseMetadata": {}, "pages": len(pages),
                "Entitlements": [e for p in pages for e in p["Entitlements"]]}

    return {
        "protocol": c.meta.service_model.resolved_protocol,
        "all": outcome(lambda: c.get_entitlements(ProductCode=product)),
        "filtered": outcome(lambda: c.get_entitlements(
            ProductCode=product,
            Filter={"DIMENSION": [ARGS["dimension"], "nosuchdimension"],
                    "CUSTOMER_AWS_ACCOUNT_ID": [ARGS["account"]]})),
        "otherAccount": outcome(lambda: c.get_entitlements(
            ProductCode=product, Filter={"CUSTOMER_AWS_ACCOUNT_ID": ["999999999999"]})),
        "firstPage": outcome(lambda: c.get_entitlements(ProductCode=product, MaxResults=1)),
        "paginated": outcome(all_pages),
        "tooMany": outcome(lambda: unchecked.get_entitlements(ProductCode=product, MaxResults=26)),
        "badFilter": outcome(lambda: c.get_entitlements(ProductCode=product, Filter={"COLOUR": ["red"]})),
        "bothCustomerFilters": outcome(lambda: c.get_entitlements(
            ProductCode=product, Filter={"CUSTOMER_IDENTIFIER": ["x"], "CUSTOMER_AWS_ACCOUNT_ID": [ARGS["account"]]})),
        "unknownProduct": outcome(lambda: c.get_entitlements(ProductCode="prod-nosuchproduct00")),
        "otherSeller": outcome(lambda: client(protocols, ARGS["otherSeller"]).get_entitlements(ProductCode=product)),
        "wrongSecret": outcome(lambda: client(
            protocols, {"accessKeyId": ARGS["seller"]["accessKeyId"], "secretAccessKey": "wrong"})
                               .get_entitlements(ProductCode=product)),
    }


def calls():
    """One GetEntitlements call per protocol named in "calls", in order (for the simulator's controls)."""
    clients = {"json": client(JSON_FIRST), "cbor": client(CBOR_FIRST)}
    return [outcome(lambda: clients[p].get_entitlements(ProductCode=ARGS["product"])) for p in ARGS["calls"]]


if "calls" in ARGS:
    print(json.dumps({"calls": calls()}, default=str))
else:
    print(json.dumps({"json": scenario(JSON_FIRST), "cbor": scenario(CBOR_FIRST)}, default=str))
