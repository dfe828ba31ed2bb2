"""Tables, HTML and pictures of plans, for notebooks and the report.

`items` is imported with the model and needs nothing beyond the standard library; `frames` loads
pandas, and `draw`, `timeline` and `fonts` load matplotlib, each on first use.
"""
