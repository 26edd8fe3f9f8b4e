"""``flameblue annual-report --year 2019 [--org 亳州市消防救援支队] [--format docx|json|md] [--out FILE]``: the
annual work summary of an organization's jurisdiction written from the records — the same draft the
年度工作总结 page starts from — or, with ``--saved``, the latest version an officer saved in FlameBlue."""

from __future__ import annotations

import sys

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from flameblue.org.choices import OrgKind
from flameblue.org.models import Organization
from flameblue.reports.models import AnnualReport
from flameblue.reports.summary.output import FORMATS, render, summary_of
from flameblue.reports.summary.services import REPORTING_KINDS, draft


class Command(BaseCommand):
    help = "按记录生成年度工作总结（初稿或已保存的最新版本），输出 Word、JSON 或 Markdown"

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True, help="年度，例如 2019")
        parser.add_argument(
            "--org", default="", help="单位名称、简称或编号（默认：唯一的消防救援支队）；也可写区划代码"
        )
        parser.add_argument("--format", choices=FORMATS, default="md", help="输出格式（默认 md）")
        parser.add_argument("--out", default="", help="输出文件（默认打印到屏幕；docx 必须指定）")
        parser.add_argument("--saved", action="store_true", help="输出系统中保存的最新版本而不是重新生成初稿")

    def handle(self, *args, year: int, org: str, format: str, out: str, saved: bool, **options):
        organization = self.organization(org)
        if saved:
            report = AnnualReport.objects.filter(organization=organization, year=year).first()
            if report is None:
                raise CommandError(
                    f"{organization.name}没有保存过{year}年度工作总结；去掉 --saved 生成初稿。"
                )
            source = report.latest
        else:
            try:
                source = draft(organization, year)
            except ValidationError as exc:
                raise CommandError("；".join(exc.messages)) from exc
        data = render(summary_of(source), format)
        if out:
            with open(out, "wb") as handle:
                handle.write(data)
            self.stderr.write(f"已写入 {out}（{len(data)} 字节）")
        elif format == "docx":
            raise CommandError("Word 文件请用 --out 指定文件名。")
        else:
            sys.stdout.flush()
            self.stdout.write(data.decode())

    def organization(self, text: str) -> Organization:
        candidates = Organization.objects.filter(kind__in=REPORTING_KINDS).select_related("region")
        if not text:
            found = list(candidates.filter(kind=OrgKind.DETACHMENT)[:2])
            if len(found) != 1:
                raise CommandError("请用 --org 指定单位（系统中不止一个或没有消防救援支队）。")
            return found[0]
        query = Q(name=text) | Q(short_name=text)
        if text.isdigit():
            query |= Q(pk=int(text)) | Q(region_id=text, kind__in=[OrgKind.DETACHMENT, OrgKind.BRIGADE])
        found = list(candidates.filter(query)[:2])
        if not found:
            raise CommandError(f"没有名为“{text}”的支队、大队、政府或消防安全委员会。")
        if len(found) > 1:
            raise CommandError(f"“{text}”对应多个单位，请改用单位编号：{', '.join(str(o.pk) for o in found)}")
        return found[0]
