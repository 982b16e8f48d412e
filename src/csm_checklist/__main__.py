"""`python -m csm_checklist` runs the csm command."""

from .cli import main

main()
