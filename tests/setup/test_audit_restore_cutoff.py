"""How restore tells when a PostgreSQL backup was taken (the header of ``pg_restore --list``)."""

import datetime as dt

from flameblue.core.audit_restore import parse_archive_created

LISTING = """;
; Archive created at 2026-12-04 15:40:11 UTC
;     dbname: flameblue
;     Dump Version: 1.15-0
"""


def test_archive_creation_time_is_read_from_the_listing():
    assert parse_archive_created(LISTING) == dt.datetime(2026, 12, 4, 15, 40, 11, tzinfo=dt.UTC)


def test_a_listing_without_a_header_gives_no_time():
    assert parse_archive_created("garbage") is None
