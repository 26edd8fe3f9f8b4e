"""The audit trail refuses TRUNCATE too (PostgreSQL): a statement trigger, since the row triggers of 0004
do not fire on TRUNCATE. The table owner could still disable triggers; the deployment in README
(``flameblue db-roles``) runs the application as a role that does not own the table and holds only
SELECT and INSERT on it, so it can neither TRUNCATE nor ALTER it."""

from django.db import migrations

FORWARD = r"""
CREATE OR REPLACE FUNCTION flameblue_auditevent_no_truncate() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '审计日志只能追加，不能清空 (TRUNCATE core_auditevent)'
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS flameblue_auditevent_no_truncate ON core_auditevent;
CREATE TRIGGER flameblue_auditevent_no_truncate
    BEFORE TRUNCATE ON core_auditevent
    FOR EACH STATEMENT EXECUTE FUNCTION flameblue_auditevent_no_truncate();
"""

REVERSE = r"""
DROP TRIGGER IF EXISTS flameblue_auditevent_no_truncate ON core_auditevent;
DROP FUNCTION IF EXISTS flameblue_auditevent_no_truncate();
"""


def _on_postgresql(sql: str):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("core", "0006_undelivered_notifications")]

    operations = [
        migrations.RunPython(_on_postgresql(FORWARD), _on_postgresql(REVERSE), elidable=False),
    ]
