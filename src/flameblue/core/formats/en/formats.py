from django.conf.locale.en import formats as _django

from flameblue.core.formats import iso_first

DATE_INPUT_FORMATS = iso_first(_django.DATE_INPUT_FORMATS, "%Y-%m-%d")
DATETIME_INPUT_FORMATS = iso_first(_django.DATETIME_INPUT_FORMATS, "%Y-%m-%dT%H:%M")
