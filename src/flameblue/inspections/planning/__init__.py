"""Inspection planning: supervision due dates and plans, random draws (双随机), conflict-of-interest
declarations and units' self-inspection compliance."""
