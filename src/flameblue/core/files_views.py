"""Serving stored uploads: only to users who can see the owning record; never sniffed, never inline HTML."""

from __future__ import annotations

from django.apps import apps
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404

from flameblue.core.http import attachment_response
from flameblue.core.notify_models import StoredFile
from flameblue.core.uploads import file_path


@login_required
def download(request, pk: int):
    stored = get_object_or_404(StoredFile, pk=pk)
    try:
        owner_model = apps.get_model(stored.owner_type)
    except (LookupError, ValueError) as exc:
        raise Http404 from exc
    if not owner_model.objects.visible_to(request.user, "view").filter(pk=stored.owner_id).exists():
        raise Http404
    path = file_path(stored)
    if not path.exists():
        raise Http404
    inline = stored.content_type.startswith("image/")
    return attachment_response(
        path.open("rb"), stored.original_name, stored.content_type, inline=inline,
        cache_control="private, max-age=3600",
    )  # fmt: skip
