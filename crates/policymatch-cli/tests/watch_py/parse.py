"""Reads what `policymatch watch` wrote with the usual Python parsers and prints JSON.

  parse.py feed FILE   Atom feed, with feedparser (fails on a feed it calls malformed)
  parse.py ics FILE    iCalendar file, with icalendar
  parse.py mail DIR    the *.eml files in DIR, with the email package
"""

import email
import email.policy
import glob
import json
import os
import sys


def feed(path):
    import feedparser

    d = feedparser.parse(path)
    if d.bozo:
        sys.exit("malformed feed: %s" % d.bozo_exception)
    return {
        "version": d.version,
        "title": d.feed.get("title"),
        "id": d.feed.get("id"),
        "updated": d.feed.get("updated"),
        "entries": [
            {
                "id": e.get("id"),
                "title": e.get("title"),
                "link": e.get("link"),
                "updated": e.get("updated"),
                "summary": e.get("summary"),
                "tags": [t.get("term") for t in e.get("tags", [])],
            }
            for e in d.entries
        ],
    }


def ics(path):
    import icalendar

    with open(path, "rb") as f:
        cal = icalendar.Calendar.from_ical(f.read())
    events = []
    for ev in cal.walk("VEVENT"):
        events.append(
            {
                "uid": str(ev.get("UID")),
                "summary": str(ev.get("SUMMARY")),
                "description": str(ev.get("DESCRIPTION")),
                "start": ev.decoded("DTSTART").isoformat(),
                "end": ev.decoded("DTEND").isoformat(),
                "url": str(ev.get("URL")),
                "stamp": ev.decoded("DTSTAMP").isoformat(),
            }
        )
    return {"prodid": str(cal.get("PRODID")), "version": str(cal.get("VERSION")), "events": events}


def mail(folder):
    out = []
    for path in sorted(glob.glob(os.path.join(folder, "*.eml"))):
        with open(path, "rb") as f:
            m = email.message_from_binary_file(f, policy=email.policy.default)
        parts = []
        for part in m.walk():
            if part.is_multipart():
                continue
            parts.append({"type": part.get_content_type(), "text": part.get_content()})
        out.append(
            {
                "file": os.path.basename(path),
                "subject": str(m["Subject"]),
                "from": str(m["From"]),
                "to": str(m["To"]),
                "message_id": str(m["Message-ID"]),
                "content_type": m.get_content_type(),
                "items": str(m["X-Policymatch-Items"] or "").split(),
                "parts": parts,
            }
        )
    return out


if __name__ == "__main__":
    kind, target = sys.argv[1], sys.argv[2]
    print(json.dumps({"feed": feed, "ics": ics, "mail": mail}[kind](target), ensure_ascii=False))
