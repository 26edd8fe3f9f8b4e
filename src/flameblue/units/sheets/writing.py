"""Writing a validated unit sheet in bulk: the rows become units in batches of INSERTs and UPDATEs instead of
one service call (and ~25 queries) per row, inside the caller's single transaction (all or nothing).

The rules the unit services apply one unit at a time hold here for the whole batch:
- each new unit gets its social-unit organization (an existing one of that name in that township that has
  no unit yet, otherwise a new one) and its named people as people of that organization;
- the key-unit rules give their suggestion for new units and again whenever a rule attribute changes;
- updates bump the version (and the organization follows the unit's name, township, industry, credit
  code and address); a unit changed by someone since the sheet was validated stops the import;
- the written units must still be in the importer's scope (updates: after each batch; new units: once,
  after the last batch, as they are streamed — :func:`_create_all`);
- every written unit, organization and person gets one IMPORT audit row naming the job and sheet row,
  appended in bulk."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from flameblue.core import audit
from flameblue.core.bulk import Blank, CopyStream, gc_paused, insert_rows
from flameblue.core.errors import PermissionDeniedError
from flameblue.core.models import AuditEvent
from flameblue.core.scoping import has_action
from flameblue.org.choices import OrgKind
from flameblue.org.models import Organization, Person
from flameblue.units.keyunits import Judge
from flameblue.units.models import Unit
from flameblue.units.selectors import active_rulesets, unit_attributes
from flameblue.units.services import ORG_FIELDS, PEOPLE_FIELDS, RULE_FIELDS
from flameblue.units.sheets.importing import PERSON_KEYS, RowPlan

__all__ = ["BATCH_SIZE", "ImportAborted", "write_plans"]

#: Rows written per batch (one INSERT or UPDATE per table and batch).
BATCH_SIZE = 1000
#: The sheet's person columns for each unit field: (name key, phone key).
_ROLES = {
    "responsible_person": ("responsible_name", "responsible_phone"),
    "safety_manager": ("manager_name", "manager_phone"),
}
_FK_KEYS = {"region": "region_id", "place_type": "place_type_id", "industry": "industry_id"}


class ImportAborted(Exception):
    """A row could not be written: raised inside the import transaction so every row is rolled back."""

    def __init__(self, row: int | None, reason: str):
        self.row = row
        self.message = _("第 %(row)s 行：%(reason)s") % {"row": row, "reason": reason} if row else reason
        super().__init__(self.message)


@dataclass
class _Writer:
    by: Any
    source: str
    rulesets: list[Any] = field(default_factory=active_rulesets)
    #: The audit rows to write at the next flush: (object, changes, reason).
    events: list[tuple[Any, dict[str, Any], str]] = field(default_factory=list)
    user: Any = None
    #: One time for the whole import: every row it creates is created "now".
    now: Any = field(default_factory=timezone.now)
    _template: str | None = None
    _reasons: dict[int, str] = field(default_factory=dict)
    _judge: Judge | None = None
    _blanks: dict[type, Blank] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.user = self.by if getattr(self.by, "pk", None) else None
        self.user_id = self.user.pk if self.user else None

    def new(self, model: type, **values: Any) -> Any:
        """A new unsaved ``model`` instance (fields by attribute name), fast: see :class:`Blank`."""
        blank = self._blanks.get(model)
        if blank is None:
            blank = self._blanks[model] = Blank(model, self.now)
        return blank(**values)

    def reason(self, plan: RowPlan) -> str:
        if self._template is None:
            self._template = _("Excel 导入（%(source)s，第 %(row)s 行）")
        reason = self._reasons.get(plan.row)
        if reason is None:  # once per row, for its unit, organization and people
            reason = self._reasons[plan.row] = self._template % {"source": self.source, "row": plan.row}
        return reason

    def audit(self, obj: Any, changes: dict[str, Any], plan: RowPlan) -> None:
        self.events.append((obj, changes, self.reason(plan)))

    def flush(self, stream: CopyStream | None = None) -> None:
        audit.record_many(audit.AuditAction.IMPORT, self.events, by=self.by, stream=stream)
        self.events = []

    def suggestion(self, unit: Unit) -> None:
        if self._judge is None:
            self._judge = Judge(self.rulesets)
        judgement = self._judge(unit_attributes(unit))
        unit.key_unit_suggested = judgement.key_unit
        unit.key_unit_suggested_rules = judgement.rules
        unit.key_unit_suggested_ruleset = judgement.ruleset
        unit.key_unit_needs_review = judgement.key_unit != unit.is_key_unit

    def new_person(self, name: str, phone: str, organization_id: int, title: str) -> Person:
        return self.new(
            Person,
            name=name,
            phone=phone or "",
            organization_id=organization_id,
            title=title,
            created_by_id=self.user_id,
            updated_by_id=self.user_id,
        )


def _batches(items: list[RowPlan], size: int | None = None) -> Iterator[list[RowPlan]]:
    size = size or BATCH_SIZE  # read at call time, so tests can make batches small
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _unit_fields(values: dict[str, Any]) -> dict[str, Any]:
    """The row's unit attributes as model field values (foreign keys by id, no people, no tags)."""
    fields: dict[str, Any] = {}
    for key, value in values.items():
        if key in PERSON_KEYS or key == "risk_tags":
            continue
        fields[_FK_KEYS.get(key, key)] = value or None if key in _FK_KEYS else value
    return fields


