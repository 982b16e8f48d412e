"""csm: the customer service manager's checklist."""

__version__ = "0.1.0"
