"""Huey periodic jobs that belong to no single app. App tasks live in ``<app>/tasks.py``."""