# --- creating ---------------------------------------------------------------------------------------------


def _waiting_organizations(plans: list[RowPlan]) -> dict[tuple[str, str], Organization]:
    """Social-unit organizations without a unit yet, by (township, name), for the sheet's new units: a
    registered organization gets its unit rather than a namesake (one query per batch, before any write)."""
    waiting: dict[tuple[str, str], Organization] = {}
    for batch in _batches(plans):
        names = {p.values["name"] for p in batch}
        regions = {p.values["region"] for p in batch}
        # region, kind and name together use the organizations' unique index
        for org in Organization.objects.filter(
            region_id__in=regions, kind=OrgKind.SOCIAL_UNIT, name__in=names, unit__isnull=True
        ).order_by("-pk"):
            waiting[(org.region_id, org.name)] = org  # the lowest pk wins, as .first() did
    return waiting


def _organizations(
    plans: list[RowPlan], writer: _Writer, waiting: dict[tuple[str, str], Organization], stream: CopyStream
) -> dict[int, Organization]:
    """Each new unit's organization by sheet row: a waiting social-unit organization or a new one."""
    found: dict[int, Organization] = {}
    new: list[tuple[RowPlan, Organization]] = []
    for plan in plans:
        org = waiting.pop((plan.values["region"], plan.values["name"]), None)
        if org is None:
            values = {
                _FK_KEYS.get(name, name): plan.values[name] or ("" if name != "industry" else None)
                for name in ORG_FIELDS
                if name in plan.values
            }
            org = writer.new(
                Organization,
                kind=OrgKind.SOCIAL_UNIT,
                created_by_id=writer.user_id,
                updated_by_id=writer.user_id,
                **values,
            )
            new.append((plan, org))
        found[plan.row] = org
    stream.insert([org for _plan, org in new])
    for plan, org in new:
        writer.audit(org, audit.created(org), plan)
    return found


