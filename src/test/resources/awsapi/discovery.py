"""Drives Offerdesk's /aws/discovery with boto3 as a buyer's program would and prints what happened as JSON for
DiscoveryWireTests to check. Nothing here knows Offerdesk: only the endpoint URL is changed.

Usage: python3 discovery.py '<json arguments>' (endpoint, buyer and otherBuyer keys, the search word and category,
the product, the buyer's private offer, another buyer's offer and the buyer's offer set)."""
import json
import sys

import wire

ARGS = json.loads(sys.argv[1])
buyer = wire.client("marketplace-discovery", ARGS["endpoint"], ARGS["buyer"])
other = wire.client("marketplace-discovery", ARGS["endpoint"], ARGS["otherBuyer"])
outcome = wire.outcome
word = ARGS["word"]
results = {}


def call(name, fn, *members):
    results[name] = outcome(fn, *members)
    return results[name].get("response", {})


# the operator throttled the buyer's SearchFacets once: one attempt in all ("max_attempts" counts retries only)
once = wire.client("marketplace-discovery", ARGS["endpoint"], ARGS["buyer"], retries={"total_max_attempts": 1})
call("throttled", lambda: once.search_facets(searchText=word, facetTypes=["CATEGORY"]))

# search: every listing with the word, then only the SaaS ones, and the facets of the search
call("searchAll", lambda: buyer.search_listings(searchText=word, maxResults=100))
call("searchSaas", lambda: buyer.search_listings(
    searchText=word, filters=[{"filterType": "FULFILLMENT_OPTION_TYPE", "filterValues": ["SAAS"]}]))
facets = call("facets", lambda: buyer.search_facets(searchText=word))
category = next((f["value"] for f in facets.get("listingFacets", {}).get("CATEGORY", [])
                 if f["displayName"] == ARGS["category"]), "none")
results["categoryId"] = category
call("searchCategory", lambda: buyer.search_listings(
    searchText=word, filters=[{"filterType": "CATEGORY", "filterValues": [category, "no-such-category"]}]))
publisher = next((f["value"] for f in facets.get("listingFacets", {}).get("PUBLISHER", [])), "none")
call("searchPublisherUsage", lambda: buyer.search_listings(
    searchText=word, filters=[{"filterType": "PUBLISHER", "filterValues": [publisher]},
                              {"filterType": "PRICING_MODEL", "filterValues": ["USAGE", "BYOL"]}]))
call("searchFree", lambda: buyer.search_listings(
    searchText=word, filters=[{"filterType": "PRICING_MODEL", "filterValues": ["FREE"]}]))
first = call("firstPage", lambda: buyer.search_listings(searchText=word, maxResults=1))
call("secondPage", lambda: buyer.search_listings(searchText=word, maxResults=1, nextToken=first.get("nextToken", "")))

# the product the buyer holds a private offer for: listing, product, fulfillment
listing_id = next((s["listingId"] for s in call("searchProduct", lambda: buyer.search_listings(
    searchText=ARGS["productWord"])).get("listingSummaries", [])), "none")
call("getListing", lambda: buyer.get_listing(listingId=listing_id))
call("getProduct", lambda: buyer.get_product(productId=ARGS["product"]))
call("fulfillment", lambda: buyer.list_fulfillment_options(productId=ARGS["product"]))

# the buyer's purchase options, its private offer and the offer's terms


def private_options():
    # other programs' offers for the same buyer may fill several pages: boto3's paginator follows nextToken
    pages = list(buyer.get_paginator("list_purchase_options").paginate(
        filters=[{"filterType": "VISIBILITY_SCOPE", "filterValues": ["PRIVATE"]}], PaginationConfig={"PageSize": 10}))
    return {"ResponseMetadata": pages[-1]["ResponseMetadata"], "pages": len(pages),
            "purchaseOptions": [o for p in pages for o in p["purchaseOptions"]]}


call("privateOptions", private_options)
call("productOptions", lambda: buyer.list_purchase_options(
    filters=[{"filterType": "PRODUCT_ID", "filterValues": [ARGS["product"]]},
             {"filterType": "PURCHASE_OPTION_TYPE", "filterValues": ["OFFER"]}]))
call("getOffer", lambda: buyer.get_offer(offerId=ARGS["offer"]))
call("getOfferTerms", lambda: buyer.get_offer_terms(offerId=ARGS["offer"]))


def terms_in_pages():
    pages = list(buyer.get_paginator("get_offer_terms").paginate(
        offerId=ARGS["offer"], PaginationConfig={"PageSize": 2}))
    return {"ResponseMetadata": pages[-1]["ResponseMetadata"], "pages": len(pages),
            "offerTerms": [t for p in pages for t in p["offerTerms"]]}


call("termsInPages", terms_in_pages)
call("workshopFulfillment", lambda: buyer.list_fulfillment_options(productId=ARGS["workshop"]))
call("imageFulfillment", lambda: buyer.list_fulfillment_options(productId=ARGS["image"]))
call("containerFulfillment", lambda: buyer.list_fulfillment_options(productId=ARGS["container"]))
call("getOfferSet", lambda: buyer.get_offer_set(offerSetId=ARGS["offerSet"]))

# what the buyer may not see, and what it asks wrongly
call("otherBuyersOffer", lambda: buyer.get_offer(offerId=ARGS["otherOffer"]))
call("otherBuyersTerms", lambda: buyer.get_offer_terms(offerId=ARGS["otherOffer"]))
call("productForOtherBuyer", lambda: other.get_product(productId=ARGS["product"]))
call("offerForOtherBuyer", lambda: other.get_offer(offerId=ARGS["offer"]))
call("unknownListing", lambda: buyer.get_listing(listingId="prodview-nosuchproduct"))
call("noScope", lambda: buyer.list_purchase_options(), "reason")
call("badToken", lambda: buyer.search_listings(searchText=word, nextToken="bm90LWEtbnVtYmVy"), "reason")
call("leastRelevantFirst", lambda: buyer.search_listings(searchText=word, sortOrder="ASCENDING"), "reason")
call("unsupportedFilter", lambda: buyer.search_listings(
    filters=[{"filterType": "MIN_AVERAGE_CUSTOMER_RATING", "filterValues": ["4.0"]}]), "reason")

print(json.dumps(results, default=str))
