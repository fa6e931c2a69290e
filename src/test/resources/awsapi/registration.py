"""Drives Offerdesk's /aws/metering with boto3 as a SaaS seller's registration page and a container product's software
would: ResolveCustomer redeems the registration token the buyer's browser brought, RegisterUsage checks the running
software's entitlement and its signature is verified with the published public key. Prints what happened as JSON for
CustomerRegistrationWireTests to check. Nothing here knows Offerdesk: only the endpoint URL is changed.

Usage: python3 registration.py '<json arguments>' where the arguments name the scenario ("resolve", "expired" or
"register"), the endpoint, the keys, the token and the products (see CustomerRegistrationWireTests)."""
import json
import sys

import wire

ARGS = json.loads(sys.argv[1])


def client(keys):
    return wire.client("meteringmarketplace", ARGS["endpoint"], keys)


outcome = wire.outcome


def resolve():
    seller = client(ARGS["seller"])
    return {
        "resolved": outcome(lambda: seller.resolve_customer(RegistrationToken=ARGS["token"])),
        "otherSeller": outcome(lambda: client(ARGS["otherSeller"]).resolve_customer(RegistrationToken=ARGS["token"])),
        "neverIssued": outcome(lambda: seller.resolve_customer(RegistrationToken="not-a-token-anyone-issued")),
        "malformed": outcome(lambda: seller.resolve_customer(RegistrationToken="spaces are not allowed")),
    }


def expired():
    return {"expired": outcome(lambda: client(ARGS["seller"]).resolve_customer(RegistrationToken=ARGS["token"]))}


print(json.dumps({"resolve": resolve, "expired": expired}[ARGS["scenario"]](), default=str))
