"""What the `csm` command itself says: error lines, system errors, usage."""

MESSAGES: dict[str, tuple[str, str]] = {
    "cli.error_line": ("Error: {message}", "خطأ: {message}"),
    "cli.hint_line": ("Hint: {hint}", "تلميح: {hint}"),
}
