from django.db import models
from django.utils.translation import gettext_lazy as _


class OrgKind(models.TextChoices):
    GOVERNMENT = "government", _("人民政府")
    COMMITTEE = "committee", _("消防安全委员会")
    DEPARTMENT = "department", _("行业部门")
    DETACHMENT = "detachment", _("消防救援支队")
    DETACHMENT_OFFICE = "detachment_office", _("支队机关处室")
    BRIGADE = "brigade", _("消防救援大队")
    STATION = "station", _("消防救援站")
    FULLTIME_BRIGADE = "fulltime_brigade", _("政府专职消防队")
    VOLUNTEER_BRIGADE = "volunteer_brigade", _("志愿消防队")
    SOCIAL_UNIT = "social_unit", _("社会单位")
    # 公安派出所: daily fire checks of small places, property firms and residents'/villagers' committees
    # (《消防监督检查规定》第四章); its scope is its region, like a government's.
    POLICE_STATION = "police_station", _("公安派出所")


FIRE_SERVICE_KINDS = {
    OrgKind.DETACHMENT,
    OrgKind.DETACHMENT_OFFICE,
    OrgKind.BRIGADE,
    OrgKind.STATION,
    OrgKind.FULLTIME_BRIGADE,
    OrgKind.VOLUNTEER_BRIGADE,
}


class DutyGroup(models.TextChoices):
    """The three administrator roles of 等保 2.0 that no one person may combine (三员分立)."""

    SYSTEM = "system", _("系统管理员")
    SECURITY = "security", _("安全管理员")
    AUDIT = "audit", _("审计管理员")


class Gender(models.TextChoices):
    MALE = "M", _("男")
    FEMALE = "F", _("女")
