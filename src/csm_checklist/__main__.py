"""`python -m csm_checklist` runs the csm command."""

from csm_checklist.cli.entry import main

main()
