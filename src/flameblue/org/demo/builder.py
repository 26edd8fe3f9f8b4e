"""Building the Bozhou demo organization set from ``bozhou.yaml``: governments, committees, departments,
the fire service, a few social units, their staff and the demo accounts.

Every step looks its record up before creating it and never changes an existing one, so running the seed
again creates nothing and keeps whatever users changed (passwords, names, memberships)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml
from django.conf import settings
from django.utils import timezone

from flameblue.core import crypto
from flameblue.geo.choices import RegionLevel
from flameblue.geo.models import Region
from flameblue.org.choices import OrgKind
from flameblue.org.demo.people import credit_code, fake_person
from flameblue.org.models import Industry, Membership, Organization, Person, Role, User

__all__ = ["DATA_FILE", "DemoBuilder", "read_demo_data", "township_government_name"]

DATA_FILE = Path(__file__).resolve().parent / "bozhou.yaml"


def read_demo_data(path: Path = DATA_FILE) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def township_government_name(region_name: str, rules: list[dict[str, str]]) -> str:
    """镇/乡 → “…人民政府”, 街道 → “…办事处”, development zones → “…管理委员会” (first matching suffix)."""
    for rule in rules:
        if region_name.endswith(rule["suffix"]):
            return rule["name"].format(name=region_name)
    raise ValueError(f"no township naming rule matches {region_name!r}")


@dataclass
class DemoBuilder:
    data: dict[str, Any]
    created: Counter = field(default_factory=Counter)
    by_name: dict[str, Organization | None] = field(default_factory=dict)

    # -- lookups -------------------------------------------------------------------------------------

    @cached_property
    def roles(self) -> dict[str, Role]:
        return {r.code: r for r in Role.objects.all()}

    @cached_property
    def industries(self) -> dict[str, Industry]:
        return {i.code: i for i in Industry.objects.all()}

    def org(self, name: str) -> Organization:
        found = self.by_name.get(name)
        if found is None:
            raise ValueError(f"demo data refers to an unknown or ambiguous organization name {name!r}")
        return found

    # -- records -------------------------------------------------------------------------------------

    def organization(self, name: str, kind: str, region: str, **extra: Any) -> Organization:
        org = Organization.objects.filter(region_id=region, kind=kind, name=name).first()
        if org is None:
            org = Organization.objects.create(name=name, kind=kind, region_id=region, **extra)
            self.created["organizations"] += 1
        # Township names repeat across counties (城关街道); such names cannot be referred to in the data file.
        clash = name in self.by_name and (self.by_name[name] is None or self.by_name[name].pk != org.pk)
        self.by_name[name] = None if clash else org
        return org

    def person(self, key: str, org: Organization, *, title: str, name: str = "", gender: str = "") -> Person:
        fake = fake_person(key, region=org.region_id, name=name, gender=gender)
        person = Person.objects.filter(id_number_digest=crypto.digest(fake.id_number)).first()
        if person is None:
            person = Person(
                name=fake.name, gender=fake.gender, phone=fake.phone, organization=org, title=title
            )
            person.id_number = fake.id_number
            person.save()
            self.created["people"] += 1
        return person

    def membership(self, person: Person, org: Organization, role_code: str, title: str) -> Membership:
        membership, made = Membership.objects.get_or_create(
            person=person, organization=org, role=self.roles[role_code], defaults={"title": title}
        )
        self.created["memberships"] += int(made)
        return membership

    def staff(self, org: Organization, group: str, **titles: str) -> None:
        for index, row in enumerate(self.data["staff"].get(group, [])):
            title = row["title"].format(**titles)
            person = self.person(f"{org.name}/{index}", org, title=title)
            self.membership(person, org, row["role"], title)

    # -- the tree ------------------------------------------------------------------------------------

    def build(self) -> Counter:
        self.governments()
        self.fire_service()
        self.social_units()
        self.accounts()
        return self.created

    def governments(self) -> None:
        data = self.data
        city_cfg = data["city"]
        city = self._government_level(city_cfg, parent=None)
        for county_cfg in data["counties"]:
            county = self._government_level(county_cfg, parent=city)
            self._townships(county)

    def _government_level(self, cfg: dict[str, str], *, parent: Organization | None) -> Organization:
        data, region, prefix = self.data, cfg["region"], cfg["prefix"]
        titles = {"head": cfg["head"], "deputy": cfg["deputy"]}
        gov = self.organization(
            data["government_name"].format(prefix=prefix), OrgKind.GOVERNMENT, region, parent=parent
        )
        self.staff(gov, "government", **titles)
        committee = self.organization(
            data["committee_name"].format(prefix=prefix), OrgKind.COMMITTEE, region, parent=gov
        )
        self.staff(committee, "committee")
        for code in data["departments"]:
            industry = self.industries[code]
            dept_name = data.get("department_names", {}).get(code) or industry.department_name
            dept = self.organization(
                f"{prefix}{dept_name}", OrgKind.DEPARTMENT, region, parent=gov, industry=industry
            )
            self.staff(dept, "department")
        return gov

    def _townships(self, county: Organization) -> None:
        townships = Region.objects.filter(parent_id=county.region_id, level=RegionLevel.TOWNSHIP).order_by(
            "code"
        )
        for township in townships:
            name = township_government_name(township.name, self.data["township_names"])
            gov = self.organization(name, OrgKind.GOVERNMENT, township.code, parent=county)
            self.staff(gov, "township")

    def fire_service(self) -> None:
        cfg = self.data["fire_service"]
        d = cfg["detachment"]
        detachment = self.organization(
            d["name"], OrgKind.DETACHMENT, d["region"], address=d.get("address", ""), phone=d.get("phone", "")
        )
        self.staff(detachment, "detachment")
        for office in cfg["offices"]:
            self.staff(
                self.organization(office, OrgKind.DETACHMENT_OFFICE, d["region"], parent=detachment),
                "detachment_office",
            )
        groups = [
            ("brigades", OrgKind.BRIGADE, "brigade"),
            ("stations", OrgKind.STATION, "station"),
            ("fulltime_brigades", OrgKind.FULLTIME_BRIGADE, "fulltime_brigade"),
            ("volunteer_brigades", OrgKind.VOLUNTEER_BRIGADE, "volunteer_brigade"),
        ]
        for key, kind, staff_group in groups:
            for row in cfg.get(key, []):
                parent_name = row.get("parent") or row.get("brigade")
                parent = self.org(parent_name) if parent_name else detachment
                self.staff(self.organization(row["name"], kind, row["region"], parent=parent), staff_group)

    def social_units(self) -> None:
        for row in self.data.get("social_units", []):
            unit = self.organization(
                row["name"],
                OrgKind.SOCIAL_UNIT,
                row["region"],
                industry=self.industries[row["industry"]],
                address=row.get("address", ""),
                credit_code=credit_code(row["name"], region=row["region"]),
            )
            self.staff(unit, "social_unit")

    def accounts(self) -> None:
        for row in self.data["accounts"]:
            org = self.org(row["org"])
            person = self.person(
                f"account/{row['username']}",
                org,
                title=row["title"],
                name=row["name"],
                gender=row.get("gender", ""),
            )
            self.membership(person, org, row["role"], row["title"])
            for extra in row.get("also", []):
                self.membership(person, self.org(extra["org"]), extra["role"], extra.get("title", ""))
            self._user(row["username"], person)

    def _user(self, username: str, person: Person) -> User:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username, person=person, password_changed_at=timezone.now())
            user.set_password(settings.DEMO_PASSWORD)
            user.save()
            self.created["accounts"] += 1
        return user
