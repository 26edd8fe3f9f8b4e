"""Forms of the roster's history and the rotations: they parse input, the services write. Choices are
limited to what the user may reach along the corps chain."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from flameblue.core.forms import REASON_MAX_CHARS, text_limit_messages
from flameblue.corps.choices import DutyStatus, Rank
from flameblue.corps.forms import DATE, NameChoiceField
from flameblue.corps.models import RosterEntry
from flameblue.corps.staffing.chain import chain_q
from flameblue.corps.staffing.choices import RotationRating
from flameblue.corps.staffing.services import HQ_KINDS
from flameblue.org.choices import FIRE_SERVICE_KINDS
from flameblue.org.models import Organization

__all__ = [
    "ApproveForm",
    "EvaluateForm",
    "NominateForm",
    "NoteForm",
    "RevealForm",
    "RosterEditForm",
    "StatusForm",
    "TransferForm",
]

LIMIT = text_limit_messages()


class VersionedForm(forms.Form):
    """Carries the version the user saw; the service refuses a stale one (changed by X at T)."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    def __init__(self, *args: Any, user: Any = None, obj: Any = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.user, self.obj = user, obj
        if obj is not None and not self.is_bound:
            self.initial.setdefault("version", obj.version)

    def service_kwargs(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["expected_version"] = data.pop("version", None)
        return data


class RosterEditForm(VersionedForm):
    post = forms.CharField(label=_("岗位"), max_length=60)
    rank = forms.ChoiceField(label=_("消防救援衔"), choices=Rank.choices)
    crew = forms.CharField(label=_("班组"), max_length=40, required=False)

    def __init__(self, *args: Any, obj: RosterEntry | None = None, **kwargs: Any):
        super().__init__(*args, obj=obj, **kwargs)
        if obj is not None and not self.is_bound:
            self.initial.update(post=obj.post, rank=obj.rank, crew=obj.crew)


class StatusForm(VersionedForm):
    status = forms.ChoiceField(label=_("变动后状态"), choices=DutyStatus.choices)
    on = forms.DateField(label=_("变动日期"), widget=DATE)
    reason = forms.CharField(
        label=_("说明"), max_length=200, required=False, error_messages=LIMIT,
        help_text=_("如：赴省消防救援总队培训基地参加班长培训；探亲休假。"),
    )  # fmt: skip


class TransferForm(VersionedForm):
    station = NameChoiceField(label=_("调入单位"), queryset=Organization.objects.none())
    on = forms.DateField(label=_("调动日期"), widget=DATE)
    post = forms.CharField(label=_("新岗位"), max_length=60, required=False, help_text=_("留空沿用原岗位。"))
    crew = forms.CharField(label=_("班组"), max_length=40, required=False)
    reason = forms.CharField(label=_("调动原因"), max_length=200, error_messages=LIMIT)

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["station"].queryset = Organization.objects.filter(
            kind__in=FIRE_SERVICE_KINDS, is_active=True
        ).order_by("region_id", "name")


class RevealForm(forms.Form):
    reason = forms.CharField(
        label=_("事由"), max_length=REASON_MAX_CHARS, error_messages=LIMIT,
        widget=forms.Textarea(attrs={"rows": 2}),
    )  # fmt: skip

    def __init__(self, *args: Any, user: Any = None, obj: Any = None, **kwargs: Any):
        super().__init__(*args, **kwargs)


class NominateForm(forms.Form):
    entry = forms.ModelChoiceField(label=_("被推荐人"), queryset=RosterEntry.objects.none())
    reason = forms.CharField(
        label=_("推荐理由"), max_length=REASON_MAX_CHARS, error_messages=LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any):
        kwargs.pop("instance", None)
        super().__init__(*args, **kwargs)
        from flameblue.corps.staffing.models import Rotation

        # Those the user may nominate: people of the stations where the user may add rotations.
        q = chain_q(user, Rotation, "add", station="station_id", region="station__region_id")
        entries = RosterEntry.objects.exclude(status=DutyStatus.TRANSFERRED)
        entries = entries if q is None else entries.filter(q)
        self.fields["entry"].queryset = entries.select_related("person", "station").order_by(
            "station_id", "person__name"
        )
        self.fields["entry"].label_from_instance = lambda e: (
            f"{e.person.name}（{e.station.short_name or e.station.name}）"
        )


class ApproveForm(VersionedForm):
    hq_office = NameChoiceField(label=_("驻训单位"), queryset=Organization.objects.none())
    starts_on = forms.DateField(label=_("驻训开始日期"), widget=DATE)
    ends_on = forms.DateField(label=_("驻训结束日期"), widget=DATE)
    note = forms.CharField(label=_("审批意见"), max_length=200, required=False, error_messages=LIMIT)

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["hq_office"].queryset = Organization.objects.filter(
            kind__in=HQ_KINDS, is_active=True
        ).order_by("kind", "name")


class NoteForm(VersionedForm):
    note = forms.CharField(label=_("不予批准的理由"), max_length=200, error_messages=LIMIT)


class EvaluateForm(VersionedForm):
    rating = forms.ChoiceField(label=_("考评等次"), choices=RotationRating.choices)
    comment = forms.CharField(
        label=_("考评评语"), max_length=REASON_MAX_CHARS, error_messages=LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip
