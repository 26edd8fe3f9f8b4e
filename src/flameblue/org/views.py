"""Pages for organizations, people, memberships, roles and accounts. Thin: scope and permission come from
the base views in :mod:`flameblue.core.views`, every write from :mod:`flameblue.org.services`."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView

from flameblue.core.scoping import has_action
from flameblue.core.views import (
    ObjectFormView,
    ScopedDetailView,
    ScopedListView,
    ScopedMixin,
    ServiceCreateView,
    ServiceFormMixin,
    ServiceUpdateView,
)
from flameblue.org import duties, filters, forms, services
from flameblue.org.action_labels import action_rows
from flameblue.org.dashboard import HOMES
from flameblue.org.lockout import failed_logins, user_unlock
from flameblue.org.models import Membership, Organization, Person, Role, User


class ObjectPermsMixin:
    """``can(action)``: may the user do ``action`` to the object shown (in scope for that action)?"""

    def can(self, action: str, obj: Any = None) -> bool:
        obj = obj or self.object
        model = type(obj)
        user = self.request.user
        return (
            has_action(user, model, action)
            and model.objects.visible_to(user, action).filter(pk=obj.pk).exists()
        )


# ---- Organizations -------------------------------------------------------------------------------------


class OrganizationListView(ScopedListView):
    model = Organization
    filterset_class = filters.OrganizationFilter
    template_name = "org/organization_list.html"
    partial_template_name = "org/_organization_table.html"

    def get_queryset(self):
        return super().get_queryset().select_related("region", "industry", "parent")


class OrganizationDetailView(ObjectPermsMixin, ScopedDetailView):
    model = Organization
    template_name = "org/organization_detail.html"

    def scoped_queryset(self, action: str = "view"):
        return super().scoped_queryset(action).select_related("region", "industry", "parent")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        org, user = self.object, self.request.user
        context["can_change"] = self.can("change")
        context["children"] = (
            Organization.objects.visible_to(user).filter(parent=org).select_related("region")
        )
        if has_action(user, Person, "view"):
            context["people"] = Person.objects.visible_to(user).filter(organization=org)
        if has_action(user, Membership, "view"):
            context["memberships"] = (
                Membership.objects.visible_to(user).filter(organization=org).select_related("person", "role")
            )
        return context


class OrganizationCreateView(ServiceCreateView):
    model = Organization
    form_class = forms.OrganizationForm
    service = staticmethod(services.organization_create)
    cancel_url_name = "org:organization-list"
    detail_url_name = "org:organization-detail"


class OrganizationUpdateView(ServiceUpdateView):
    model = Organization
    form_class = forms.OrganizationForm
    service = staticmethod(services.organization_update)
    detail_url_name = "org:organization-detail"


# ---- People --------------------------------------------------------------------------------------------


class PersonListView(ScopedListView):
    model = Person
    filterset_class = filters.PersonFilter
    template_name = "org/person_list.html"
    partial_template_name = "org/_person_table.html"

    def get_queryset(self):
        return super().get_queryset().select_related("organization")


class PersonDetailView(ObjectPermsMixin, ScopedDetailView):
    model = Person
    template_name = "org/person_detail.html"

    def scoped_queryset(self, action: str = "view"):
        return super().scoped_queryset(action).select_related("organization")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person, user = self.object, self.request.user
        context["can_change"] = self.can("change")
        context["can_reveal"] = self.can("reveal")
        context["duty_manager"] = _duty_manager(user)
        if has_action(user, Membership, "view"):
            context["memberships"] = (
                Membership.objects.visible_to(user)
                .filter(person=person)
                .select_related("organization", "role")
            )
        if has_action(user, User, "view"):
            context["account"] = User.objects.visible_to(user).filter(person=person).first()
        return context


class PersonCreateView(ServiceCreateView):
    model = Person
    form_class = forms.PersonForm
    service = staticmethod(services.person_create)
    cancel_url_name = "org:person-list"
    detail_url_name = "org:person-detail"


class PersonUpdateView(ServiceUpdateView):
    model = Person
    form_class = forms.PersonForm
    service = staticmethod(services.person_update)
    detail_url_name = "org:person-detail"


class PersonRevealView(ObjectFormView):
    """Full phone and ID number, shown once on this response (never stored in the page's history)."""

    model = Person
    action = "reveal"
    form_class = forms.ReasonForm
    template_name = "org/person_reveal.html"

    def perform(self, form):
        return services.person_reveal(self.object, by=self.request.user, reason=form.cleaned_data["reason"])

    def done(self, result):
        response = render(self.request, self.template_name, {"object": self.object, "revealed": result})
        response["Cache-Control"] = "no-store"
        return response


# ---- Memberships ---------------------------------------------------------------------------------------


def _duty_manager(user) -> bool:
    """Whether the memberships pages offer this user the three duties (the security administrator)."""
    return duties.is_security_admin(user) and has_action(user, Membership, "assign_duty")


class MembershipListView(ScopedListView):
    model = Membership
    filterset_class = filters.MembershipFilter
    template_name = "org/membership_list.html"
    partial_template_name = "org/_membership_table.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "duty_manager": _duty_manager(self.request.user)}

    def get_queryset(self):
        return super().get_queryset().select_related("person", "organization", "role")


class MembershipSuccessMixin:
    """The security administrator reaches these pages through ``assign_duty`` (三员 only); everyone else
    through ``add``/``change``. The service decides what each may do."""

    def dispatch(self, request, *args, **kwargs):
        if not has_action(request.user, Membership, self.action) and has_action(
            request.user, Membership, "assign_duty"
        ):
            self.action = "assign_duty"
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "duties_only": self.action == "assign_duty"}

    def get_success_url(self) -> str:
        return reverse("org:person-detail", kwargs={"pk": self.object.person_id})


