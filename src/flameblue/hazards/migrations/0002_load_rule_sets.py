from django.db import migrations


def load(apps, schema_editor):
    from flameblue.hazards.supervision.determination import rule_set_rows

    model = apps.get_model("hazards", "HazardRuleSet")
    for row in rule_set_rows():
        model.objects.update_or_create(code=row.pop("code"), version=row.pop("version"), defaults=row)


class Migration(migrations.Migration):
    dependencies = [("hazards", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
