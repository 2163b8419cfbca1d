"""Time expressions: the period a figure covers, resolved to ISO dates, and its rate.

``resolve_period`` reads one phrase ("in October", "since February 2022", "over the past three
months") against the article's publication date; ``find_periods`` finds such phrases in a parsed
sentence (its DATE and TIME entities, with the preposition that governs them); ``find_rates``
finds rate phrases ("per month", "a day", "each week", "monthly"); ``link_nearest`` ties such
phrases to the figures nearest to them in the parse tree.

Conventions (the publication date is "published"):

- a month or day without a year is the most recent one not after publication;
- "since X" / "from X" run from the start of X to publication; "by X" / "until X" have no start
  and end at the end of X;
- "this year/month/week" run from their start to publication; "last year/month/week" and "the
  previous ..." are the whole previous calendar unit; "the past/last N days/weeks/months/years"
  end at publication;
- "the start/beginning of X" is X's first month, "the end of X" its last month; "early", "mid"
  and "late" are ignored;
- a period never ends after publication (its end is clipped), unless it starts after it;
- a phrase whose dates fall outside the calendar (before year 1 or after 9999: "the past
  800000 days", "0 December 0000", "the past 99999999999999999999 weeks") names no date and
  gives None, like any phrase that is no time expression;
- a phrase recognised as a time but not resolvable (a month with no publication date) gives a
  Period with null dates; a phrase that is no time expression ("each month", "three years",
  "the war's outset") gives None.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from claimledger.models import Per, Period

__all__ = [
    "RateWords",
    "TimePhrase",
    "find_periods",
    "find_rates",
    "link_nearest",
    "resolve_period",
]

Interval = tuple[date | None, date | None]

_MONTH_NAMES = (
    "january february march april may june july august september october november december"
)
MONTHS = {name: n for n, name in enumerate(_MONTH_NAMES.split(), 1)}
MONTHS |= {name[:3]: n for name, n in MONTHS.items()} | {"sept": 9}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
COUNTS |= {"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
RELATIVE = frozenset(
    "year|current year|month|current month|today|yesterday|overnight|last night|tonight|"
    "weekend|the weekend|last weekend".split("|")
)
_PREP_WORDS = (
    "in during for throughout over since from between by until till through across on at of"
)
PREPS = frozenset(_PREP_WORDS.split())
_PREP = re.compile(rf"^({'|'.join(PREPS)})\s+(.*)$")
_DAY = re.compile(r"^\d{1,2}$")
_RANGE = re.compile(r"^(.+?)\s*(?:\bto\b|\band\b|\buntil\b|\bthrough\b|[-–—])\s*(.+)$")
_MODIFIER = re.compile(r"^(?:the whole|all of|the(?! last| previous)|early|mid|late)\s+|^mid-")
_PORTION = re.compile(
    r"^(?:the )?(first|last|final|second) (?:(\w+) )?(days?|weeks?|fortnight|half) of (.+)$"
)
_EDGE = re.compile(r"^(start|beginning|outset|first days|end|last days) of (.+)$")
_ROLLING = re.compile(
    r"^(?:the )?(?:past|last|previous) (?:([\w-]+) )?(day|week|month|year|hour)s?$"
)
_CALENDAR = re.compile(r"^(this|current|last|previous|the previous|the current) (week|month|year)$")
_MONTH = re.compile(
    r"^(?:(\d{1,2})(?:st|nd|rd|th)? )?([a-z]+)\.?(?: (\d{1,2})(?:st|nd|rd|th)?)?(?: (\d{4}))?$"
)
_YEAR = re.compile(r"^(?:the year )?((?:1[89]|20)\d\d)$")
_DECADE = re.compile(r"^((?:1[89]|20)\d0)s$")
# What date arithmetic raises past the calendar: date() and replace() a ValueError (year 0,
# day 0), timedelta and date +/- an OverflowError (also for a count too big for a C int).
_OUT_OF_RANGE = (OverflowError, ValueError)
_ISO = re.compile(r"^(\d{4})-(\d\d)-(\d\d)$")
NOT_RATE_AFTER = frozenset({"ago", "earlier", "later", "before", "after", "old"})


def parse_iso(text: str | None) -> date | None:
    """The date of an ISO date or datetime string, or None when absent or malformed."""
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def resolve_period(text: str, published: str | None) -> Period | None:
    """The period a time phrase names, or None when it names none (see the module docstring)."""
    ref = parse_iso(published)
    phrase = " ".join(text.lower().replace("’", "'").replace(",", " ").split()).strip(" .")
    match = _PREP.match(phrase)
    prep, rest = (match.group(1), match.group(2)) if match else ("", phrase)
    span, ranged = _interval(rest, ref), False
    if span is None:
        span, ranged = _range(rest, ref), True
    if span is None:
        return None
    start, end = span
    if prep in ("since", "from") and not ranged:
        end = ref
    elif prep in ("by", "until", "till"):
        start = None
    if ref and end and end > ref and (start is None or start <= ref):
        end = ref
    return Period(text=text.strip(), start=_iso(start), end=_iso(end))


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _range(phrase: str, ref: date | None) -> Interval | None:
    """'March to May 2024', 'between 2014 and 2022': from the start of one to the other's end."""
    match = _RANGE.match(phrase)
    if not match:
        return None
    left_text, right_text = match.group(1).strip(), match.group(2).strip()
    right = _interval(right_text, ref)
    left = _interval(left_text, right[1] if right and right[1] else ref)
    if left and left[0] and right is None and _DAY.match(right_text):
        right = _same_month(left[0], int(right_text))  # "November 10 and 16"
    if right and right[1] and left is None and _DAY.match(left_text.removeprefix("between ")):
        left = _same_month(right[1], int(left_text.removeprefix("between ")))  # "10 to 16 Nov"
    if left is None or right is None:
        return None
    return left[0], right[1]


