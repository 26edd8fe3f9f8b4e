from django.db import models
from django.utils.translation import gettext_lazy as _


class OperatingStatus(models.TextChoices):
    OPERATING = "operating", _("营业")
    SUSPENDED = "suspended", _("停业")
    CLOSED = "closed", _("关闭")


class UnitCategory(models.TextChoices):
    """The vocabulary of the key-unit rules (公通字〔2001〕97号 categories (一)–(十二) and the provincial
    additions); ``judge-key-unit`` reads it."""

    SHOP = "shop", _("商场（市场）")
    HOTEL = "hotel", _("宾馆（饭店）")
    ENTERTAINMENT = "entertainment", _("公共娱乐场所")
    HOSPITAL = "hospital", _("医院")
    ELDERLY_HOME = "elderly_home", _("养老院、福利院")
    SCHOOL = "school", _("学校")
    KINDERGARTEN = "kindergarten", _("托儿所、幼儿园")
    STADIUM = "stadium", _("体育场（馆）")
    HALL = "hall", _("会堂")
    GOVERNMENT_ORGAN = "government_organ", _("党政机关")
    BROADCASTER = "broadcaster", _("广播电视")
    TELECOM_HUB = "telecom_hub", _("邮政和通信枢纽")
    PASSENGER_STATION = "passenger_station", _("客运车站、码头")
    AIRPORT = "airport", _("民用机场")
    LIBRARY = "library", _("图书馆")
    EXHIBITION_HALL = "exhibition_hall", _("展览馆")
    MUSEUM = "museum", _("博物馆")
    ARCHIVE = "archive", _("档案馆")
    HERITAGE_SITE = "heritage_site", _("文物保护单位")
    RELIGIOUS_SITE = "religious_site", _("宗教活动场所")
    POWER_ENTERPRISE = "power_enterprise", _("发电厂（站）和电网经营企业")
    FLAMMABLE_PRODUCER = "flammable_producer", _("易燃易爆危险品生产、储存单位")
    FUEL_STATION = "fuel_station", _("加油加气站")
    LABOUR_INTENSIVE = "labour_intensive", _("劳动密集型企业")
    RESEARCH_INSTITUTE = "research_institute", _("重要的科研单位")
    HIGH_RISE_PUBLIC = "high_rise_public", _("高层公共建筑")
    UNDERGROUND_PUBLIC = "underground_public", _("地下铁道、地下观光隧道等地下公共建筑和城市重要交通隧道")
    WAREHOUSE = "warehouse", _("物资仓库和堆场")
    CONSTRUCTION_SITE = "construction_site", _("重点工程施工现场")
    OTHER = "other", _("其他")


class AdminLevel(models.TextChoices):
    TOWNSHIP = "township", _("乡镇级")
    COUNTY = "county", _("县级")
    CITY = "city", _("地市级")
    PROVINCE = "province", _("省级")
    NATIONAL = "national", _("国家级")


class HeritageLevel(models.TextChoices):
    NONE = "", _("无")
    COUNTY = "county", _("县级文物保护单位")
    CITY = "city", _("市级文物保护单位")
    PROVINCE = "province", _("省级文物保护单位")
    NATIONAL = "national", _("全国重点文物保护单位")


class KeyUnitDecision(models.TextChoices):
    NONE = "", _("未认定")
    CONFIRMED = "confirmed", _("已认定为重点单位")
    REJECTED = "rejected", _("不认定")


class RuleSetStatus(models.TextChoices):
    ACTIVE = "active", _("生效")
    INACTIVE = "inactive", _("停用")


class DeclarationStatus(models.TextChoices):
    SUBMITTED = "submitted", _("已申报")
    ACCEPTED = "accepted", _("已确认")
    REMOVAL_PROPOSED = "removal_proposed", _("建议移出")