def _people_and_units(
    plans: list[RowPlan], orgs: dict[int, Organization], writer: _Writer, stream: CopyStream
) -> list[Unit]:
    """Each new unit with its suggestion and its named people, written."""
    units: list[Unit] = []
    people: list[tuple[RowPlan, Unit, str, Person]] = []
    for plan in plans:
        org_id = orgs[plan.row].pk
        unit = writer.new(
            Unit,
            organization_id=org_id,
            created_by_id=writer.user_id,
            updated_by_id=writer.user_id,
            **_unit_fields(plan.values),
        )
        writer.suggestion(unit)
        for field_name, (name_key, phone_key) in _ROLES.items():
            name = plan.values.get(name_key) or ""
            if name:
                person = writer.new_person(
                    name, plan.values.get(phone_key) or "", org_id, PEOPLE_FIELDS[field_name]
                )
                people.append((plan, unit, field_name, person))
        units.append(unit)
    stream.insert([p for *_rest, p in people])
    for plan, unit, field_name, person in people:
        setattr(unit, f"{field_name}_id", person.pk)
        writer.audit(person, audit.created(person), plan)
    stream.insert(units)
    return units


def _check_references_so_far(stream: CopyStream) -> None:
    """Have PostgreSQL check the foreign keys of the rows queued so far now, on the stream's thread, while
    Python makes the rest, instead of all at COMMIT with nothing else to do. Django declares every foreign
    key ``DEFERRABLE INITIALLY DEFERRED`` (and every deferrable constraint of the schema is initially
    deferred), so setting them back to ``DEFERRED`` restores the default. Called twice per sheet, each
    time once the tables the references point into are written: checking at the end of every statement
    instead (``IMMEDIATE`` for the whole write) was measured at 786 s of PostgreSQL time instead of 30 s
    for a 100k-row sheet, for a reason not found (a plain repro of per-statement checks was as fast as
    deferred ones)."""
    if connection.vendor == "postgresql":
        stream.execute("SET CONSTRAINTS ALL IMMEDIATE")
        stream.execute("SET CONSTRAINTS ALL DEFERRED")


def _create_all(plans: list[RowPlan], writer: _Writer) -> None:
    """Write the new units through one :class:`CopyStream`, so PostgreSQL writes while Python makes the
    next rows: every organization (one COPY) and its audit rows; then batch by batch the people, the units
    and the people's audit rows; then the risk tags and the units' audit rows. Every id is taken from the
    sequences up front, one round trip per table for the whole sheet, so no batch waits for the one
    before. The foreign keys are checked as the stream goes (:func:`_check_references_so_far`) rather
    than all at COMMIT; the written units' scope is checked once, at the end."""
    waiting = _waiting_organizations(plans)
    people = sum(1 for p in plans for name_key, _phone in _ROLES.values() if p.values.get(name_key))
    orgs = sum(1 for p in plans if (p.values["region"], p.values["name"]) not in waiting)
    with CopyStream() as stream:
        stream.reserve(Organization, orgs)
        stream.reserve(Person, people)
        stream.reserve(Unit, len(plans))
        stream.reserve(Unit.risk_tags.through, sum(len(p.values.get("risk_tags") or []) for p in plans))
        stream.reserve(AuditEvent, orgs + people + len(plans))
        organizations: dict[int, Organization] = {}
        for batch in _batches(plans):
            organizations.update(_organizations(batch, writer, waiting, stream))
        # PostgreSQL has work while Python makes the units: the organizations' references (regions,
        # industries, users: tables the import does not grow) and their audit rows
        _check_references_so_far(stream)
        writer.flush(stream)
        units: list[Unit] = []
        for batch in _batches(plans):
            units.extend(_people_and_units(batch, organizations, writer, stream))
            writer.flush(stream)
        _check_references_so_far(stream)  # the people's and the units' (every row they point at is written)
        links = Blank(Unit.risk_tags.through)
        for start in range(0, len(plans), BATCH_SIZE):
            end = start + BATCH_SIZE
            stream.insert(
                [
                    links(unit_id=unit.pk, risktag_id=tag)
                    for plan, unit in zip(plans[start:end], units[start:end], strict=True)
                    for tag in plan.values.get("risk_tags") or []
                ]
            )
        for plan, unit in zip(plans, units, strict=True):
            changes = audit.created(unit)
            if plan.values.get("risk_tags"):
                changes["risk_tags"] = [None, plan.values["risk_tags"]]
            writer.audit(unit, changes, plan)
        writer.flush(stream)
    _check_scope([u.pk for u in units], writer, "add")


