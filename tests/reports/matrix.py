"""Access cases for the statistics pages and the figures API: every logged-in reader gets the list (with the
figures their roles may read); a figure over records a role may not read is 403."""

from tests.matrix import Case

FOUND = lambda w: {"code": "hazards.found"}  # noqa: E731

CASES = [
    Case("reports:figure-list", allowed="qiaocheng"),
    Case("reports:figure-records", kwargs=FOUND, allowed="qiaocheng", no_permission="auditor"),
    Case("api:figure-list", api=True, allowed="qiaocheng"),
    Case("api:figure-detail", kwargs=FOUND, api=True, allowed="qiaocheng", no_permission="auditor"),
    Case("api:figure-records", kwargs=FOUND, api=True, allowed="edu", no_permission="auditor"),
]

CASES += [
    Case("reports:monthly", allowed="qiaocheng"),
    Case("reports:monthly-export", allowed="qiaocheng"),
    Case(
        "reports:figure-chart",
        kwargs=FOUND,
        query="region=341622",
        allowed="mengcheng",
        no_permission="auditor",
        out_of_scope="qiaocheng",
    ),  # fmt: skip
    Case("api:figure-series", kwargs=FOUND, api=True, allowed="qiaocheng", no_permission="auditor"),
]