class MembershipCreateView(MembershipSuccessMixin, ServiceCreateView):
    model = Membership
    form_class = forms.MembershipForm
    service = staticmethod(services.membership_create)
    cancel_url_name = "org:membership-list"

    def get_initial(self):
        initial = super().get_initial()
        for name in ("person", "organization"):
            if self.request.GET.get(name, "").isdigit():
                initial[name] = self.request.GET[name]
        return initial


class MembershipUpdateView(MembershipSuccessMixin, ServiceUpdateView):
    model = Membership
    form_class = forms.MembershipForm
    service = staticmethod(services.membership_update)
    cancel_url_name = "org:membership-list"


# ---- Roles ---------------------------------------------------------------------------------------------


class RoleListView(ScopedListView):
    model = Role
    template_name = "org/role_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for role in context["object_list"]:  # the page's rows, evaluated once and reused by the template
            role.home_label = HOMES.get(role.home, role.home)
        return context


class RoleDetailView(ObjectPermsMixin, ScopedDetailView):
    model = Role
    template_name = "org/role_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["can_change"] = self.can("change") and not self.object.duty_group  # 三员: roles.yaml only
        context["action_rows"] = action_rows(self.object.actions)
        context["home_label"] = HOMES.get(self.object.home, self.object.home)
        if has_action(user, Membership, "view"):
            context["memberships"] = (
                Membership.objects.visible_to(user)
                .filter(role=self.object)
                .select_related("person", "organization")[:200]
            )
        return context


class RoleCreateView(ServiceCreateView):
    model = Role
    form_class = forms.RoleForm
    service = staticmethod(services.role_create)
    cancel_url_name = "org:role-list"
    detail_url_name = "org:role-detail"


class RoleUpdateView(ServiceUpdateView):
    model = Role
    form_class = forms.RoleForm
    service = staticmethod(services.role_update)
    detail_url_name = "org:role-detail"


# ---- Accounts ------------------------------------------------------------------------------------------


class UserListView(ScopedListView):
    model = User
    filterset_class = filters.UserFilter
    template_name = "org/user_list.html"
    partial_template_name = "org/_user_table.html"

    def get_queryset(self):
        return super().get_queryset().select_related("person__organization").order_by("username")


class UserDetailView(ObjectPermsMixin, ScopedDetailView):
    model = User
    template_name = "org/user_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        account, user = self.object, self.request.user
        context["can_toggle"] = self.can("disable") or self.can("change")
        context["can_unlock"] = self.can("unlock")
        context["failures"], context["locked"] = failed_logins(account)
        if account.person_id and has_action(user, Membership, "view"):
            context["memberships"] = (
                Membership.objects.visible_to(user)
                .filter(person_id=account.person_id)
                .select_related("organization", "role")
            )
        return context


class UserCreateView(ServiceFormMixin, ScopedMixin, FormView):
    model = User
    action = "add"
    form_class = forms.UserCreateForm
    template_name = "core/form.html"
    success_message = gettext_lazy("账号已创建。")

    def perform(self, form):
        data = form.cleaned_data
        return services.user_create(
            by=self.request.user,
            username=data["username"],
            password=data["password"],
            person=data.get("person"),
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            model_name=User._meta.verbose_name, cancel_url=reverse("org:user-list"), **kwargs
        )

    def get_success_url(self) -> str:
        return reverse("org:user-detail", kwargs={"pk": self.object.pk})


class UserToggleActiveView(ObjectFormView):
    """Enable or disable an account (disabling ends its sessions). Security administrators hold
    ``org.user.disable``; system administrators may do it through ``org.user.change``."""

    model = User
    form_class = forms.ToggleActiveForm
    template_name = "org/user_action.html"

    def dispatch(self, request, *args, **kwargs):
        self.action = "disable" if has_action(request.user, User, "disable") else "change"
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {"active": "0" if self.object.is_active else "1"}

    def perform(self, form):
        active = form.cleaned_data["active"]
        services.user_set_active(
            self.object, by=self.request.user, active=active, reason=form.cleaned_data["reason"]
        )
        messages.success(self.request, _("账号已启用。") if active else _("账号已停用，其会话已结束。"))

    def get_success_url(self) -> str:
        return reverse("org:user-detail", kwargs={"pk": self.object.pk})


class UserUnlockView(ObjectFormView):
    model = User
    action = "unlock"
    form_class = forms.ReasonForm
    template_name = "org/user_action.html"

    def perform(self, form):
        user_unlock(self.object, by=self.request.user, reason=form.cleaned_data["reason"])
        messages.success(self.request, _("已解除该账号的登录锁定。"))

    def get_success_url(self) -> str:
        return reverse("org:user-detail", kwargs={"pk": self.object.pk})