def _set_tags(pairs: Iterable[tuple[Unit, list[str]]], *, new: bool) -> None:
    through = Unit.risk_tags.through
    pairs = list(pairs)
    if not new and pairs:
        through.objects.filter(unit_id__in=[u.pk for u, _tags in pairs]).delete()
    links = Blank(through)
    insert_rows([links(unit_id=u.pk, risktag_id=tag) for u, tags in pairs for tag in tags or []])


#: Units whose scope one query checks (PostgreSQL takes at most 65,535 parameters per statement).
SCOPE_CHUNK = 10_000


def _check_scope(ids: list[int], writer: _Writer, action: str) -> None:
    if writer.by is None:
        return
    visible = Unit.objects.visible_to(writer.by, action)
    for start in range(0, len(ids), SCOPE_CHUNK):
        chunk = ids[start : start + SCOPE_CHUNK]
        if visible.filter(pk__in=chunk).count() != len(chunk):
            raise ImportAborted(None, _("有单位写入后不在您的管辖范围内，未导入任何数据。"))


# --- updating ---------------------------------------------------------------------------------------------


def _update_batch(plans: list[RowPlan], writer: _Writer) -> None:
    current = {
        u.pk: u
        for u in Unit.objects.select_for_update(of=("self",))
        .select_related("organization", "responsible_person", "safety_manager")
        .prefetch_related("risk_tags")
        .filter(pk__in=[p.unit_id for p in plans])
    }
    now = timezone.now()
    units: list[Unit] = []
    fields: set[str] = {"version", "updated_at", "updated_by"}
    tags: list[tuple[Unit, list[str]]] = []
    befores: list[tuple[RowPlan, Unit, dict[str, Any]]] = []
    phones: list[tuple[RowPlan, Person, dict[str, Any]]] = []
    people: list[tuple[RowPlan, Unit, str, Person]] = []
    for plan in plans:
        unit = current.get(plan.unit_id)
        if unit is None or (plan.version is not None and unit.version != plan.version):
            raise ImportAborted(plan.row, _("该单位在校验后已被他人修改或删除，请重新上传校验。"))
        before = audit.snapshot(unit)
        changed = {k: plan.values[k] for k in plan.changes}
        data = _unit_fields(changed)
        rule_change = any(k in RULE_FIELDS for k in data)
        for name, value in data.items():
            setattr(unit, name, value)
        fields.update(data)
        if rule_change:
            writer.suggestion(unit)
            fields.update({"key_unit_suggested", "key_unit_suggested_rules", "key_unit_suggested_ruleset"})
            fields.add("key_unit_needs_review")
        for field_name, (name_key, phone_key) in _ROLES.items():
            if name_key not in plan.values:
                continue
            name, phone = plan.values[name_key] or "", plan.values.get(phone_key)
            person: Person | None = getattr(unit, field_name)
            if not name:
                if person is not None:
                    setattr(unit, field_name, None)
                    fields.add(field_name)
            elif person is not None and person.name == name:
                if phone is not None and phone != person.phone:
                    phones.append((plan, person, audit.snapshot(person)))
                    person.phone = phone
            else:
                new = writer.new_person(name, phone or "", unit.organization_id, PEOPLE_FIELDS[field_name])
                people.append((plan, unit, field_name, new))
                fields.add(field_name)
        if "risk_tags" in changed:
            tags.append((unit, changed["risk_tags"]))
        unit.version += 1
        unit.updated_at = now
        unit.updated_by = writer.user
        units.append(unit)
        befores.append((plan, unit, before))
    _write_people(people, phones, writer, now)
    Unit.objects.bulk_update(units, sorted(fields))
    _set_tags(tags, new=False)
    for plan, unit, before in befores:
        changes = audit.diff(before, audit.snapshot(unit))
        if plan.changes.get("risk_tags"):
            changes["risk_tags"] = plan.changes["risk_tags"]
        writer.audit(unit, changes, plan)
    _sync_organizations(befores, writer, now)
    _check_scope([u.pk for u in units], writer, "change")


