"""factory_boy factories shared by every app's tests."""

from __future__ import annotations

import factory
from stdnum.cn import ric

from flameblue.geo.models import Region
from flameblue.org.choices import OrgKind
from flameblue.org.models import Industry, Membership, Organization, Person, Role, User

DEFAULT_PASSWORD = "Test#Passw0rd-2026"


def make_id_number(n: int, region: str = "341602", birth: str = "20010101") -> str:
    # 341602 谯城区 exists since 2000: an earlier birth date with that code is (rightly) refused by stdnum.
    body = f"{region}{birth}{n % 1000:03d}"
    return body + ric.calc_check_digit(body + "0")  # stdnum expects a placeholder check digit


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"测试组织{n}")
    kind = OrgKind.GOVERNMENT
    region = factory.LazyFunction(lambda: Region.objects.get(code="341602"))


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"测试人员{n}")
    phone = factory.Sequence(lambda n: f"138{n:08d}")
    organization = factory.SubFactory(OrganizationFactory)

    @factory.post_generation
    def id_number(self, create, extracted, **kwargs):
        if extracted:
            self.id_number = extracted
        if create:
            self.save()


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    person = factory.SubFactory(PersonFactory)
    password = factory.PostGenerationMethodCall("set_password", DEFAULT_PASSWORD)

    @factory.post_generation
    def saved(self, create, extracted, **kwargs):
        if create:
            self.save()


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    person = factory.SubFactory(PersonFactory)
    organization = factory.SelfAttribute("person.organization")
    role = factory.LazyFunction(lambda: Role.objects.get(code="brigade_inspector"))


def org(
    name: str, kind: str, region: str, *, industry: str | None = None, parent: Organization | None = None
):
    return Organization.objects.create(
        name=name,
        kind=kind,
        region_id=region,
        industry=Industry.objects.get(code=industry) if industry else None,
        parent=parent,
    )


def persona(username: str, organization: Organization, role_code: str, **person_fields) -> User:
    """A user with one membership: the organization gives the scope, the role the actions."""
    person = PersonFactory(
        organization=organization, name=person_fields.pop("name", username), **person_fields
    )
    Membership.objects.create(person=person, organization=organization, role=Role.objects.get(code=role_code))
    return UserFactory(username=username, person=person)
