"""The PostgreSQL roles of a production deployment: an *owner* role that owns every table and runs
``migrate``, ``restore`` and ``purge-audit``, and an *application* role that gunicorn and Huey use.

The application role may read and write the application's tables but on the audit table
(``core_auditevent``) only SELECT and INSERT: it does not own it, so it can neither TRUNCATE it nor
``ALTER TABLE … DISABLE TRIGGER`` the append-only guards, nor UPDATE or DELETE rows. ``flameblue db-roles``
prints (or, with ``--apply``, runs as a superuser) the SQL below."""

from __future__ import annotations

import re

__all__ = ["AUDIT_TABLE", "roles_sql"]

AUDIT_TABLE = "core_auditevent"
_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


def _ident(name: str) -> str:
    if not _NAME.match(name):
        raise ValueError(f"角色名只能包含小写字母、数字和下划线：{name!r}")
    return name


def roles_sql(*, database: str, owner: str, app: str, schema: str = "public") -> str:
    owner, app, schema, database = _ident(owner), _ident(app), _ident(schema), database.replace('"', "")
    return f"""
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{owner}') THEN CREATE ROLE {owner} LOGIN; END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{app}') THEN CREATE ROLE {app} LOGIN; END IF;
END $$;
GRANT CONNECT ON DATABASE "{database}" TO {owner}, {app};
ALTER SCHEMA {schema} OWNER TO {owner};
DO $$ DECLARE r record; BEGIN
    FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = '{schema}' LOOP
        EXECUTE format('ALTER TABLE {schema}.%I OWNER TO {owner}', r.tablename);
    END LOOP;
    FOR r IN SELECT sequencename FROM pg_sequences WHERE schemaname = '{schema}' LOOP
        EXECUTE format('ALTER SEQUENCE {schema}.%I OWNER TO {owner}', r.sequencename);
    END LOOP;
END $$;
REVOKE ALL ON SCHEMA {schema} FROM {app};
GRANT USAGE ON SCHEMA {schema} TO {app};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {app};
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {schema} TO {app};
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON {schema}.{AUDIT_TABLE} FROM {app};
GRANT SELECT, INSERT ON {schema}.{AUDIT_TABLE} TO {app};
ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA {schema}
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {app};
ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA {schema}
    GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO {app};
""".strip()
