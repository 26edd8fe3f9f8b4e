"""API representations of hazards and notices, and the input of each move. Serializers parse and present;
every write goes through :mod:`flameblue.hazards.services`."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from flameblue.core.api import ScopedPrimaryKeyRelatedField, VersionInput
from flameblue.core.forms import DESCRIPTION_MAX_CHARS, REASON_MAX_CHARS, text_limit_messages
from flameblue.hazards.choices import DeadlineUnit, HazardGrade, HazardSource, HazardStatus
from flameblue.hazards.models import Hazard, HazardTransition, MajorHazardProcedure, Notice
from flameblue.org.models import Organization, Person
from flameblue.units.models import Unit

__all__ = [
    "CompletionInput",
    "ConfirmInput",
    "HazardCreateSerializer",
    "HazardSerializer",
    "NoticeSerializer",
    "ReasonInput",
    "RecheckInput",
    "StartInput",
]


class TransitionSerializer(serializers.ModelSerializer):
    by = serializers.CharField(source="by.username", default=None, allow_null=True, read_only=True)
    # The first transition starts from no status (""), which the schema must allow.
    from_status = serializers.ChoiceField(choices=HazardStatus.choices, allow_blank=True, read_only=True)

    class Meta:
        model = HazardTransition
        fields = ["from_status", "to_status", "at", "by", "reason", "data"]
        read_only_fields = fields


class HazardSerializer(serializers.ModelSerializer):
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    notice_number = serializers.CharField(
        source="notice.number", default=None, allow_null=True, read_only=True
    )
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    transitions = TransitionSerializer(many=True, read_only=True)

    class Meta:
        model = Hazard
        fields = [
            "id", "unit", "unit_name", "region", "industry", "brigade", "location", "description", "source", "grade",
            "status", "status_display", "gb35181_element", "responsible_party", "interim_measures", "deadline",
            "deadline_unit", "recheck_due", "notice", "notice_number", "corrected_on_spot", "found_at",
            "confirmed_at", "completion_reported_at", "closed_at", "failed_rechecks", "version", "transitions",
        ]  # fmt: skip
        read_only_fields = fields


class HazardCreateSerializer(serializers.Serializer):
    unit = ScopedPrimaryKeyRelatedField(queryset=Unit.objects.all(), label=_("单位"))
    description = serializers.CharField(
        label=_("隐患描述"), max_length=DESCRIPTION_MAX_CHARS, error_messages=text_limit_messages(api=True)
    )
    source = serializers.ChoiceField(choices=HazardSource.choices, label=_("来源"))
    location = serializers.CharField(required=False, allow_blank=True, default="", label=_("隐患部位"))
    grade = serializers.ChoiceField(choices=HazardGrade.choices, default=HazardGrade.GENERAL, label=_("等级"))
    gb35181_element = serializers.CharField(required=False, allow_blank=True, default="", max_length=20)


class DeadlineInput(serializers.Serializer):
    deadline_amount = serializers.IntegerField(
        required=False, min_value=1, max_value=365, allow_null=True, default=None
    )
    deadline_unit = serializers.ChoiceField(
        choices=DeadlineUnit.choices, required=False, allow_null=True, default=None
    )


class ConfirmInput(VersionInput, DeadlineInput):
    grade = serializers.ChoiceField(choices=HazardGrade.choices)
    responsible_party = serializers.CharField()
    responsible_person = ScopedPrimaryKeyRelatedField(queryset=Person.objects.all(), required=False, allow_null=True,
                                                      default=None)  # fmt: skip
    interim_measures = serializers.CharField(required=False, allow_blank=True, default="")
    rectification_measures = serializers.CharField(required=False, allow_blank=True, default="")
    notice = ScopedPrimaryKeyRelatedField(
        queryset=Notice.objects.all(), required=False, allow_null=True, default=None
    )
    start = serializers.BooleanField(required=False, default=False)


class StartInput(VersionInput):
    note = serializers.CharField(required=False, allow_blank=True, default="")


class CompletionInput(VersionInput):
    note = serializers.CharField(required=False, allow_blank=True, default="")
    photos = serializers.ListField(child=serializers.ImageField(), allow_empty=False, label=_("整改后照片"))


class RecheckInput(VersionInput, DeadlineInput):
    passed = serializers.BooleanField()
    note = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=REASON_MAX_CHARS,
        error_messages=text_limit_messages(api=True),
    )


class ReasonInput(VersionInput):
    reason = serializers.CharField(max_length=REASON_MAX_CHARS, error_messages=text_limit_messages(api=True))


class VerifyInput(VersionInput):
    note = serializers.CharField(required=False, allow_blank=True, default="", label="核实情况")


class ProcedureSerializer(serializers.ModelSerializer):
    """第二十一条 procedure of a major hazard: the handling opinion and report, the 重大火灾隐患整改通知书."""

    class Meta:
        model = MajorHazardProcedure
        fields = [
            "id", "hazard", "inspected_on", "experts_convened", "opinion_due", "opinion", "opinion_at",
            "government", "reported_at", "report_number", "determined_on", "notice_due", "notice_number",
            "notice_issued_at", "notice_served_at", "notice_deadline", "version",
        ]  # fmt: skip
        read_only_fields = fields


class OpinionInput(serializers.Serializer):
    opinion = serializers.CharField(label="处理意见")
    government = serializers.PrimaryKeyRelatedField(
        queryset=Organization.objects.filter(kind="government"), required=False, allow_null=True, default=None,
        label="书面报告的人民政府",
    )  # fmt: skip
    report_number = serializers.CharField(required=False, allow_blank=True, default="", label="报告文号")
    experts_convened = serializers.BooleanField(required=False, default=False, label="已组织专家论证")


class MajorNoticeInput(serializers.Serializer):
    deadline = serializers.DateField(label="整改期限")


class NoticeSerializer(serializers.ModelSerializer):
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    brigade_name = serializers.CharField(source="brigade.name", read_only=True)
    hazards = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Notice
        fields = ["id", "number", "year", "serial", "unit", "unit_name", "brigade", "brigade_name", "issued_at",
                  "deadline", "status", "hazards"]  # fmt: skip
        read_only_fields = fields
