import pytest

from flameblue.core.models import AuditEvent
from flameblue.org.models import Organization

pytestmark = pytest.mark.django_db

URL = "/api/v1/organizations/"


def _names(response) -> set[str]:
    assert response.status_code == 200, response.content
    return {row["name"] for row in response.json()["results"]}


def test_qiaocheng_inspector_never_sees_mengcheng_organizations(api, people, orgs):
    names = _names(api(people.qiaocheng).get(URL))
    assert {"谯城区人民政府", "亳州市第一中学", "花戏楼街道办事处"} <= names
    assert not {n for n in names if n.startswith("蒙城")}


def test_mengcheng_organization_is_not_found_for_qiaocheng(api, people, orgs):
    assert api(people.qiaocheng).get(f"{URL}{orgs.mengcheng_gov.pk}/").status_code == 404


def test_filters_by_region_subtree_kind_industry_parent_and_keyword(api, people, orgs):
    client = api(people.detachment)
    in_huaxilou = _names(client.get(URL, {"region": "341602001"}))
    assert in_huaxilou == {"花戏楼街道办事处", "亳州市第一中学", "亳州万达广场"}
    assert "亳州市第一中学" in _names(client.get(URL, {"region": "341602"}))
    assert _names(client.get(URL, {"kind": "brigade"})) == {"谯城区消防救援大队", "蒙城县消防救援大队"}
    assert _names(client.get(URL, {"industry": "education", "kind": "department"})) == {
        "谯城区教育局",
        "蒙城县教育局",
    }
    assert _names(client.get(URL, {"parent": orgs.detachment.pk})) == {
        "谯城区消防救援大队",
        "蒙城县消防救援大队",
    }
    assert _names(client.get(URL, {"q": "万达"})) == {"亳州万达广场"}


def test_region_filter_outside_the_jurisdiction_is_refused(api, people):
    response = api(people.qiaocheng).get(URL, {"region": "341622"})
    assert response.status_code == 400 and "region" in response.json()


def test_create_in_scope_is_saved_and_audited(api, people):
    response = api(people.detachment).post(
        URL,
        {"name": "蒙城县应急管理局", "kind": "department", "region": "341622", "industry": "emergency"},
        format="json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["version"] == 1 and body["region_name"] == "蒙城县"
    created = Organization.objects.get(pk=body["id"])
    assert created.created_by == people.detachment
    assert AuditEvent.objects.filter(
        action="create", object_type="org.organization", object_id=str(created.pk)
    ).exists()


def test_create_outside_the_jurisdiction_is_refused(api, people, orgs):
    from tests.factories import persona

    admin = persona("qc_admin", orgs.qiaocheng_brigade, "detachment_admin")
    client = api(admin)
    response = client.post(
        URL, {"name": "蒙城县某局", "kind": "government", "region": "341622"}, format="json"
    )
    assert response.status_code == 400
    assert "region" in response.json()
    response = client.post(
        URL,
        {"name": "谯城区某队", "kind": "station", "region": "341602", "parent": orgs.mengcheng_brigade.pk},
        format="json",
    )
    assert response.status_code == 400 and "parent" in response.json()
    assert not Organization.objects.filter(name__in=["蒙城县某局", "谯城区某队"]).exists()


def test_department_without_industry_is_refused_naming_the_field(api, people):
    response = api(people.detachment).post(
        URL, {"name": "谯城区某部门", "kind": "department", "region": "341602"}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["industry"] == ["行业部门必须选择所属行业。"]


def test_stale_version_is_refused_and_nothing_is_overwritten(api, people, orgs):
    client = api(people.detachment)
    url = f"{URL}{orgs.mengcheng_gov.pk}/"
    first = client.patch(url, {"address": "蒙城县漆园路 1 号", "version": 1}, format="json")
    assert first.status_code == 200 and first.json()["version"] == 2
    stale = client.patch(url, {"address": "被覆盖的地址", "version": 1}, format="json")
    assert stale.status_code == 409
    assert "已被" in stale.json()["detail"] and "刷新" in stale.json()["detail"]
    orgs.mengcheng_gov.refresh_from_db()
    assert orgs.mengcheng_gov.address == "蒙城县漆园路 1 号"
    assert orgs.mengcheng_gov.version == 2


def test_update_cannot_move_an_organization_out_of_the_jurisdiction(api, people, orgs):
    from tests.factories import persona

    admin = persona("qc_admin", orgs.qiaocheng_brigade, "detachment_admin")
    response = api(admin).patch(f"{URL}{orgs.qiaocheng_gov.pk}/", {"region": "341622"}, format="json")
    assert response.status_code == 400 and "region" in response.json()
    orgs.qiaocheng_gov.refresh_from_db()
    assert orgs.qiaocheng_gov.region_id == "341602"


def test_viewer_without_change_permission_gets_403(api, people, orgs):
    response = api(people.qiaocheng).patch(f"{URL}{orgs.qiaocheng_gov.pk}/", {"address": "x"}, format="json")
    assert response.status_code == 403
    assert AuditEvent.objects.filter(action="denied", actor=people.qiaocheng).exists()
