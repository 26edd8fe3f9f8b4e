"""廉政监督 (discipline): the clue register with its procuratorate exchange, phone and credit-check declarations,
warning education, family integrity pledges, public 述职述廉 and the ten service measures. A sub-package of the
integrity app: its models are imported at the end of ``integrity/models.py``, its pages and API are included by
one line each."""
