"""The story of story.py told with the AWS CLI: every call is an `aws <service> <command> --endpoint-url ...` process
whose JSON output is parsed, as a shell script's `jq` would. The flow is story.py's own; only the clients differ, so
both tell exactly the same story. AwsStoryTests runs it in the same three acts.

Usage: python3 story_cli.py '<json arguments>', the arguments of story.py."""
import json
import os
import re
import subprocess
import sys

import botocore.session
from botocore import xform_name
from botocore.exceptions import ClientError

import story
import wire

ERROR = re.compile(r"An error occurred \((?P<code>[^)]+)\)(?: \(reached max retries: \d+\))? when calling the "
                   r"(?P<operation>\w+) operation(?: \([^)]*\))?: (?P<message>.*)", re.DOTALL)


class CliClient:
    """Answers boto3's method names by running the AWS CLI command of the same operation, its input given whole with
    --cli-input-json; the output is the parsed JSON. A refusal raises the ClientError boto3 would have raised, with
    the code and message the CLI printed."""

    def __init__(self, service, party):
        self.service = story.SERVICES[service]
        self.endpoint = story.ARGS["endpoints"][service]
        keys = story.ARGS["keys"][party]
        self.environment = {**os.environ, "AWS_ACCESS_KEY_ID": keys["accessKeyId"],
                            "AWS_SECRET_ACCESS_KEY": keys["secretAccessKey"],
                            "AWS_CONFIG_FILE": "/nonexistent", "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent"}
        model = botocore.session.get_session().get_service_model(self.service)
        self.operations = {xform_name(name): name for name in model.operation_names}

    def __getattr__(self, method):
        operation = self.operations[method]

        def call(**parameters):
            command = ["aws", self.service, xform_name(operation, "-"), "--endpoint-url", self.endpoint,
                       "--region", "us-east-1", "--output", "json",
                       "--cli-input-json", json.dumps(parameters, default=lambda v: v.isoformat())]
            done = subprocess.run(command, env=self.environment, capture_output=True, text=True, timeout=180)
            if done.returncode != 0:
                refused = ERROR.search(done.stderr)
                if refused is None:
                    raise RuntimeError(" ".join(command[:3]) + " failed: " + done.stderr)
                raise ClientError({"Error": {"Code": refused["code"], "Message": refused["message"].strip()},
                                   "ResponseMetadata": {"HTTPStatusCode": None}}, operation)
            wire.RAW.update(operation=operation, body=done.stdout, status=200, contentType=None)
            answer = json.loads(done.stdout) if done.stdout.strip() else {}
            answer["ResponseMetadata"] = {}
            return answer

        return call


story.ARGS = json.loads(sys.argv[1])
story.CLIENT = CliClient
print(json.dumps(story.ACTS[story.ARGS["act"]](), default=str))
