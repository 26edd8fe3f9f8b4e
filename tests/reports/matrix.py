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


def _summary(w):
    if not hasattr(w, "summary"):
        from flameblue.reports.summary.services import create_report

        w.summary = create_report(by=w.people.qiaocheng, organization=w.orgs.qiaocheng_brigade, year=2019)
    return w.summary


SUMMARY = lambda w: {"pk": _summary(w).pk}  # noqa: E731
ROLES = {"allowed": "qiaocheng", "out_of_scope": "mengcheng", "no_permission": "auditor"}
TEXT = lambda w: {"title": _summary(w).title, "blocks": [{"key": "outlook", "text": "下一步。"}]}  # noqa: E731

CASES += [
    Case("reports:annual-list", allowed="qiaocheng", no_permission="auditor"),
    Case("reports:annual-create", allowed="qiaocheng", no_permission="auditor"),
    Case("reports:annual-create", method="post", ok_status=(302,), allowed="qiaocheng", no_permission="auditor",
         data=lambda w: {"organization": w.orgs.qiaocheng_brigade.pk, "year": 2018}),
    Case("reports:annual-templates", allowed="detachment", no_permission="qiaocheng"),
    Case("reports:annual-detail", kwargs=SUMMARY, **ROLES),
    Case("reports:annual-edit", kwargs=SUMMARY, **ROLES),
    Case("reports:annual-edit", kwargs=SUMMARY, method="post", ok_status=(302,), **ROLES,
         data=lambda w: {"title": _summary(w).title, "expected_version": _summary(w).version}),
    Case("reports:annual-refresh", kwargs=SUMMARY, method="post", ok_status=(302,), **ROLES),
    Case("reports:annual-export", kwargs=SUMMARY, query="as=md", **ROLES),
    Case("api:annual-report-list", api=True, allowed="qiaocheng", no_permission="auditor"),
    Case("api:annual-report-list", api=True, method="post", ok_status=(201,), allowed="qiaocheng",
         no_permission="auditor", data=lambda w: {"organization": w.orgs.qiaocheng_brigade.pk, "year": 2017}),
    Case("api:annual-report-detail", kwargs=SUMMARY, api=True, **ROLES),
    Case("api:annual-report-text", kwargs=SUMMARY, api=True, **ROLES),
    Case("api:annual-report-versions", kwargs=SUMMARY, api=True, **ROLES),
    Case("api:annual-report-export", kwargs=SUMMARY, api=True, query="as=json", **ROLES),
    Case("api:annual-report-edit", kwargs=SUMMARY, api=True, method="post", data=TEXT, **ROLES),
    Case("api:annual-report-refresh", kwargs=SUMMARY, api=True, method="post", data=lambda w: {}, **ROLES),
]  # fmt: skip
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
