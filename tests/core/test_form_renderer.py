"""The form renderer writes a <select> in Python: the same markup Django's templates write, for every shape
of select a form can have, and Django's templates still for a widget with templates of its own."""

from __future__ import annotations

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.test.html import parse_html

from flameblue.core.form_renderer import FormRenderer

DJANGO = DjangoTemplates()
OURS = FormRenderer()


class Sample(forms.Form):
    county = forms.ChoiceField(
        choices=[("", "全部"), ("341602", "谯城区"), ("341621", "涡阳县")], required=False
    )
    grouped = forms.ChoiceField(
        choices=[("安徽", [("3416", "亳州市"), ("3401", "合肥市")]), ("other", '其他 <"&">')],
    )
    tags = forms.MultipleChoiceField(
        choices=[("a", "高层"), ("b", "地下"), ("c", "人员密集")], required=False
    )
    level = forms.TypedChoiceField(
        choices=[(1, "一级"), (2, "二级"), (None, "未定")], coerce=int, required=False
    )


def _both(form: forms.Form, name: str, attrs: dict | None = None) -> tuple[str, str]:
    bound = form[name]
    return (
        bound.field.widget.render(bound.html_name, bound.value(), attrs=attrs, renderer=DJANGO),
        bound.field.widget.render(bound.html_name, bound.value(), attrs=attrs, renderer=OURS),
    )


@pytest.mark.parametrize(
    ("data", "name"),
    [
        ({}, "county"),
        ({"county": "341621"}, "county"),
        ({"grouped": "3401"}, "grouped"),
        ({"grouped": "other"}, "grouped"),
        ({"tags": ["a", "c"]}, "tags"),
        ({}, "tags"),
        ({"level": "2"}, "level"),
        ({}, "level"),
    ],
)
def test_select_markup_is_django_s(data, name):
    theirs, ours = _both(Sample(data=data or None), name)
    assert parse_html(ours) == parse_html(theirs)
    assert "selected" in ours or not data


def test_attributes_true_false_and_escaped():
    attrs = {"class": "form-select form-select-sm", "required": True, "disabled": False, "data-x": '"<b>"'}
    theirs, ours = _both(Sample(data={"county": "341602"}), "county", attrs)
    assert parse_html(ours) == parse_html(theirs)
    assert " required" in ours and "disabled" not in ours and "&lt;b&gt;" in ours


def test_only_one_option_selected_in_a_single_select():
    form = Sample(data={"grouped": "3416"})
    ours = form["grouped"].field.widget.render("grouped", "3416", renderer=OURS)
    assert ours.count(" selected") == 1
    assert '<optgroup label="安徽">' in ours
    assert "其他 &lt;&quot;&amp;&quot;&gt;" in ours


def test_model_choices_render_like_django(db):
    from flameblue.geo.models import Region

    Region.objects.get_or_create(code="34", defaults={"name": "安徽省", "level": "province"})
    field = forms.ModelChoiceField(queryset=Region.objects.filter(code="34"))
    theirs = field.widget.render("region", "34", renderer=DJANGO)
    ours = field.widget.render("region", "34", renderer=OURS)
    assert parse_html(ours) == parse_html(theirs)
    assert 'value="34" selected' in ours


class _OwnOptions(forms.Select):
    option_template_name = "django/forms/widgets/input.html"


def test_a_widget_with_its_own_option_template_goes_through_the_templates():
    widget = _OwnOptions(choices=[("1", "一")])
    assert "<option" not in widget.render("x", "1", renderer=OURS)
    assert widget.render("x", "1", renderer=OURS) == widget.render("x", "1", renderer=DJANGO)


def test_the_project_uses_it(settings):
    from django.forms.renderers import get_default_renderer

    assert settings.FORM_RENDERER == "flameblue.core.form_renderer.FormRenderer"
    assert isinstance(get_default_renderer(), FormRenderer)
