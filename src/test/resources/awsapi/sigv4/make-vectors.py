"""Signs requests shaped like the AWS Marketplace APIs' with botocore's own SigV4 signer, at a fixed instant, and prints
them as the test vectors SigV4VerifierTests checks. Regenerate with: python3 make-vectors.py > vectors.json"""
import datetime
import json
from unittest import mock

import botocore.auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

CREDENTIALS = Credentials("AKIAOFFERDESKEXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
AT = datetime.datetime(2026, 11, 27, 8, 0, 0)

REQUESTS = [
    ("catalog GET with query", "GET",
     "https://localhost:8080/aws/catalog/DescribeEntity?catalog=AWSMarketplace&entityId=offer-abcdefghijklm",
     {}, b"", "us-east-1"),
    ("catalog POST with body", "POST", "https://localhost:8080/aws/catalog/StartChangeSet",
     {"Content-Type": "application/json"},
     b'{"Catalog":"AWSMarketplace","ChangeSet":[{"ChangeType":"CreateOffer"}]}', "us-east-1"),
    ("query needing encoding, unsorted", "GET",
     "https://localhost:8080/aws/catalog/GetResourcePolicy?resourceArn=arn%3Aaws%3Aaws-marketplace%3Aus-east-1%3A111122223333%3AAWSMarketplace%2FOffer%2Foffer-abc&a=%20b%2Bc",
     {}, b"", "eu-west-1"),
    ("agreement awsJson1_0", "POST", "https://localhost:8080/aws/agreement/",
     {"Content-Type": "application/x-amz-json-1.0",
      "X-Amz-Target": "AWSMPCommerceService_v20200301.DescribeAgreement"},
     b'{"agreementId":"agmt-abcdefghijklmnopqrstuvwxy"}', "us-east-1"),
    ("path with reserved characters", "GET", "https://localhost:8080/aws/catalog/a%20b/c~d", {}, b"", "us-east-1"),
]

vectors = []
with mock.patch.object(botocore.auth, "get_current_datetime", return_value=AT):
    for name, method, url, headers, body, region in REQUESTS:
        request = AWSRequest(method=method, url=url, headers=dict(headers), data=body)
        botocore.auth.SigV4Auth(CREDENTIALS, "aws-marketplace", region).add_auth(request)
        prepared = request.prepare()
        path, _, query = prepared.url.split("localhost:8080", 1)[1].partition("?")
        vectors.append({
            "name": name,
            "method": method,
            "path": path,
            "query": query,
            "headers": {k: v for k, v in prepared.headers.items()} | {"Host": "localhost:8080"},
            "body": body.decode(),
            "authorization": prepared.headers["Authorization"],
        })
print(json.dumps({"accessKeyId": CREDENTIALS.access_key, "secretAccessKey": CREDENTIALS.secret_key,
                  "signedAt": AT.strftime("%Y-%m-%dT%H:%M:%SZ"), "vectors": vectors}, indent=2))