def _write_people(people, phones, writer: _Writer, now) -> None:
    insert_rows([p for *_rest, p in people])
    for plan, unit, field_name, person in people:
        setattr(unit, field_name, person)
        writer.audit(person, audit.created(person), plan)
    for plan, person, before in phones:
        person.version += 1
        person.updated_at = now
        person.updated_by = writer.user
        writer.audit(person, audit.diff(before, audit.snapshot(person)), plan)
    Person.objects.bulk_update(
        [p for _plan, p, _before in phones], ["phone", "version", "updated_at", "updated_by"]
    )


def _sync_organizations(befores: list[tuple[RowPlan, Unit, dict[str, Any]]], writer: _Writer, now) -> None:
    """Each unit's organization follows its name, township, industry, credit code and address."""
    changed: list[Organization] = []
    for plan, unit, _before in befores:
        org = unit.organization
        before = audit.snapshot(org)
        for name in ORG_FIELDS:
            setattr(
                org,
                f"{name}_id" if name in {"region", "industry"} else name,
                getattr(unit, f"{name}_id" if name in {"region", "industry"} else name),
            )
        changes = audit.diff(before, audit.snapshot(org))
        if changes:
            org.version += 1
            org.updated_at = now
            org.updated_by = writer.user
            changed.append(org)
            writer.audit(org, changes, plan)
    Organization.objects.bulk_update(
        changed, [*(f for f in ORG_FIELDS), "version", "updated_at", "updated_by"]
    )


# --- the whole sheet --------------------------------------------------------------------------------------


@contextmanager
def _server_side_binding() -> Iterator[None]:
    """On PostgreSQL, send the batches' parameters separately (server-side binding) instead of quoting
    thousands of values into the SQL text in Python — the difference between seconds and minutes for a
    100k-row sheet. Only for this transaction's own cursors; the connection is put back as it was."""
    if connection.vendor != "postgresql" or connection.connection is None:
        yield
        return
    from django.db.backends.postgresql.base import ServerBindingCursor

    raw = connection.connection
    before = raw.cursor_factory
    raw.cursor_factory = ServerBindingCursor
    try:
        yield
    finally:
        raw.cursor_factory = before


def write_plans(plans: list[RowPlan], *, by: Any, source: str) -> dict[str, int]:
    """Write every planned row in batches, all in one transaction (all or nothing); ``source`` names the
    job or file in the audit reason. Returns the counts created / updated / unchanged."""
    creates = [p for p in plans if p.action == "create"]
    updates = [p for p in plans if p.action == "update"]
    if by is not None and creates and not has_action(by, Unit, "add"):
        raise PermissionDeniedError(_("您没有新增社会单位的权限。"))
    if by is not None and updates and not has_action(by, Unit, "change"):
        raise PermissionDeniedError(_("您没有修改社会单位的权限。"))
    writer = _Writer(by=by, source=source)
    try:
        with transaction.atomic(), _server_side_binding(), gc_paused():
            for batch in _batches(updates):
                _update_batch(batch, writer)
                writer.flush()
            if creates:
                _create_all(creates, writer)
    except IntegrityError as exc:
        raise ImportAborted(
            None,
            _(
                "写入时与其他已登记的单位冲突（同一乡镇同名或统一社会信用代码重复，可能刚被他人登记），未导入任何数据，请重新上传校验。"
            ),
        ) from exc
    return {
        "created": len(creates),
        "updated": len(updates),
        "unchanged": len(plans) - len(creates) - len(updates),
    }
