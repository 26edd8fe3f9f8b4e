"""The annual work summary: the prose templates (``prose``), figure placeholders in the text (``tokens``), the
reports and their versions (``services``) and what they are exported as (``output``)."""
