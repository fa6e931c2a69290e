"""Calls operations of one service with boto3 as any program would and prints each outcome as JSON: for tests of what
the simulator's faults make an operation answer (see AwsClients.calls). Nothing here knows Offerdesk: only the
endpoint URL is changed. One attempt per call: boto3's retries would hide a fault of one call.

Usage: python3 calls.py '<json arguments>': service (botocore name), endpoint, keys, and calls, each
{"operation": "<boto3 method name>", "params": {...}}."""
import json
import sys

import wire

ARGS = json.loads(sys.argv[1])
client = wire.client(ARGS["service"], ARGS["endpoint"], ARGS["keys"], retries={"total_max_attempts": 1})
print(json.dumps([wire.outcome(lambda: getattr(client, call["operation"])(**call["params"]))
                  for call in ARGS["calls"]], default=str))
