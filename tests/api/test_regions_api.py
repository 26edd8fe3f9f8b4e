import pytest

pytestmark = pytest.mark.django_db

URL = "/api/v1/regions/"


def _codes(response) -> set[str]:
    assert response.status_code == 200, response.content
    return {row["code"] for row in response.json()["results"]}


def test_qiaocheng_inspector_lists_only_qiaocheng_regions(api, people):
    response = api(people.qiaocheng).get(URL)
    codes = _codes(response)
    assert response.json()["count"] == 29  # 谯城区 and its 28 townships/streets
    assert all(code.startswith("341602") for code in codes)
    assert "341622" not in codes


def test_filters_by_level_parent_prefix_and_name(api, people):
    client = api(people.detachment)
    counties = _codes(client.get(URL, {"level": "county"}))
    assert {"341602", "341621", "341622", "341623"} == counties
    assert _codes(client.get(URL, {"parent": "3416"})) == counties
    townships = _codes(client.get(URL, {"code__startswith": "341622"}))
    assert "341622" in townships and all(code.startswith("341622") for code in townships)
    assert _codes(client.get(URL, {"q": "花戏楼"})) == {"341602001"}


def test_prefix_filter_cannot_widen_the_jurisdiction(api, people):
    assert _codes(api(people.qiaocheng).get(URL, {"code__startswith": "3416", "level": "county"})) == {
        "341602"
    }


def test_non_digit_code_prefix_is_refused_with_the_reason(api, people):
    response = api(people.qiaocheng).get(URL, {"code__startswith": "34x"})
    assert response.status_code == 400
    assert "区划代码只能由数字组成" in response.json()["code__startswith"][0]


def test_region_detail_carries_its_level_and_parent(api, people):
    response = api(people.qiaocheng).get(f"{URL}341602001/")
    assert response.status_code == 200
    assert response.json() == {
        "code": "341602001",
        "name": "花戏楼街道",
        "level": "township",
        "level_display": "乡镇（街道）",
        "parent": "341602",
    }
