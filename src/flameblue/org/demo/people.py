"""Fictitious but valid personal data for the demo: Chinese names, mobile numbers, resident ID numbers
(GB 11643 check digit from python-stdnum) and unified social credit codes (GB 32100).

Every value is derived from a stable key (e.g. ``"谯城区教育局/0"``), so running the seed again produces
the same person and nothing is duplicated."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from stdnum.cn import ric, uscc

__all__ = ["FakePerson", "birthplace_code", "credit_code", "fake_person", "id_number", "phone_number"]

SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶"
    "余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹常武乔贺葛"
)
MALE_CHARS = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宁坤志建国庆海东俊峰浩亮文晨宇凯旭阳林松成荣振"
FEMALE_CHARS = "芳娜敏静丽艳娟霞秀玲燕红洁琳婷雪慧颖倩萍梅莉晶欣悦蕾丹凤兰月玉佳琴"
MOBILE_PREFIXES = (
    "130",
    "131",
    "133",
    "135",
    "136",
    "138",
    "139",
    "150",
    "151",
    "152",
    "155",
    "158",
    "166",
    "177",
    "180",
    "181",
    "182",
    "187",
    "189",
    "199",
)
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
BOZHOU_COUNTIES = ("341602", "341621", "341622", "341623")
# An ID number carries the birthplace code in force in the birth year, and python-stdnum checks that. Bozhou
# became a prefecture-level city (3416) only in 2000; before that its counties belonged to Fuyang (3421) and,
# 1996-2000, to the county-level city of Bozhou (3412). (first year, last year, code) per today's county.
BIRTHPLACE_CODES: dict[str, tuple[tuple[int, int, str], ...]] = {
    "341602": ((0, 1985, "342126"), (1986, 1995, "342102"), (1996, 1999, "341281"), (2000, 9999, "341602")),
    "341621": ((0, 1995, "342124"), (1996, 1999, "341223"), (2000, 9999, "341621")),
    "341622": ((0, 1995, "342125"), (1996, 1999, "341224"), (2000, 9999, "341622")),
    "341623": ((0, 1995, "342130"), (1996, 1999, "341227"), (2000, 9999, "341623")),
}


@dataclass(frozen=True)
class FakePerson:
    name: str
    gender: str  # "M" or "F"
    phone: str
    id_number: str


def _rng(key: str) -> random.Random:
    return random.Random(f"flameblue-demo/{key}")


def _name(rng: random.Random, gender: str) -> str:
    chars = MALE_CHARS if gender == "M" else FEMALE_CHARS
    given = rng.choice(chars) + (rng.choice(chars) if rng.random() < 0.7 else "")
    return rng.choice(SURNAMES) + given


def phone_number(rng: random.Random) -> str:
    return rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"


def id_number(
    rng: random.Random, *, region: str, gender: str, born_from: int = 1966, born_to: int = 1998
) -> str:
    """An 18-digit resident ID number: the birthplace code in force in the birth year for today's county
    ``region``, birth date, sequence whose last digit is odd for men and even for women, and the ISO 7064
    check character."""
    start = dt.date(born_from, 1, 1)
    birth = start + dt.timedelta(days=rng.randrange((dt.date(born_to, 12, 31) - start).days))
    sequence = rng.randrange(0, 50) * 2 + (1 if gender == "M" else 0)
    body = f"{birthplace_code(region, birth.year)}{birth:%Y%m%d}{rng.randrange(10)}{sequence:02d}"
    return body + ric.calc_check_digit(body + "0")  # stdnum expects a placeholder check digit


def birthplace_code(region: str, year: int) -> str:
    for first, last, code in BIRTHPLACE_CODES.get(region[:6], ()):
        if first <= year <= last:
            return code
    return region[:6]


def fake_person(key: str, *, region: str, name: str = "", gender: str = "") -> FakePerson:
    """A person for ``key``; ``region`` (any Bozhou code) decides the ID number's birthplace prefix."""
    rng = _rng(key)
    gender = gender or ("M" if rng.random() < 0.7 else "F")
    home = region[:6] if len(region) >= 6 else rng.choice(BOZHOU_COUNTIES)
    return FakePerson(
        name=name or _name(rng, gender),
        gender=gender,
        phone=phone_number(rng),
        id_number=id_number(rng, region=home, gender=gender),
    )


def credit_code(key: str, *, region: str) -> str:
    """A well-formed unified social credit code: 91 (enterprise) + region + 9-character body + check."""
    rng = _rng(f"uscc/{key}")
    home = region[:6] if len(region) >= 6 else BOZHOU_COUNTIES[0]
    body = "91" + home + "".join(rng.choice(USCC_ALPHABET) for _ in range(9))
    return body + uscc.calc_check_digit(body)
