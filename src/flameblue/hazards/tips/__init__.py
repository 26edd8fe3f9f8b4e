"""Public tips (举报投诉): the public portal, the staff pages and API, and turning a tip into a hazard."""
