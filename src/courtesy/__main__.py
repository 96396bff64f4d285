"""``python -m courtesy`` runs the CLI."""

from courtesy.cli import console_main

console_main()
