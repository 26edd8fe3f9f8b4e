from django.db import migrations


def load(apps, schema_editor):
    from flameblue.governance.policy import load_letter_templates

    load_letter_templates(
        apps.get_model("governance", "LetterTemplate"), apps.get_model("governance", "LetterTemplateItem")
    )


class Migration(migrations.Migration):
    dependencies = [("governance", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
