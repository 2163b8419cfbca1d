"""What the API tests share: the token, the invented reports and the error-shape check."""

from __future__ import annotations

import json

TOKEN = "test-token-4f1c"

# Invented reports in the style of conflict news: one claim relayed by three outlets, a
# figure stated twice, a denial, hedges, places the gazetteer knows.
REPORTS = [
    {
        "id": "north-wire-0301",
        "outlet": "North Wire",
        "published": "2024-03-01",
        "title": "Governor reports evacuation",
        "text": "Regional governor Marta Velychko said on Friday that 1,200 residents had "
        "been evacuated from villages near Kharkiv. According to the governor, the shelling "
        "damaged 40 homes. The claim could not be independently verified.",
    },
    {
        "id": "coast-daily-0302",
        "outlet": "Coast Daily",
        "published": "2024-03-02",
        "title": "Evacuations near Kharkiv",
        "text": "Marta Velychko, the regional governor, said that 1,200 residents had been "
        "evacuated from villages near Kharkiv. The defence ministry in Moscow denied that "
        "its forces had shelled the area.",
    },
    {
        "id": "https://example.org/news/odesa-port",
        "outlet": "Harbour Times",
        "published": "2024-03-05",
        "title": "Port reopens",
        "text": "The port authority in Odesa said the grain terminal had reopened on Tuesday. "
        "A spokesman for the authority reportedly told reporters that 12 ships were waiting "
        "to load.",
    },
    {
        "id": "steppe-post-0306",
        "outlet": "Steppe Post",
        "published": "2024-03-06",
        "title": "Drones downed",
        "text": "The air force said it had shot down 25 drones over Odesa overnight. "
        "Officials allegedly told local media that debris fell on a warehouse.",
    },
]


def error_of(response: object) -> dict[str, object]:
    """The error of a response, checked to have the one error shape."""
    body = json.loads(response.content)  # type: ignore[attr-defined]
    assert set(body) == {"error"}, body
    error = body["error"]
    assert set(error) == {"code", "status", "message"}, error
    assert error["status"] == response.status_code  # type: ignore[attr-defined]
    assert isinstance(error["message"], str) and error["message"]
    return error  # type: ignore[no-any-return]
