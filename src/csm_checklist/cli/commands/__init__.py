"""The csm commands, one module per group of related commands.

At import time these modules load only typer and csm's light modules (errors,
config, schedule); everything else is imported inside the command that needs
it, so `csm today --json` never pays for rich or report code.
"""
