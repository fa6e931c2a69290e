"""Drives Offerdesk's /aws/metering with boto3 as a SaaS seller's registration page and a container product's software
would: ResolveCustomer redeems the registration token the buyer's browser brought, RegisterUsage checks the running
software's entitlement and its signature is verified with the published public key. Prints what happened as JSON for
MeteringRegistrationWireTests to check. Nothing here knows Offerdesk: only the endpoint URL is changed.

Usage: python3 registration.py '<json arguments>' where the arguments name the scenario ("resolve", "expired",
"register" or "region"), the endpoint, the keys, the token and the products (see MeteringRegistrationWireTests)."""
import base64
import datetime
import json
import sys

import boto3
from botocore.config import Config

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding

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


def b64url(part):
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def verified(signature):
    """The JWT's header and claims, and whether the published public key verifies it (PS256: RSASSA-PSS, SHA-256,
    MGF1 with SHA-256, a salt as long as the hash), as software checks it with any JOSE library."""
    header, claims, sig = signature.split(".")
    key = serialization.load_pem_public_key(ARGS["publicKeyPem"].encode())
    try:
        key.verify(b64url(sig), (header + "." + claims).encode("ascii"),
                   padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32), hashes.SHA256())
        valid = True
    except InvalidSignature:
        valid = False
    return {"header": json.loads(b64url(header)), "claims": json.loads(b64url(claims)), "valid": valid}


def register():
    buyer = client(ARGS["buyer"])

    def register_usage(product=None, version=1, **more):
        return outcome(lambda: buyer.register_usage(ProductCode=product or ARGS["container"],
                                                    PublicKeyVersion=version, **more))

    registered = register_usage(Nonce="task-7f3a")
    result = {
        "registered": registered,
        "withoutNonce": register_usage(),
        "otherKeyVersion": register_usage(version=2),
        "unknownProduct": register_usage(product="prod-nosuchproduct00"),
        "saasProduct": register_usage(product=ARGS["saas"]),
        "notBought": register_usage(product=ARGS["notBought"]),
        "sellerKey": outcome(lambda: client(ARGS["seller"]).register_usage(
            ProductCode=ARGS["container"], PublicKeyVersion=1)),
    }
    public = serialization.load_pem_public_key(ARGS["publicKeyPem"].encode()).public_numbers()
    jwk = ARGS["jwk"]
    result["jwkIsThePem"] = (int.from_bytes(b64url(jwk["n"]), "big") == public.n
                             and int.from_bytes(b64url(jwk["e"]), "big") == public.e)
    if registered["ok"]:
        result["jwt"] = verified(registered["response"]["Signature"])
        # one changed claim, signed by no one: the key must refuse it
        header, claims, sig = registered["response"]["Signature"].split(".")
        forged = dict(result["jwt"]["claims"], productCode=ARGS["notBought"])
        forged_claims = base64.urlsafe_b64encode(json.dumps(forged).encode()).decode().rstrip("=")
        result["forged"] = verified(".".join([header, forged_claims, sig]))
    return result


def region():
    """Against an Offerdesk configured for one region: the clients of wire.py sign for us-east-1."""
    signed_elsewhere = client(ARGS["buyer"])
    signed_here = boto3.client("meteringmarketplace", endpoint_url=ARGS["endpoint"], region_name=ARGS["region"],
                               aws_access_key_id=ARGS["buyer"]["accessKeyId"],
                               aws_secret_access_key=ARGS["buyer"]["secretAccessKey"],
                               config=Config(retries={"max_attempts": 1}))
    return {
        "registerElsewhere": outcome(lambda: signed_elsewhere.register_usage(
            ProductCode="prod-nosuchproduct00", PublicKeyVersion=1)),
        "batchElsewhere": outcome(lambda: signed_elsewhere.batch_meter_usage(
            ProductCode="prod-nosuchproduct00", UsageRecords=[{
                "Timestamp": datetime.datetime.now(datetime.timezone.utc), "CustomerAWSAccountId": "400000000001",
                "Dimension": "requests", "Quantity": 1}])),
        "registerHere": outcome(lambda: signed_here.register_usage(
            ProductCode="prod-nosuchproduct00", PublicKeyVersion=1)),
    }


SCENARIOS = {"resolve": resolve, "expired": expired, "register": register, "region": region}
print(json.dumps(SCENARIOS[ARGS["scenario"]](), default=str))
