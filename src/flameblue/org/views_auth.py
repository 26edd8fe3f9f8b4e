from django.shortcuts import render


def locked_out(request, credentials=None, *args, **kwargs):
    return render(request, "registration/locked_out.html", status=403)
