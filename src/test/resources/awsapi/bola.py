"""The AWS half of the BOLA matrix (BolaMatrixTests): every user calls every operation with boto3 as any program would,
one attempt each, and each outcome is printed as JSON, in the order of the users and then of the calls. Nothing here
knows Offerdesk: only the endpoint URLs are changed. A call boto3 refuses to send (its own parameter validation) is an
outcome too, with status 0, so that the test names it.

Usage: python3 bola.py '<json arguments>': endpoint (base URL), users (each {"name": ..., "keys": {...}}) and calls
(each {"service": "<botocore name>", "path": "/aws/<service>", "operation": "<boto3 method name>", "params": {...}})."""
import json
import sys

import wire

ARGS = json.loads(sys.argv[1])


def outcome(client, call):
    try:
        return wire.outcome(lambda: getattr(client, call["operation"])(**call["params"]))
    except Exception as e:  # noqa: BLE001 - botocore's own validation, not an answer of the server
        return {"ok": False, "exception": type(e).__name__, "message": str(e), "status": 0, "raw": {}}


results = []
for user in ARGS["users"]:
    clients = {}
    for call in ARGS["calls"]:
        if call["service"] not in clients:
            clients[call["service"]] = wire.client(call["service"], ARGS["endpoint"] + call["path"], user["keys"])
        results.append(outcome(clients[call["service"]], call))
print(json.dumps(results, default=str))
