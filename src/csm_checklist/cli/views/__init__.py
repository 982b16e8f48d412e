"""How csm shows things: rich views for a terminal, plain text otherwise.

Only modules in this package import rich, and only when a view is drawn for a
terminal, so plain and JSON output never pay rich's import time.
"""
