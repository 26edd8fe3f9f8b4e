"""Access-matrix cases for organizations, people, memberships, roles, accounts and one's own account
pages. The world gets a 合肥 organization with a person, a membership and an account: outside Bozhou, so
out of scope for every Bozhou administrator."""

from flameblue.org.choices import OrgKind
from flameblue.org.models import Membership, Role
from tests.factories import PersonFactory, UserFactory, org
from tests.matrix import Case


def world(w):
    w.hefei_org = org("合肥市瑶海区人民政府", OrgKind.GOVERNMENT, "340102")
    w.hefei_person = PersonFactory(organization=w.hefei_org, name="合肥人员")
    w.hefei_user = UserFactory(username="hefei_user", person=w.hefei_person)
    w.hefei_membership = Membership.objects.create(
        person=w.hefei_person, organization=w.hefei_org, role=Role.objects.get(code="government_leader")
    )


def _qiaocheng_membership(w):
    return Membership.objects.get(person=w.people.qiaocheng.person)


REASON = {"reason": "核对联系方式以便通知"}

CASES = [
    # Organizations
    Case("org:organization-list", allowed="qiaocheng", no_permission="auditor"),
    Case(
        "org:organization-detail",
        kwargs=lambda w: {"pk": w.orgs.mengcheng_gov.pk},
        allowed="mengcheng",
        no_permission="auditor",
        out_of_scope="qiaocheng",
    ),
    Case("org:organization-create", allowed="detachment", no_permission="qiaocheng"),
    Case(
        "org:organization-update",
        kwargs=lambda w: {"pk": w.orgs.mengcheng_gov.pk},
        allowed="detachment",
        no_permission="qiaocheng",
    ),
    Case("org:organization-update", kwargs=lambda w: {"pk": w.hefei_org.pk}, out_of_scope="detachment"),
    # People
    Case("org:person-list", allowed="qiaocheng", no_permission="auditor"),
    Case(
        "org:person-detail",
        kwargs=lambda w: {"pk": w.people.mengcheng.person_id},
        allowed="mengcheng",
        no_permission="auditor",
        out_of_scope="qiaocheng",
    ),
    Case("org:person-create", allowed="detachment", no_permission="qiaocheng"),
    Case(
        "org:person-update",
        kwargs=lambda w: {"pk": w.people.qiaocheng.person_id},
        allowed="detachment",
        no_permission="qiaocheng",
    ),
    Case("org:person-update", kwargs=lambda w: {"pk": w.hefei_person.pk}, out_of_scope="detachment"),
    Case(
        "org:person-reveal",
        kwargs=lambda w: {"pk": w.people.qiaocheng.person_id},
        allowed="detachment",
        no_permission="qiaocheng",
    ),
    Case(
        "org:person-reveal",
        method="post",
        kwargs=lambda w: {"pk": w.hefei_person.pk},
        data=lambda w: REASON,
        out_of_scope="detachment",
    ),
    Case(
        "org:person-reveal",
        method="post",
        kwargs=lambda w: {"pk": w.people.qiaocheng.person_id},
        data=lambda w: REASON,
        allowed="detachment",
        no_permission="sysadmin",
    ),
    # Memberships
    Case("org:membership-list", allowed="qiaocheng", no_permission="grid"),
    Case("org:membership-create", allowed="detachment", no_permission="qiaocheng"),
    Case(
        "org:membership-update",
        kwargs=lambda w: {"pk": _qiaocheng_membership(w).pk},
        allowed="detachment",
        no_permission="qiaocheng",
    ),
    Case("org:membership-update", kwargs=lambda w: {"pk": w.hefei_membership.pk}, out_of_scope="sysadmin"),
    # Roles (reference data: visible in full to whoever may view roles)
    Case("org:role-list", allowed="qiaocheng", no_permission="grid"),
    Case(
        "org:role-detail",
        kwargs=lambda w: {"pk": Role.objects.get(code="auditor").pk},
        allowed="qiaocheng",
        no_permission="grid",
    ),
    Case("org:role-create", allowed="sysadmin", no_permission="qiaocheng"),
    Case(
        "org:role-update",
        kwargs=lambda w: {"pk": Role.objects.get(code="grid_officer").pk},
        allowed="sysadmin",
        no_permission="qiaocheng",
    ),
    # Accounts
    Case("org:user-list", allowed="secadmin", no_permission="qiaocheng"),
    Case(
        "org:user-detail",
        kwargs=lambda w: {"pk": w.people.grid.pk},
        allowed="secadmin",
        no_permission="qiaocheng",
    ),
    Case("org:user-detail", kwargs=lambda w: {"pk": w.hefei_user.pk}, out_of_scope="secadmin"),
    Case("org:user-create", allowed="sysadmin", no_permission="qiaocheng"),
    Case(
        "org:user-toggle-active",
        method="post",
        kwargs=lambda w: {"pk": w.people.grid.pk},
        data=lambda w: {"active": "0", "reason": "人员调离，停用账号"},
        allowed="secadmin",
        no_permission="qiaocheng",
        ok_status=(302,),
    ),
    Case(
        "org:user-toggle-active",
        method="post",
        kwargs=lambda w: {"pk": w.hefei_user.pk},
        data=lambda w: {"active": "0", "reason": "人员调离，停用账号"},
        out_of_scope="secadmin",
    ),
    Case(
        "org:user-unlock",
        method="post",
        kwargs=lambda w: {"pk": w.people.grid.pk},
        data=lambda w: {"reason": "本人电话确认身份"},
        allowed="secadmin",
        no_permission="sysadmin",
        ok_status=(302,),
    ),
    Case("org:user-unlock", kwargs=lambda w: {"pk": w.hefei_user.pk}, out_of_scope="secadmin"),
    # One's own account
    Case("login", public=True, allowed="qiaocheng"),
    Case("logout", method="post", public=True, allowed="qiaocheng", ok_status=(302,)),
    Case("account-profile", allowed="qiaocheng"),
    Case("account-password", allowed="qiaocheng"),
]
