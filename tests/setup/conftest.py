"""The setup tests read the full demo through the shared ``demo`` fixture (``tests/demo_session.py``): it is
seeded once per process, so they no longer seed the org part or the whole set themselves."""
