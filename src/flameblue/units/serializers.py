"""API representations of units, place types and risk tags. Serializers parse and present; writes go
through :mod:`flameblue.units.services`."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from flameblue.core.api import ScopedPrimaryKeyRelatedField, VersionedSerializer
from flameblue.geo.models import Region
from flameblue.org.models import Industry, Organization, Person
from flameblue.units.forms import ATTRIBUTE_FIELDS
from flameblue.units.models import PlaceType, RiskTag, Unit

__all__ = ["PlaceTypeSerializer", "RiskTagSerializer", "UnitSerializer"]

KEY_UNIT_FIELDS = [
    "is_key_unit", "key_unit_tier", "key_unit_decision", "key_unit_rules", "key_unit_ruleset", "key_unit_reason",
    "key_unit_decided_at", "key_unit_suggested", "key_unit_suggested_rules", "key_unit_suggested_ruleset",
    "key_unit_needs_review",
]  # fmt: skip


class PlaceTypeSerializer(serializers.ModelSerializer):
    class Meta:
        model = PlaceType
        fields = ["code", "name", "name_en"]
        read_only_fields = fields


class RiskTagSerializer(serializers.ModelSerializer):
    class Meta:
        model = RiskTag
        fields = ["code", "name", "group"]
        read_only_fields = fields


class UnitSerializer(VersionedSerializer):
    """A unit. Key-unit status is read-only here: it changes only by an officer's decision."""

    region = ScopedPrimaryKeyRelatedField(
        queryset=Region.objects.filter(level="township"), label=_("所在乡镇（街道）")
    )
    industry = ScopedPrimaryKeyRelatedField(queryset=Industry.objects.all(), required=False, allow_null=True)
    supervising_departments = ScopedPrimaryKeyRelatedField(
        queryset=Organization.objects.filter(kind="department"), many=True, required=False
    )
    place_type = ScopedPrimaryKeyRelatedField(
        queryset=PlaceType.objects.all(), required=False, allow_null=True
    )
    risk_tags = ScopedPrimaryKeyRelatedField(queryset=RiskTag.objects.all(), many=True, required=False)
    responsible_person = ScopedPrimaryKeyRelatedField(
        queryset=Person.objects.all(), required=False, allow_null=True
    )
    safety_manager = ScopedPrimaryKeyRelatedField(
        queryset=Person.objects.all(), required=False, allow_null=True
    )
    organization = serializers.PrimaryKeyRelatedField(read_only=True)

    class Meta:
        model = Unit
        fields = [
            "id", "version", "organization", "name", "credit_code", "address", "region", "latitude", "longitude",
            "industry", "supervising_departments", "place_type", "category", "risk_tags", "status",
            "responsible_person", "safety_manager", *ATTRIBUTE_FIELDS, *KEY_UNIT_FIELDS, "updated_at",
        ]  # fmt: skip
        read_only_fields = ["id", "organization", *KEY_UNIT_FIELDS, "updated_at"]
        # Uniqueness and the credit-code check are the service's, with its messages.
        validators: list = []
        extra_kwargs = {"credit_code": {"validators": []}, "name": {"validators": []}}
