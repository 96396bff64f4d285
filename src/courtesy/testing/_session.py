"""Session-wide defaults set by the pytest plugin (``--courtesy-fail-on``).

Kept free of imports so that the plugin can set them without loading courtesy.
"""

from __future__ import annotations

#: The threshold :func:`~courtesy.testing.assert_courteous` uses when a call names none;
#: ``None`` means ``"error"``.
fail_on: str | None = None
