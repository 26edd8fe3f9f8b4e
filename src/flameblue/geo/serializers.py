"""API representation of regions (read only: regions are loaded from the shipped GB/T 2260 data file)."""

from __future__ import annotations

from rest_framework import serializers

from flameblue.geo.models import Region

__all__ = ["RegionSerializer"]


class RegionSerializer(serializers.ModelSerializer):
    level_display = serializers.CharField(source="get_level_display", read_only=True)

    class Meta:
        model = Region
        fields = ["code", "name", "level", "level_display", "parent"]
        read_only_fields = fields
