from django.core.management.base import BaseCommand

from flameblue.geo.loader import load_regions


class Command(BaseCommand):
    help = "把随仓库发布的行政区划数据装入数据库（可重复执行）"

    def handle(self, *args, **options):
        created, updated = load_regions()
        self.stdout.write(f"regions: {created} created, {updated} updated")