def _same_month(day: date, number: int) -> Interval | None:
    """Day ``number`` of the month of ``day``."""
    try:
        other = day.replace(day=number)
    except ValueError:
        return None
    return other, other


def _interval(phrase: str, ref: date | None) -> Interval | None:
    phrase = phrase.strip()
    while (stripped := _MODIFIER.sub("", phrase)) != phrase:
        phrase = stripped
    for reader in (_portion, _edge, _relative, _rolling, _calendar, _absolute, _month, _weekday):
        try:
            found = reader(phrase, ref)
        except _OUT_OF_RANGE:
            return None  # a date outside the calendar is no date
        if found is not None:
            return found
    return None


def _portion(phrase: str, ref: date | None) -> Interval | None:
    """'the first ten days of March', 'the last two weeks of October', 'the second half of the
    year', 'the first week of May': a stretch at the start or end of a period."""
    match = _PORTION.match(phrase)
    inner = _interval(match.group(4), ref) if match else None
    if match is None or inner is None or None in inner:
        return None
    start, end = inner
    assert start is not None and end is not None
    side, count_word, unit = match.group(1), match.group(2), match.group(3).rstrip("s")
    if unit == "half":
        middle = start + timedelta(days=((end - start).days + 1) // 2)
        return (start, middle - timedelta(days=1)) if side == "first" else (middle, end)
    count = COUNTS.get(count_word or "one") or (int(count_word) if count_word.isdigit() else 0)
    if count <= 0 or side == "second":
        return None
    days = count * (7 if unit in ("week", "fortnight") else 1) * (2 if unit == "fortnight" else 1)
    if side == "first":
        return start, min(end, start + timedelta(days=days - 1))
    return max(start, end - timedelta(days=days - 1)), end


def _edge(phrase: str, ref: date | None) -> Interval | None:
    """The start or end of something: its first or last month."""
    match = _EDGE.match(phrase)
    inner = _interval(match.group(2), ref) if match else None
    if match is None or inner is None:
        return None
    start, end = inner
    if match.group(1) in ("end", "last days"):
        return (end.replace(day=1) if end else None), end
    return start, (_month_end(start) if start else None)


def _relative(phrase: str, ref: date | None) -> Interval | None:
    if phrase not in RELATIVE:
        return None
    if ref is None:
        return None, None
    if phrase.endswith("weekend"):  # the last Saturday and Sunday up to publication
        sunday = ref - timedelta(days=(ref.weekday() + 1) % 7)
        return sunday - timedelta(days=1), sunday
    if phrase in ("overnight", "last night", "tonight"):
        return ref, ref
    if phrase.endswith("year"):
        return ref.replace(month=1, day=1), ref.replace(month=12, day=31)
    if phrase.endswith("month"):
        return ref.replace(day=1), _month_end(ref)
    day = ref - timedelta(days=phrase == "yesterday")
    return day, day


def _calendar(phrase: str, ref: date | None) -> Interval | None:
    """'this month' runs to publication; 'last month' is the whole previous month."""
    match = _CALENDAR.match(phrase)
    if match is None or ref is None:
        return None if match is None else (None, None)
    unit, previous = match.group(2), match.group(1) in ("last", "previous", "the previous")
    if unit == "week":
        monday = ref - timedelta(days=ref.weekday() + 7 * previous)
        return monday, monday + timedelta(days=6)
    if unit == "month":
        first = _add_months(ref.replace(day=1), -previous)
        return first, _month_end(first)
    year = ref.year - previous
    return date(year, 1, 1), date(year, 12, 31)


def _rolling(phrase: str, ref: date | None) -> Interval | None:
    """'the past three months', 'the last 24 hours': a window ending at publication (the past
    week is the seven days up to and including the day of publication, the past day that day)."""
    match = _ROLLING.match(phrase)
    if match is None:
        return None
    if not match.group(1) and not phrase.startswith(("past", "the past", "the last")):
        return None  # "last month", "the previous year": a calendar unit
    word = match.group(1) or "1"
    count = int(word) if word.isdigit() else COUNTS.get(word)
    if count is None or ref is None:
        return None if count is None else (None, None)
    unit = match.group(2)
    if unit in ("day", "hour", "week"):
        days = {"day": count, "hour": -(-count // 24), "week": 7 * count}[unit]
        return ref - timedelta(days=days - 1), ref  # "the past week": seven days up to today
    start = _add_months(ref, -count * (12 if unit == "year" else 1)) + timedelta(days=1)
    return start, ref


def _absolute(phrase: str, ref: date | None) -> Interval | None:
    if match := _ISO.match(phrase):
        day = parse_iso(phrase)
        return (day, day) if day else None
    if match := _YEAR.match(phrase):
        year = int(match.group(1))
        return date(year, 1, 1), date(year, 12, 31)
    if match := _DECADE.match(phrase):
        year = int(match.group(1))
        return date(year, 1, 1), date(year + 9, 12, 31)
    return None


def _month(phrase: str, ref: date | None) -> Interval | None:
    """'October', 'February 2022', 'February 24, 2022', '24 February'."""
    match = _MONTH.match(phrase)
    month = MONTHS.get(match.group(2)) if match else None
    if match is None or month is None:
        return None
    day = int(match.group(1) or match.group(3) or 0)
    if match.group(4):
        year = int(match.group(4))
    elif ref is None:
        return None, None
    else:  # the most recent such month (or day) not after publication
        year = ref.year - ((month, day) > (ref.month, ref.day if day else 0))
    first = date(year, month, 1)
    if not day:
        return first, _month_end(first)
    if day > _month_end(first).day:
        return None
    return date(year, month, day), date(year, month, day)


def _weekday(phrase: str, ref: date | None) -> Interval | None:
    name = phrase.removeprefix("last ").removeprefix("this ")
    if name not in WEEKDAYS:
        return None
    if ref is None:
        return None, None
    day = ref - timedelta(days=(ref.weekday() - WEEKDAYS.index(name)) % 7)
    return day, day


def _month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


@dataclass(frozen=True)
class TimePhrase:
    """A period phrase of a sentence: token offsets, the token it hangs from, its period."""

    start: int
    end: int
    root: int
    period: Period


def find_periods(
    sent: Span, published: str | None, ents: Sequence[Span] | None = None
) -> list[TimePhrase]:
    """The resolvable DATE/TIME phrases of a sentence, with their governing preposition.

    ``ents`` are the sentence's DATE/TIME entities when the caller has them already.
    """
    doc = sent.doc
    if ents is None:
        ents = [e for e in sent.ents if e.label_ in ("DATE", "TIME")]
    found: list[TimePhrase] = []
    k = 0
    while k < len(ents):
        start, end = ents[k].start, ents[k].end
        if k + 1 < len(ents) and _joined(doc, end, ents[k + 1].start):
            k, end = k + 1, ents[k + 1].end
        k += 1
        if start > sent.start and doc[start - 1].lower_ in PREPS and doc[start - 1].dep_ == "prep":
            start -= 1
        span = doc[start:end]
        period = resolve_period(span.text, published)
        if period is not None:
            found.append(TimePhrase(start, end, span.root.i, period))
    inside = {i for e in ents for i in range(e.start, e.end)}
    for tok in sent:  # "overnight" is seldom tagged as a time
        if tok.lower_ == "overnight" and tok.i not in inside:
            period = resolve_period(tok.text, published)
            if period is not None:
                found.append(TimePhrase(tok.i, tok.i + 1, tok.i, period))
    return found


def _joined(doc: Doc, end: int, next_start: int) -> bool:
    """Two DATE entities joined into one range: 'March' 'and' 'May', 'March' 'to' 'May 2024'."""
    return next_start == end + 1 and doc[end].lower_ in ("and", "to", "until", "through", "-", "–")


def _distance(a: Token, b: Token) -> int:
    """Edges between two tokens in the parse tree."""
    up = {t.i: n for n, t in enumerate([a, *a.ancestors])}
    for n, tok in enumerate([b, *b.ancestors]):
        if tok.i in up:
            return up[tok.i] + n
    return 1_000


def link_nearest(roots: list[Token], anchors: list[Token], limit: int) -> list[int | None]:
    """For each figure (by its root token), the index of its nearest anchor (a time phrase's
    root) within limit edges, among the anchors that are no nearer to another figure."""
    table = [[_distance(root, anchor) for anchor in anchors] for root in roots]
    nearest = [min(column, default=limit + 1) for column in zip(*table, strict=True)]
    chosen: list[int | None] = []
    for row in table:
        fits = [(d, m) for m, d in enumerate(row) if d <= limit and d == nearest[m]]
        chosen.append(min(fits)[1] if fits else None)
    return chosen


@dataclass(frozen=True)
class RateWords:
    """The words that make a figure a rate (data: quantities.v1.tsv)."""

    nouns: Mapping[str, Per]  # "day" after a distributive: "per day", "a day", "each day"
    adverbs: Mapping[str, Per]  # "daily", "monthly"
    distributives: frozenset[str]  # "per", "a", "each", "every"


def find_rates(sent: Span, words: RateWords) -> list[tuple[Token, Per]]:
    """The rate phrases of a sentence, by their time word: 'per day', 'a month', 'monthly'."""
    found: list[tuple[Token, Per]] = []
    for tok in sent:
        word = tok.lower_
        if word in words.adverbs and tok.dep_ in ("advmod", "amod", "npadvmod"):
            found.append((tok, words.adverbs[word]))
        elif word in words.nouns and tok.i > sent.start and _distributed(tok, sent, words):
            found.append((tok, words.nouns[word]))
    return found


def _distributed(noun: Token, sent: Span, words: RateWords) -> bool:
    """'per day', 'each day', 'every day'; 'a day' as an adverb (not 'a day ago', 'for a day')."""
    word = noun.doc[noun.i - 1].lower_
    if word not in words.distributives:
        return False
    if noun.i + 1 < sent.end and noun.doc[noun.i + 1].lower_ in NOT_RATE_AFTER:
        return False
    if word not in ("a", "an") or noun.dep_ in ("npadvmod", "advmod", "nmod"):
        return True
    before = noun.doc[noun.i - 2] if noun.i - 2 >= sent.start else None
    return before is not None and before.tag_ in ("NNS", "CD")  # "40 glide bombs a day", misparsed
