# GB 35181-2025 becomes the default rule set (in force from 2025-11-01); the rule-set table gets the 2025 set
# (now loaded) and the corrected 2017 catalogue (2017.1-r2), and every determination carries its rule set.

from django.db import migrations, models


def reload_rule_sets(apps, schema_editor):
    from flameblue.hazards.supervision.determination import rule_set_rows

    model = apps.get_model("hazards", "HazardRuleSet")
    for row in rule_set_rows():
        model.objects.update_or_create(code=row.pop("code"), version=row.pop("version"), defaults=row)


def record_rule_set(apps, schema_editor):
    """Older determinations without a rule-set version get the one of their standard's first loaded row."""
    det_model = apps.get_model("hazards", "MajorHazardDetermination")
    sets = apps.get_model("hazards", "HazardRuleSet")
    for det in det_model.objects.filter(ruleset_version=""):
        first = sets.objects.filter(code=det.standard).order_by("loaded_at").first()
        if first is not None:
            det.ruleset_version = f"{first.code}@{first.version}"
            det.save(update_fields=["ruleset_version"])


class Migration(migrations.Migration):
    dependencies = [
        ("hazards", "0006_workflow_transitions"),
    ]

    operations = [
        migrations.AlterField(
            model_name="majorhazarddetermination",
            name="standard",
            field=models.CharField(default="GB35181-2025", max_length=20, verbose_name="判定标准"),
        ),
        migrations.RunPython(reload_rule_sets, migrations.RunPython.noop),
        migrations.RunPython(record_rule_set, migrations.RunPython.noop),
    ]
