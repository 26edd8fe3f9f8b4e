"""Access-matrix cases for the region pages."""

from tests.matrix import Case

CASES = [
    Case("geo:region-list", allowed="qiaocheng", no_permission="auditor"),
    Case(
        "geo:region-detail",
        kwargs=lambda w: {"pk": "341622"},
        allowed="mengcheng",
        no_permission="auditor",
        out_of_scope="qiaocheng",
    ),
    # A township officer sees their street, not the district above it.
    Case("geo:region-detail", kwargs=lambda w: {"pk": "341602"}, allowed="edu", out_of_scope="grid"),
]
