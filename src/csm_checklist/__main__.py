"""`python -m csm_checklist` runs the csm command."""

from .entry import main

main()
