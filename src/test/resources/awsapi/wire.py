"""What the boto3 wire scripts share: a client that keeps each response as it came over the wire, before boto3 parsed
it, and the outcome of a call (the response, or the exception boto3 raised with what it read from the error). The
scripts import it from their own folder, which Python puts first on the path."""
import base64
import json
import urllib.error
import urllib.request

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

RAW = {}  # the last response as it came over the wire


def client(service, endpoint, keys, binary=False, retries=None, **config):
    """A boto3 client of the service at the endpoint, signing with the key pair; one attempt unless told otherwise.
    A binary (CBOR) body is kept base64-encoded."""
    c = boto3.client(service, endpoint_url=endpoint, region_name="us-east-1",
                     aws_access_key_id=keys["accessKeyId"], aws_secret_access_key=keys["secretAccessKey"],
                     config=Config(retries=retries or {"max_attempts": 1}, **config))

    def keep_raw(http_response, model, **kwargs):
        content = http_response.content
        RAW.update(operation=model.name,
                   body=base64.b64encode(content).decode() if binary else content.decode(),
                   status=http_response.status_code, contentType=http_response.headers.get("Content-Type"),
                   smithyProtocol=http_response.headers.get("smithy-protocol"), url=http_response.url,
                   retryAfter=http_response.headers.get("Retry-After"))

    c.meta.events.register("after-call.*.*", keep_raw)
    return c


def outcome(call, *members):
    """The response, or the exception boto3 raised: its class, the parsed code, status, message and the modeled error
    members named."""
    RAW.clear()
    try:
        response = call()
        return {"ok": True, "requestId": response["ResponseMetadata"].get("RequestId"), "response": response,
                "raw": dict(RAW)}
    except ClientError as e:
        failed = {
            "ok": False,
            "exception": type(e).__name__,
            "code": e.response["Error"]["Code"],
            "message": e.response["Error"].get("Message"),
            "status": e.response["ResponseMetadata"]["HTTPStatusCode"],
            "requestId": e.response["ResponseMetadata"].get("RequestId"),
            "raw": dict(RAW),
        }
        for member in members:
            failed[member] = e.response.get(member)
        return failed


def captured(c):
    """Keeps the client's last request exactly as boto3 sent it: signed URL, headers and body."""
    sent = {}

    def keep(request, **kwargs):
        sent.update(url=request.url, headers=dict(request.headers.items()), body=request.body)

    c.meta.events.register("before-send", keep)
    return sent


def send_again(sent):
    """Sends a captured request again, byte for byte, as someone who intercepted it would."""
    body = sent["body"] if isinstance(sent["body"], bytes) else sent["body"].encode()
    request = urllib.request.Request(sent["url"], data=body, headers=sent["headers"], method="POST")
    try:
        with urllib.request.urlopen(request) as response:
            return {"status": response.status, "body": json.loads(response.read())}
    except urllib.error.HTTPError as e:
        return {"status": e.code, "body": json.loads(e.read()), "contentType": e.headers.get("Content-Type")}
