import pytest
from django.urls import reverse

from flameblue.core.models import AuditAction, AuditEvent
from flameblue.org import services
from flameblue.org.choices import OrgKind
from flameblue.org.models import Organization
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def test_qiaocheng_inspector_gets_404_for_a_mengcheng_organization(login, people, orgs):
    response = login(people.qiaocheng).get(
        reverse("org:organization-detail", kwargs={"pk": orgs.mengcheng_gov.pk})
    )
    assert response.status_code == 404


def test_auditor_may_not_open_the_organization_list(login, people):
    assert login(people.auditor).get(reverse("org:organization-list")).status_code == 403


def test_list_shows_only_organizations_in_scope(login, people, orgs):
    html = login(people.qiaocheng).get(reverse("org:organization-list")).content.decode()
    assert orgs.qiaocheng_gov.name in html and orgs.school.name in html
    assert orgs.mengcheng_gov.name not in html and orgs.mengcheng_hospital.name not in html


def test_region_filter_takes_the_whole_subtree(login, people, orgs):
    response = login(people.detachment).get(reverse("org:organization-list"), {"region": "341622"})
    names = {o.name for o in response.context["object_list"]}
    assert names == {"蒙城县人民政府", "蒙城县消防救援大队", "蒙城县教育局", "蒙城县人民医院"}


def test_kind_industry_and_text_filters(login, people, orgs):
    client = login(people.detachment)
    url = reverse("org:organization-list")
    kinds = client.get(url, {"kind": OrgKind.DEPARTMENT}).context["object_list"]
    assert {o.name for o in kinds} == {"谯城区教育局", "谯城区卫生健康委员会", "蒙城县教育局"}
    edu = client.get(url, {"industry": "education"}).context["object_list"]
    assert {o.name for o in edu} == {"谯城区教育局", "蒙城县教育局", "亳州市第一中学"}
    assert [o.name for o in client.get(url, {"q": "万达"}).context["object_list"]] == ["亳州万达广场"]


def test_filter_offers_only_regions_in_scope(login, people):
    response = login(people.qiaocheng).get(reverse("org:organization-list"))
    codes = set(response.context["filterset"].form.fields["region"].queryset.values_list("code", flat=True))
    assert "341602001" in codes and "341622" not in codes


def test_htmx_request_gets_only_the_table(login, people):
    response = login(people.detachment).get(
        reverse("org:organization-list"), {"q": "教育"}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert "<html" not in html and "<table" in html
    assert "谯城区教育局" in html


def test_list_query_count_does_not_grow_with_rows(login, people, orgs, django_assert_max_num_queries):
    client = login(people.detachment)
    for i in range(40):
        OrganizationFactory(name=f"测试单位{i}", parent=orgs.qiaocheng_gov, industry_id="education")
    client.get(reverse("org:organization-list"))  # warm up session
    with django_assert_max_num_queries(12):
        response = client.get(reverse("org:organization-list"))
    assert len(response.context["object_list"]) == 50


def test_create_limits_region_choices_to_scope(login, people):
    client = login(people.detachment)
    data = {"name": "合肥某单位", "kind": OrgKind.GOVERNMENT, "region": "340102", "is_active": "on"}
    response = client.post(reverse("org:organization-create"), data)
    assert response.status_code == 200
    assert "region" in response.context["form"].errors
    assert not Organization.objects.filter(name="合肥某单位").exists()


def test_create_saves_and_audits(login, people, orgs):
    client = login(people.detachment)
    data = {
        "name": "谯城区民政局",
        "kind": OrgKind.DEPARTMENT,
        "region": "341602",
        "parent": orgs.qiaocheng_gov.pk,
        "industry": "civil_affairs",
        "is_active": "on",
    }
    response = client.post(reverse("org:organization-create"), data)
    created = Organization.objects.get(name="谯城区民政局")
    assert response.status_code == 302 and response["Location"] == reverse(
        "org:organization-detail", kwargs={"pk": created.pk}
    )
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_id=str(created.pk)).exists()


def test_department_without_industry_is_refused_on_the_industry_field(login, people):
    data = {"name": "谯城区某局", "kind": OrgKind.DEPARTMENT, "region": "341602", "is_active": "on"}
    response = login(people.detachment).post(reverse("org:organization-create"), data)
    assert "行业部门必须选择所属行业" in str(response.context["form"].errors["industry"])


def test_stale_edit_shows_who_changed_it_and_keeps_the_input(login, people, orgs):
    client = login(people.detachment)
    url = reverse("org:organization-update", kwargs={"pk": orgs.mengcheng_gov.pk})
    loaded_version = client.get(url).context["form"].initial["version"]
    services.organization_update(orgs.mengcheng_gov, by=people.sysadmin, data={"address": "蒙城县漆园街道"})
    data = {
        "name": "蒙城县人民政府（我的修改）",
        "kind": OrgKind.GOVERNMENT,
        "region": "341622",
        "is_active": "on",
        "version": loaded_version,
    }
    response = client.post(url, data)
    html = response.content.decode()
    assert response.status_code == 409
    assert "已被 sysadmin 于" in html and "请刷新后重新编辑" in html
    assert "蒙城县人民政府（我的修改）" in html
    orgs.mengcheng_gov.refresh_from_db()
    assert orgs.mengcheng_gov.name == "蒙城县人民政府" and orgs.mengcheng_gov.address == "蒙城县漆园街道"


def test_current_edit_saves(login, people, orgs):
    client = login(people.detachment)
    url = reverse("org:organization-update", kwargs={"pk": orgs.mengcheng_gov.pk})
    data = {
        "name": "蒙城县人民政府",
        "kind": OrgKind.GOVERNMENT,
        "region": "341622",
        "address": "新地址",
        "version": 1,
    }
    assert client.post(url, data).status_code == 302
    orgs.mengcheng_gov.refresh_from_db()
    assert orgs.mengcheng_gov.address == "新地址" and orgs.mengcheng_gov.version == 2


def test_detail_lists_people_memberships_and_children(login, people, orgs):
    html = (
        login(people.detachment)
        .get(reverse("org:organization-detail", kwargs={"pk": orgs.detachment.pk}))
        .content.decode()
    )
    assert orgs.qiaocheng_brigade.name in html  # child
    assert people.detachment.person.name in html
    assert "支队管理员" in html  # membership role
