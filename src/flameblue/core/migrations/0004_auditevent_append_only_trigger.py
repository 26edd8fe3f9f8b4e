"""Database guards that hold even against raw SQL (PostgreSQL only; SQLite relies on the model layer):

- the audit trail is append-only: UPDATE is refused (except the ON DELETE SET NULL of a deleted actor,
  which keeps ``actor_name``), and DELETE is refused for rows younger than the 180-day legal minimum, so the
  retention purge still works for old rows;
- separation of duties (三员分立): one person cannot hold two of the system/security/audit administrator
  duty groups through active memberships.
"""

from django.db import migrations

AUDIT_FORWARD = r"""
CREATE OR REPLACE FUNCTION flameblue_auditevent_guard() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF OLD.actor_id IS NOT NULL AND NEW.actor_id IS NULL
           AND (to_jsonb(NEW) - 'actor_id') = (to_jsonb(OLD) - 'actor_id') THEN
            RETURN NEW;
        END IF;
        RAISE EXCEPTION '审计日志只能追加，不能修改 (core_auditevent id=%)', OLD.id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF OLD.at > now() - interval '180 days' THEN
        RAISE EXCEPTION '审计日志至少保留 180 天，不能删除 (core_auditevent id=%)', OLD.id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN OLD;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS flameblue_auditevent_guard ON core_auditevent;
CREATE TRIGGER flameblue_auditevent_guard
    BEFORE UPDATE OR DELETE ON core_auditevent
    FOR EACH ROW EXECUTE FUNCTION flameblue_auditevent_guard();
"""

AUDIT_REVERSE = r"""
DROP TRIGGER IF EXISTS flameblue_auditevent_guard ON core_auditevent;
DROP FUNCTION IF EXISTS flameblue_auditevent_guard();
"""

DUTIES_FORWARD = r"""
CREATE OR REPLACE FUNCTION flameblue_membership_duties_guard() RETURNS trigger AS $$
DECLARE
    new_group varchar;
    clash varchar;
BEGIN
    IF NOT NEW.is_active THEN
        RETURN NEW;
    END IF;
    SELECT duty_group INTO new_group FROM org_role WHERE id = NEW.role_id;
    IF new_group IS NULL OR new_group = '' THEN
        RETURN NEW;
    END IF;
    -- Serialise concurrent grants to the same person so two transactions cannot both pass the check.
    PERFORM 1 FROM org_person WHERE id = NEW.person_id FOR UPDATE;
    SELECT r.duty_group INTO clash
      FROM org_membership m JOIN org_role r ON r.id = m.role_id
     WHERE m.person_id = NEW.person_id AND m.is_active AND m.id IS DISTINCT FROM NEW.id
       AND r.duty_group <> '' AND r.duty_group <> new_group
     LIMIT 1;
    IF clash IS NOT NULL THEN
        RAISE EXCEPTION '三员分立：同一人员不能同时担任 % 与 % 角色', clash, new_group
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS flameblue_membership_duties_guard ON org_membership;
CREATE TRIGGER flameblue_membership_duties_guard
    BEFORE INSERT OR UPDATE ON org_membership
    FOR EACH ROW EXECUTE FUNCTION flameblue_membership_duties_guard();
"""

DUTIES_REVERSE = r"""
DROP TRIGGER IF EXISTS flameblue_membership_duties_guard ON org_membership;
DROP FUNCTION IF EXISTS flameblue_membership_duties_guard();
"""


def _on_postgresql(sql: str):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_inbox_and_files"),
        ("org", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(_on_postgresql(AUDIT_FORWARD), _on_postgresql(AUDIT_REVERSE), elidable=False),
        migrations.RunPython(_on_postgresql(DUTIES_FORWARD), _on_postgresql(DUTIES_REVERSE), elidable=False),
    ]
