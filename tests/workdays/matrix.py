from tests.matrix import Case

CASES = [
    Case("workdays:calendar", allowed="detachment", no_permission="qiaocheng", query="year=2025"),
    Case(
        "workdays:calendar",
        method="post",
        data=lambda w: {"date": "2025-02-05", "is_working": "0", "note": "测试"},
        allowed="sysadmin",
        no_permission="unit_manager",
        ok_status=(302,),
    ),
    Case(
        "workdays:year-create",
        method="post",
        data=lambda w: {"year": 2042},
        allowed="detachment",
        no_permission="auditor",
        ok_status=(302,),
    ),
]
