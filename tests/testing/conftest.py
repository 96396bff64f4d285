"""pytester for the plugin tests.

In-process pytester runs forget the modules an inner run imported, while this process keeps
objects from them (Babel's locale data, courtesy's classes). So import and exercise courtesy
here, once, before any inner run: every run then shares the same modules.
"""

import courtesy
import courtesy.testing._assertions
import courtesy.testing._snapshot

pytest_plugins = ["pytester"]


def _warm_up() -> None:
    customer = {"name": {"title": "Mr", "given": "Nick", "family": "Owen"}, "locale": "en-GB"}
    situation = {"kind": "delay", "our_fault": True, "received_at": "2026-03-09T09:00:00Z",
                 "sent_at": "2026-03-09T15:00:00Z", "deadline_missed": True,
                 "promised_for": "2026-03-08", "timezone": "Europe/London"}
    message = courtesy.Pack.builtin("default").render(
        "delay_apology", customer, situation, strict=False,
        order={"id": "A-1042", "reason": "We packed it late.", "new_date": "Friday 13 March",
               "tracking": "JD0012345678", "refund": "£4.99"},
        agent="Priya Shah, Customer Care",
    )
    courtesy.render("{{ customer | salutation }}, thanks.", customer, strict=False)
    for tag in ("de-DE", "fr-FR", "es-ES", "ja-JP"):
        courtesy.check("Hallo, danke. Merci. Gracias. ありがとう。",
                       customer={**customer, "locale": tag}, situation=situation)
    assert isinstance(message, courtesy.Message)


_warm_up()
