from django.db import migrations, models


def fill(apps, schema_editor):
    from flameblue.governance.schemes import fill_scoring

    fill_scoring(apps.get_model("governance", "AssessmentScheme"), apps.get_model("governance", "AssessmentItem"))


class Migration(migrations.Migration):
    dependencies = [("governance", "0009_assessment_grants")]

    operations = [
        migrations.AddField(
            model_name="assessmentitem",
            name="scoring",
            field=models.JSONField(blank=True, default=dict, verbose_name="计分规则"),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
