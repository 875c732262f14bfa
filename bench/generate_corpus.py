#!/usr/bin/env python3
"""Generates the benchmark corpus: synthetic Ofsted reports shaped like the real ones.

This script owns the generated corpus and its answer key. It writes text reports of the
four shapes in corpus/ (focused visit letters, ILACS inspections, SIF reports and the
2009-2011 letters and full reports of corpus/seed), with their page furniture (hard wraps,
form feeds, running headers, page numbers, back matter), and DIR/truth.jsonl: one JSON
object per paragraph with the facets the parser should recover (docs/PARSING.md).

The prose is sampled from the real corpus: every sentence of corpus/reports and
corpus/seed goes into a pool, authority names are replaced by the generated report's
authority, and 1 sentence in 40 gets a synthetic rare word (Zipf-distributed) so that
posting lists have a realistic long tail. Authority names come from core/common/authority_table.cpp.

Output is deterministic: the same seed and arguments give byte-identical files. Reports
are streamed to disk one at a time, so memory stays flat at any size.
"""

import argparse
import datetime
import json
import random
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# The real report kinds: share of reports, years, and the file-name kind.
KINDS = [
    ("focused_visit", 0.40, 2018, 2026),
    ("ilacs", 0.30, 2018, 2026),
    ("sif", 0.20, 2013, 2018),
    ("seed", 0.10, 2009, 2011),
]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]

FIRST_NAMES = ["Louise", "Andrew", "Naintara", "Brendan", "Margaret", "Neil", "Heather", "Teresa",
               "Paula", "Graham", "Fiona", "Peter", "Rachel", "Michael", "Anne", "Sean", "Carolyn",
               "Lynn", "Mandy", "Rodica", "Helen", "David", "Sarah", "James", "Alison", "Kathryn"]
SURNAMES = ["Walker", "Jones", "Khosla", "Parkinson", "Burke", "Penswick", "Brown", "Godfrey",
            "Thomson", "Reiter", "Parker", "McLaughlin", "Holden", "Ferguson", "Waterman", "Tarpey",
            "Adcock", "Radley", "Nightingale", "Cobarzan", "Jenner", "Ireland", "Reynolds", "Hart"]
STREETS = ["Town Hall", "County Hall", "Civic Centre", "Council House", "Civic Offices"]
SYLLABLES = ["ka", "lo", "mir", "ten", "vas", "qui", "dra", "bel", "nor", "sut", "phe", "gra",
             "zin", "olt", "rev", "mas", "tik", "ul", "sha", "bru", "fen", "yor", "cal", "dem"]

# Grades and how often inspections gave them.
GRADES_2013_ON = [("outstanding", 0.12), ("good", 0.43), ("requires_improvement", 0.33), ("inadequate", 0.12)]
GRADES_SIF = [("outstanding", 0.03), ("good", 0.35), ("requires_improvement", 0.45), ("inadequate", 0.17)]
GRADES_2009 = [("outstanding", 0.05), ("good", 0.35), ("adequate", 0.50), ("inadequate", 0.10)]
GRADE_WORDS = {"outstanding": "Outstanding", "good": "Good", "adequate": "Adequate",
               "requires_improvement": "Requires improvement to be good", "inadequate": "Inadequate"}
GRADE_NUMBERS = {"outstanding": 1, "good": 2, "adequate": 3, "inadequate": 4}

# Pool sentences that would be furniture or fixed formulas in a generated report.
EXCLUDED_STARTS = ("main findings", "headline findings", "inspection findings", "summary of findings", "dear ", "yours", "copy", "inspection date", "lead inspector", "report published", "published",
                   "age group", "reference no", "crown copyright", "the office for standards", "ofsted produces",
                   "if you would like", "you may use", "you may reuse", "this report is available",
                   "interested in our", "further copies", "this document may")
EXCLUDED_PHRASES = ("will be specifically considered in any future inspection", "will take the findings from this",
                    "into account when planning the next", "i am copying this letter", "will be considered at the next",
                    "majesty", "crown copyright", "www.", "http", "@", "greater manchester", "new york",
                    "newcastle-under-lyme", "sutton coldfield", "sutton-in-ashfield", "bury st edmunds", "reading lane")
OVERALL_SENTENCE = re.compile(r"children's services in [a-z ,']+ (are|require)")
ALLOWED_CHARS = re.compile(r"^[A-Za-z0-9 ,.;:'\"()%&/£\-–]+$")
GLUED_FOOTNOTE = re.compile(r"[a-z][.,;:?)]?\d{1,2}(?=\s|$)")
PARAGRAPH_NUMBER = re.compile(r"(?:^|\s)\d{1,3}(?:\.\d{1,2})?\.(?:\s|$)")  # "12." glued on by a missed break
SENTENCE_END = re.compile(r"(?<=[a-z0-9)'][.!?])\s+(?=[A-Z])")
PAGE_NUMBER = re.compile(r"^\s*(page\s+)?\d{1,3}\s*$", re.IGNORECASE)


def parse_authorities(table_path):
    """Returns (name, type, from_year, to_year, slug, other_names) for every row of the table."""
    row = re.compile(r'\{"([^"]+)", k_\w+, k_(\w+), (\d+), (\d+)(.*)\},?\s*$')
    authorities = []
    text = table_path.read_text(encoding="utf-8")
    for line in re.sub(r"\n {9,}", " ", text).splitlines():  # rows continue at a deeper indent
        match = row.search(line)
        if not match:
            continue
        name, kind, start, end, rest = match.groups()
        lists = re.findall(r"\{([^{}]*)\}", rest)
        other_names = re.findall(r'"([^"]+)"', lists[0]) if lists else []
        slug_match = re.search(r'\}\s*,\s*"([a-z-]+)"\s*$', rest)
        slug = slug_match.group(1) if slug_match else slugify(name)
        authorities.append((name, kind, int(start), int(end), slug, other_names))
    return authorities


def slugify(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def council_name(name, kind):
    if name.startswith("City of") or name.startswith("Isles of"):
        return name
    return {"lb": f"London Borough of {name}", "cty": f"{name} County Council"}.get(kind, f"{name} Council")


def authority_pattern(authorities):
    """A regex matching any authority in its usual forms, for replacing names in the pool."""
    names = sorted({n for a in authorities for n in [a[0], *a[5]]}, key=len, reverse=True)
    alternatives = "|".join(re.escape(n) for n in names)
    return re.compile(
        r"\b(?:(?:London |Royal |Metropolitan )?Borough of |City of |County )?(?:" + alternatives +
        r")(?: (?:County|City|Metropolitan Borough|Borough) Council| Council)?\b")


def joined_paragraphs(text):
    """Joins the hard-wrapped lines of a report into paragraphs, dropping repeated furniture."""
    lines = [line.strip() for line in text.replace("\f", "\n").splitlines()]
    counts = {}
    for line in lines:
        counts[line] = counts.get(line, 0) + 1
    paragraphs, current = [], ""
    for line in lines:
        if not line or PAGE_NUMBER.match(line) or (counts[line] >= 3 and len(line) > 3):
            if current and not line:
                paragraphs.append(current)
                current = ""
            continue
        line = re.sub(r"^[\u2022\u25aa\u25fc\u2212\uf000-\uf8ff-]\s*", "", line)
        if current.endswith("-") and current[-2:-1].isalpha():
            current += line
        else:
            current = f"{current} {line}" if current else line
    if current:
        paragraphs.append(current)
    return paragraphs


def ascii_quotes(text):
    return text.translate({0x2018: "'", 0x2019: "'", 0x201C: '"', 0x201D: '"', 0xA0: " "})


def build_sentence_pool(corpus_dir, authorities):
    """Returns the distinct prose sentences of the real corpus, authority names as '{A}'."""
    names = authority_pattern(authorities)
    first_words = {n.split(" ")[0] for a in authorities for n in [a[0], *a[5]]} | {"London", "Royal", "City", "County"}
    pool, seen = [], set()
    files = sorted((corpus_dir / "reports").glob("*.txt")) + sorted((corpus_dir / "seed").glob("*.txt"))
    for path in files:
        for paragraph in joined_paragraphs(path.read_text(encoding="utf-8", errors="replace")):
            for sentence in SENTENCE_END.split(ascii_quotes(paragraph)):
                sentence = re.sub(r"\s+", " ", sentence).strip()
                if sentence not in seen and usable_sentence(sentence):
                    seen.add(sentence)
                    pool.append(names.sub("{A}", sentence) if first_words.intersection(sentence.split(" ")) else sentence)
    if not pool:
        sys.exit(f"generate_corpus: no sentences found under {corpus_dir}")
    return pool


def usable_sentence(sentence):
    if not (40 <= len(sentence) <= 320 and sentence[0].isupper() and sentence.endswith(".")):
        return False
    words = sentence.split(" ")
    if len(words) < 6 or max(len(w) for w in words) > 35 or not ALLOWED_CHARS.match(sentence):
        return False
    lower = sentence.lower()
    return not (lower.startswith(EXCLUDED_STARTS) or any(p in lower for p in EXCLUDED_PHRASES) or
                OVERALL_SENTENCE.search(lower) or GLUED_FOOTNOTE.search(sentence) or PARAGRAPH_NUMBER.search(sentence))


class Writer:
    """Composes paragraphs, wraps and paginates them, and records their truth."""

    def __init__(self, rng, pool):
        self.rng = rng
        self.pool = pool
        self.wrappers = {}

    def rare_word(self):
        rank = int(200000 ** self.rng.random())  # log-uniform rank: Zipf-like frequencies
        syllables = []
        while True:
            syllables.append(SYLLABLES[rank % len(SYLLABLES)])
            rank //= len(SYLLABLES)
            if rank == 0 and len(syllables) >= 2:
                return "".join(syllables)

    def sentence(self, authority):
        text = self.rng.choice(self.pool)
        if "{A}" in text:
            text = text.replace("{A}", authority)
        if self.rng.random() < 1 / 40:
            words = text.split(" ")
            slots = [i for i in range(1, len(words)) if words[i].isalpha() and len(words[i]) >= 4]
            if slots:
                words[self.rng.choice(slots)] = self.rare_word()
                text = " ".join(words)
        return text

    def prose(self, authority, low=1, high=6):
        count = self.rng.choices(range(low, high + 1), weights=[6, 8, 8, 6, 4, 3][low - 1: high])[0]
        return " ".join(self.sentence(authority) for _ in range(count))

    def wrap(self, text, width):
        """Hard-wraps text at width; hyphenated words may split after the hyphen."""
        pattern = self.wrappers.get(width)
        if pattern is None:
            pattern = re.compile(r"(.{1,%d})(?:(?<=[A-Za-z]-)(?=[A-Za-z])| +|$)" % width)
            self.wrappers[width] = pattern
        return pattern.findall(text)


class Report:
    """One report being laid out: its lines (with where a page may break) and its truth."""

    def __init__(self, width, typographic):
        self.width = width
        self.typographic = typographic
        self.lines = []  # (text, page may break before this line)
        self.paragraphs = []  # (text, finding_type, grade, timescale)

    def line(self, text="", breakable=False):
        self.lines.append((self.typeset(text), breakable))

    def typeset(self, text):
        return text.replace("'", "\u2019") if self.typographic else text

    def block(self, lines):
        """Lines that stay together on one page (headings, table rows, header fields)."""
        for i, text in enumerate(lines):
            self.line(text, breakable=i == 0)

    def paragraph(self, writer, text, facets, prefix="", wrap=True, blank_after=False):
        self.paragraphs.append((self.typeset(text), *facets))
        body = prefix + text
        for text_line in writer.wrap(body, self.width) if wrap else [body]:
            self.line(text_line, breakable=True)
        if blank_after:
            self.line("", breakable=True)


def draw(rng, weighted):
    return rng.choices([v for v, _ in weighted], weights=[w for _, w in weighted])[0]


def near_grade(rng, grade, scale):
    """A sub-judgement's grade: usually the overall one, else a neighbour on the scale."""
    values = [v for v, _ in scale]
    if rng.random() < 0.6:
        return grade
    i = values.index(grade) + rng.choice([-1, 1])
    return values[min(max(i, 0), len(values) - 1)]


def long_date(day):
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def date_range(start, end):
    if start.month == end.month:
        return f"{start.day} to {end.day} {MONTHS[end.month - 1]} {end.year}"
    return f"{start.day} {MONTHS[start.month - 1]} to {long_date(end)}"


def person(rng):
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"


def majesty(day):
    return "His Majesty's" if day >= datetime.date(2022, 9, 8) else "Her Majesty's"


def postcode(rng):
    letters = "ABCDEFGHJKLMNPRSTUWY"
    return f"{rng.choice(letters)}{rng.choice(letters)}{rng.randint(1, 20)} {rng.randint(1, 9)}{rng.choice(letters)}{rng.choice(letters)}"


def address_block(rng, authority, kind):
    return [council_name(authority, kind), rng.choice(STREETS), authority, postcode(rng)]


# ---------------------------------------------------------------------------------------
# The four report shapes. Each returns a Report and the truth fields that hold for all of
# its paragraphs (kind, date).


def focused_visit(writer, rng, authority, kind, letter_day):
    report = Report(rng.randint(84, 90), typographic=True)
    visit_start = letter_day - datetime.timedelta(days=rng.randint(28, 45))
    visit = date_range(visit_start, visit_start + datetime.timedelta(days=1)).replace(" to ", " and ", 1)
    inspector, colleague = person(rng), person(rng)
    title = majesty(letter_day)
    report.block(["Ofsted", "Piccadilly Gate", "Store Street", "Manchester", "M1 2WD", "",
                  "T 0300 123 1231", "Textphone 0161 618 8524", "", "enquiries@ofsted.gov.uk",
                  "www.gov.uk/ofsted", "", long_date(letter_day), person(rng),
                  "Director of Children's Services", *address_block(rng, authority, kind), ""])
    director = person(rng).split(" ")[0]
    report.block([f"Dear {director}", f"Focused visit to {authority} children's services"])
    context = ("context", "ungraded", "none")
    report.paragraph(writer, f"This letter summarises the findings of the focused visit to {authority} "
                     f"children's services on {visit}. {title} Inspectors for this visit were "
                     f"{inspector} and {colleague}.", context)
    report.paragraph(writer, "Inspectors looked at the local authority's arrangements for "
                     + rng.choice(["planning and achieving permanence", "children in need and those subject to a child protection plan",
                                   "the front door", "care leavers", "children in care"]) + ".", context)
    report.paragraph(writer, "This visit was carried out in line with the inspection of local authority "
                     "children's services (ILACS) framework. Inspectors were on site and met with "
                     "practitioners, managers and leaders.", context)
    judgement = ("judgement", "ungraded", "none")
    report.block(["Headline findings"])
    for _ in range(rng.randint(2, 4)):
        report.paragraph(writer, writer.prose(authority), judgement)
    report.block(["What needs to improve in this area of social work practice?"])
    for _ in range(rng.randint(2, 4)):
        report.line("\u25fc", breakable=True)
        report.line("")
        report.paragraph(writer, writer.prose(authority, 1, 2), ("recommendation", "ungraded", "none"),
                         blank_after=True)
    report.block(["Main findings"])
    for _ in range(rng.randint(10, 22)):
        report.paragraph(writer, writer.prose(authority), judgement)
    report.paragraph(writer, "Ofsted will take the findings from this focused visit into account when "
                     "planning the next inspection or visit.", context)
    report.block(["Yours sincerely,", inspector, f"{title} Inspector"])
    return report, "focused_visit", numbered_pages(report, running_header=None)


def ilacs(writer, rng, authority, kind, published):
    report = Report(rng.randint(84, 90), typographic=True)
    end = published - datetime.timedelta(days=rng.randint(35, 60))
    standard = rng.random() < 0.5
    start = end - datetime.timedelta(days=11 if standard else 4)
    dates = date_range(start, end)
    title = f"Inspection of {authority} local authority children's services"
    overall = draw(rng, GRADES_2013_ON)
    judgements = [("The impact of leaders on social work practice with children and families", near_grade(rng, overall, GRADES_2013_ON)),
                  ("The experiences and progress of children who need help and protection", near_grade(rng, overall, GRADES_2013_ON))]
    if end.year >= 2023:
        judgements += [("The experiences and progress of children in care", near_grade(rng, overall, GRADES_2013_ON)),
                       ("The experiences and progress of care leavers", near_grade(rng, overall, GRADES_2013_ON))]
    else:
        judgements += [("The experiences and progress of children in care and care leavers", near_grade(rng, overall, GRADES_2013_ON))]
    table = judgements + ([("Overall effectiveness", overall)] if end < datetime.date(2026, 4, 1) else [])
    report.block([*writer.wrap(title, 38), f"Inspection dates: {dates}",
                  f"Lead inspector: {person(rng)}, {majesty(end)} Inspector", "Judgement", "", "Grade", ""])
    for name, grade in table:
        report.block([*writer.wrap(name, 38), "", GRADE_WORDS[grade], ""])
    for _ in range(rng.randint(3, 6)):
        report.paragraph(writer, writer.prose(authority), ("judgement", "ungraded", "none"))
    report.line("")
    report.block(["What needs to improve?"])
    for _ in range(rng.randint(3, 7)):
        report.paragraph(writer, writer.prose(authority, 1, 2), ("recommendation", "ungraded", "none"), prefix="\u25fc ")
    number = 0
    for name, grade in judgements[1:] + judgements[:1]:
        report.line("")
        heading = f"{name}: {GRADE_WORDS[grade].lower()}"
        report.block(writer.wrap(heading, 64))
        for _ in range(rng.randint(12, 24)):
            number += 1
            report.paragraph(writer, writer.prose(authority), ("judgement", grade, "none"), prefix=f"{number}. ")
    back_matter(report, ILACS_BACK_MATTER, end.year)
    header = [report.typeset(title), dates]
    return report, "ilacs_standard" if standard else "ilacs_short", numbered_pages(report, running_header=header)


def sif(writer, rng, authority, kind, published):
    report = Report(rng.randint(84, 90), typographic=True)
    end = published - datetime.timedelta(days=rng.randint(40, 60))
    start = end - datetime.timedelta(days=24)
    overall = draw(rng, GRADES_SIF)
    sections = [("children who need help and protection", "1. Children who need help and protection"),
                ("children looked after and achieving permanence", "2. Children looked after and achieving permanence"),
                ("adoption performance", "2.1 Adoption performance"),
                ("care leavers", "2.2 Experiences and progress of care leavers"),
                ("leadership", "3. Leadership, management and governance")]
    grades = {key: near_grade(rng, overall, GRADES_SIF) for key, _ in sections}
    lscb = near_grade(rng, overall, GRADES_SIF)
    verdict = {"outstanding": "are outstanding", "good": "are good", "inadequate": "are inadequate",
               "requires_improvement": "require improvement to be good"}[overall]
    report.block([council_name(authority, kind), "Inspection of services for children in need of help and",
                  "protection, children looked after and care leavers", "and",
                  "Review of the effectiveness of the Local Safeguarding Children", "Board1",
                  f"Inspection date: {long_date(start)}\u2013{long_date(end)}",
                  f"Report published: {long_date(published)}", "", f"Children's services in {authority} {verdict}"])
    for key, row in sections:
        report.block([*writer.wrap(row, 40), "", GRADE_WORDS[grades[key]], ""])
    report.block(["1", "", *SIF_FOOTNOTE, "", "1"])
    context, number = ("context", "ungraded", "none"), 0
    report.line("")
    report.block(["Summary of findings"])
    for _ in range(rng.randint(4, 8)):
        report.paragraph(writer, writer.prose(authority), ("judgement", "ungraded", "none"))
    report.block(["What does the local authority need to improve?", "Areas for improvement"])
    for _ in range(rng.randint(5, 12)):
        number += 1
        report.paragraph(writer, writer.prose(authority, 1, 3), ("recommendation", "ungraded", "none"), prefix=f"{number}. ")
    report.block(["Summary for children and young people"])
    for _ in range(rng.randint(5, 10)):
        report.paragraph(writer, writer.prose(authority, 1, 2), context, prefix="\uf0b7 ")
    judgement_sections = [("The experiences and progress of children who need help and protection", "children who need help and protection", True),
                          ("The experiences and progress of children looked after and achieving permanence", "children looked after and achieving permanence", True),
                          ("Adoption performance", "adoption performance", False),
                          ("The experiences and progress of care leavers", "care leavers", False),
                          ("Leadership, management and governance", "leadership", True)]
    for heading, key, with_summary in judgement_sections:
        report.line("")
        report.block([*writer.wrap(heading, 60), "", GRADE_WORDS[grades[key]], ""])
        facets = ("judgement", grades[key], "none")
        if with_summary:
            report.block(["Summary"])
            for _ in range(rng.randint(3, 6)):
                report.paragraph(writer, writer.prose(authority), facets)
            report.block(["Inspection findings"])
        for _ in range(rng.randint(8, 20)):
            number += 1
            report.paragraph(writer, writer.prose(authority), facets, prefix=f"{number}. ")
    report.line("")
    report.block(["The Local Safeguarding Children Board (LSCB)",
                  f"The Local Safeguarding Children Board {verdict_of(lscb)}", "Executive summary"])
    for _ in range(rng.randint(3, 5)):
        report.paragraph(writer, writer.prose(authority), ("judgement", lscb, "none"))
    report.block(["Recommendations"])
    for _ in range(rng.randint(3, 8)):
        number += 1
        report.paragraph(writer, writer.prose(authority, 1, 3), ("recommendation", lscb, "none"), prefix=f"{number}. ")
    report.line("")
    report.block(["Inspection findings \u2013 the Local Safeguarding Children Board"])
    for _ in range(rng.randint(8, 16)):
        number += 1
        report.paragraph(writer, writer.prose(authority), ("judgement", lscb, "none"), prefix=f"{number}. ")
    report.line("")
    report.block(["Information about this inspection"])
    for _ in range(rng.randint(2, 3)):
        report.paragraph(writer, writer.prose(authority, 1, 3), context)
    back_matter(report, SIF_BACK_MATTER, published.year)
    return report, "sif", numbered_pages(report, running_header=None, first_page=True)


def verdict_of(grade):
    return "requires improvement" if grade == "requires_improvement" else f"is {GRADE_WORDS[grade].lower()}"


def seed_letter(writer, rng, authority, kind, letter_day):
    report = Report(10_000, typographic=False)
    visit_start = letter_day - datetime.timedelta(days=rng.randint(35, 50))
    visit = date_range(visit_start, visit_start + datetime.timedelta(days=1)).replace(" to ", " and ", 1)
    council = council_name(authority, kind)
    surname = rng.choice(SURNAMES)
    report.block(["", "", "Alexandra House", "33 Kingsway", "London WC2B 6SE", "", "T 08456 40 40 40",
                  "enquiries@ofsted.gov.uk", "www.ofsted.gov.uk", "", "", "", long_date(letter_day), "",
                  f"Ms {rng.choice(FIRST_NAMES)} {surname}", "Director of Children's Services",
                  *address_block(rng, authority, kind), "", f"Dear Ms {surname}", "",
                  f"Annual unannounced inspection of contact, referral and assessment arrangements within {council} children's services", ""])
    context = ("context", "ungraded", "none")
    unwrapped = {"wrap": False, "blank_after": True}
    report.paragraph(writer, f"This letter contains the findings of the recent unannounced inspection of contact, "
                     f"referral and assessment arrangements within children's services in {council} which was "
                     f"conducted on {visit}. The inspection was carried out under section 138 of the Education and "
                     "Inspections Act 2006.", context, **unwrapped)
    report.paragraph(writer, "The inspection sampled the quality and effectiveness of contact, referral and assessment "
                     "arrangements and their impact on minimising the incidence of child abuse and neglect.", context, **unwrapped)
    report.paragraph(writer, "From the evidence gathered, the inspection identified a number of areas where the contact, "
                     "referral and assessment arrangements were delivered satisfactorily, in particular:", context, **unwrapped)
    seed_bullets(writer, rng, report, authority, "satisfactory", 3, 8)
    report.paragraph(writer, "From the evidence gathered, the following strengths and areas for development were identified:",
                     context, **unwrapped)
    report.block(["Strengths", ""])
    seed_bullets(writer, rng, report, authority, "strength", 1, 5)
    report.block(["Areas for development", ""])
    seed_bullets(writer, rng, report, authority, "area_for_development", 2, 7)
    if rng.random() < 0.4:
        report.paragraph(writer, "This visit has identified the following area for priority action.", context, **unwrapped)
        report.block(["Area for priority action", ""])
        seed_bullets(writer, rng, report, authority, "priority_action", 1, 3)
    report.paragraph(writer, "Any areas for development identified above will be specifically considered in any future "
                     "inspection of services to safeguard children within your area.", context, **unwrapped)
    report.block(["Yours sincerely", "", f"{person(rng)} Her Majesty's Inspector", ""])
    return report, "unannounced_car", plain_pages(report)


def seed_bullets(writer, rng, report, authority, finding_type, low, high):
    for _ in range(rng.randint(low, high)):
        report.paragraph(writer, writer.prose(authority, 1, 2), (finding_type, "ungraded", "none"),
                         prefix="- ", wrap=False)
        if rng.random() < 0.05:
            report.block(["", "", "", "INVESTOR IN PEOPLE", ""])
    report.line("")


def seed_full_report(writer, rng, authority, kind, published):
    report = Report(10_000, typographic=False)
    end = published - datetime.timedelta(days=rng.randint(35, 50))
    start = end - datetime.timedelta(days=11)
    council = council_name(authority, kind)
    report.block(["", "", "", f"Inspection of safeguarding and looked after children services {council}", "",
                  f"Inspection dates Reporting inspector {start.day} \u2013 {long_date(end)} {person(rng)}", "",
                  "Age group: All", "", f"Published: {long_date(published)}", "",
                  f"\u00a9 Crown copyright {published.year}", "", "Website: www.ofsted.gov.uk", ""])
    unwrapped = {"wrap": False, "blank_after": True}
    context = ("context", "ungraded", "none")
    state = {"number": 0}

    def numbered(facets, low=1, high=6):
        state["number"] += 1
        report.paragraph(writer, writer.prose(authority, low, high), facets, prefix=f"{state['number']}. ", **unwrapped)

    for heading in ["About this inspection", "Service information"]:
        report.block([heading, ""])
        for _ in range(rng.randint(2, 4)):
            numbered(context)
    overall = draw(rng, GRADES_2009)
    for part in ["safeguarding services", "services for looked after children"]:
        report.block([f"The inspection outcomes: {part}", ""])
        for heading in ["Overall effectiveness", "Capacity for improvement", "Areas for improvement",
                        "Outcomes for children and young people", "The quality of provision", "Leadership and management"]:
            if heading == "Areas for improvement":
                seed_areas_for_improvement(writer, rng, report, authority, council, part, state)
                continue
            grade = near_grade(rng, overall, GRADES_2009)
            grade_line = f"Grade {GRADE_NUMBERS[grade]} ({grade})"
            if rng.random() < 0.3:
                report.block([f"{heading} {grade_line}", ""])
            else:
                report.block([heading, "", grade_line, ""])
            for _ in range(rng.randint(3, 6)):
                numbered(("judgement", grade, "none"))
    report.block([f"Record of main findings: {council}", ""])
    for row in ["Overall effectiveness", "Capacity for improvement", "Quality of provision", "Leadership and management"]:
        report.line(f"{row}\t{GRADE_WORDS[overall]}\t\t\t")
    return report, "safeguarding_lac", plain_pages(report)


def seed_areas_for_improvement(writer, rng, report, authority, council, part, state):
    report.block(["Areas for improvement", ""])
    state["number"] += 1
    report.paragraph(writer, f"In order to improve the quality of provision and services for {part} in {council}, "
                     "the local authority and its partners should take the following action:",
                     ("context", "ungraded", "none"), prefix=f"{state['number']}. ", wrap=False, blank_after=True)
    for heading, timescale in [("Immediately:", "immediately"), ("Within three months:", "within_3_months"),
                               ("Within six months:", "within_6_months")]:
        report.block([heading, ""])
        for _ in range(rng.randint(1, 5)):
            report.paragraph(writer, writer.prose(authority, 1, 2), ("recommendation", "ungraded", timescale),
                             prefix="- ", wrap=False)
        report.line("")


# ---------------------------------------------------------------------------------------
# Page furniture.

ILACS_BACK_MATTER = [
    "The Office for Standards in Education, Children's Services and Skills (Ofsted)",
    "regulates and inspects to achieve excellence in the care of children and young",
    "people, and in education and skills for learners of all ages. It regulates and",
    "inspects childcare and children's social care, and inspects the Children and Family",
    "Court Advisory and Support Service (Cafcass), schools, colleges, initial teacher",
    "training, further education and skills, adult and community learning, and education",
    "and training in prisons and other secure establishments. It assesses council",
    "children's services, and inspects services for children looked after, safeguarding",
    "and child protection.",
    "If you would like a copy of this document in a different format, such as large print",
    "or Braille, please telephone 0300 123 1231, or email enquiries@ofsted.gov.uk.",
    "You may reuse this information (not including logos) free of charge in any format",
    "or medium, under the terms of the Open Government Licence. To view this",
    "licence, visit www.nationalarchives.gov.uk/doc/open-government-licence, write to",
    "the Information Policy Team, The National Archives, Kew, London TW9 4DU, or",
    "email: psi@nationalarchives.gsi.gov.uk.",
    "This report is available at https://reports.ofsted.gov.uk/.",
    "Interested in our work? You can subscribe to our monthly newsletter for more",
    "information and updates: http://eepurl.com/iTrDn.",
    "Piccadilly Gate", "Store Street", "Manchester", "M1 2WD", "T: 0300 123 1231",
    "Textphone: 0161 618 8524", "E: enquiries@ofsted.gov.uk", "W: www.gov.uk/ofsted",
]
SIF_BACK_MATTER = [
    "The Office for Standards in Education, Children's Services and Skills (Ofsted) regulates and inspects",
    "to achieve excellence in the care of children and young people, and in education and skills for",
    "learners of all ages. It regulates and inspects childcare and children's social care, and inspects the",
    "Children and Family Court Advisory and Support Service (Cafcass), schools, colleges, initial teacher",
    "training, further education and skills, adult and community learning, and education and training in",
    "prisons and other secure establishments. It assesses council children's services, and inspects services",
    "for children looked after, safeguarding and child protection.",
    "If you would like a copy of this document in a different format, such as large print or Braille, please",
    "telephone 0300 123 4234, or email enquiries@ofsted.gov.uk.",
    "You may copy all or parts of this document for non-commercial educational purposes, as long as you",
    "give details of the source and date of publication and do not alter the information in any way.",
    "Interested in our work? You can subscribe to our monthly newsletter for more information and",
    "updates: http://eepurl.com/iTrDn.",
    "Piccadilly Gate", "Store St", "Manchester", "M1 2WD", "T: 0300 123 4234", "Textphone: 0161 618 8524",
    "E: enquiries@ofsted.gov.uk", "W: www.gov.uk/ofsted",
]
SIF_FOOTNOTE = [
    "Ofsted produces this report under its power to combine reports in accordance with section 152 of",
    "the Education and Inspections Act 2006. This report includes the report of the inspection of local",
    "authority functions carried out under section 136 of the Education and Inspections Act 2006 and the",
    "report of the review of the Local Safeguarding Children Board carried out under the Local",
    "Safeguarding Children Boards (Review) Regulations 2013.",
]


def back_matter(report, lines, year):
    report.line("", breakable=True)
    report.lines.append(("\f", True))  # the back matter starts a page of its own
    report.block([*lines, f"\u00a9 Crown copyright {year}"])


def numbered_pages(report, running_header, first_page=False):
    """Lays the report's lines out on pages of about 45 lines, each closed by its furniture."""
    out, page, on_page = [], 1, 0
    page_length = 45

    def close_page():
        nonlocal page
        if page > 1 or first_page:
            out.extend(["", *(running_header or []), "", str(page), ""] if running_header else ["", str(page), ""])
        else:
            out.append("")
        page += 1

    for text, breakable in report.lines:
        if text == "\f" or (breakable and on_page >= page_length):
            close_page()
            out.append("\f")
            on_page = 0
            if text == "\f":
                continue
        out.append(text)
        on_page += 1
    close_page()
    return "\n".join(out).replace("\n\f\n", "\n\f") + "\f"


def plain_pages(report):
    """The 2009-2011 converter's layout: no form feeds, blank lines between blocks."""
    return "\n".join(text for text, _ in report.lines) + "\n"


SHAPES = {"focused_visit": focused_visit, "ilacs": ilacs, "sif": sif}


# ---------------------------------------------------------------------------------------
# Choosing reports: kind, authority, date, unique file name.


def existed(authority, year):
    _, _, start, end, _, _ = authority
    return (start == 0 or start <= year) and (end == 0 or end >= year)


def random_day(rng, year, authority, kind_name):
    """A date in year, inside the authority's lifetime (reorganisations happened on 1 April)."""
    _, _, start, end, _, _ = authority
    first_month = 4 if year == start else (11 if kind_name == "sif" and year == 2013 else 1)
    last_month = 3 if year == end else 12
    month = rng.randint(first_month, last_month)
    return datetime.date(year, month, rng.randint(1, 28))


def plan_reports(rng, authorities):
    """Yields (kind name, authority) forever: every authority first, then random draws."""
    kinds = [k for k, _, _, _ in KINDS]
    weights = [w for _, w, _, _ in KINDS]
    for authority in authorities:
        possible = [(k, w) for k, w, lo, hi in KINDS if any(existed(authority, y) for y in range(lo, hi + 1))]
        yield draw(rng, possible), authority
    while True:
        kind_name = rng.choices(kinds, weights=weights)[0]
        yield kind_name, rng.choice(authorities)


def choose_year(rng, kind_name, authority):
    _, _, low, high = next(k for k in KINDS if k[0] == kind_name)
    years = [y for y in range(low, high + 1) if existed(authority, y)]
    return rng.choice(years) if years else None


def write_report(writer, rng, out_dir, index, kind_name, authority, used_names, truth):
    """Writes one report and its truth lines; returns (paragraphs, bytes) or None if impossible."""
    year = choose_year(rng, kind_name, authority)
    if year is None:
        return None
    name, kind, _, _, slug, _ = authority
    while True:
        day = random_day(rng, year, authority, kind_name)
        if kind_name == "seed":
            shape = seed_letter if rng.random() < 0.7 else seed_full_report
            file_name = f"seed/seed-{index:06d}.txt"
            key = (slug, day, shape.__name__)
        else:
            shape = SHAPES[kind_name]
            file_name = f"reports/{slug}-{day.isoformat()}-{'focused-visit' if kind_name == 'focused_visit' else 'inspection'}.txt"
            key = file_name
        if key not in used_names:
            used_names.add(key)
            break
    report, kind_label, text = shape(writer, rng, name, kind, day)
    data = text.encode("utf-8")
    (out_dir / file_name).write_bytes(data)
    for position, (paragraph, finding_type, grade, timescale) in enumerate(report.paragraphs, 1):
        truth.write(json.dumps({
            "file": file_name, "report_index": index, "position": position, "authority": name,
            "year": day.year, "date": day.isoformat(), "kind": kind_label, "finding_type": finding_type,
            "grade": grade, "timescale": timescale, "text": paragraph}, ensure_ascii=False) + "\n")
    return len(report.paragraphs), len(data)


def generate(args):
    started = time.monotonic()
    rng = random.Random(args.seed)
    authorities = parse_authorities(args.authority_table)
    pool = build_sentence_pool(args.corpus, authorities)
    writer = Writer(rng, pool)
    if args.out.exists() and any(args.out.iterdir()):
        sys.exit(f"generate_corpus: {args.out} is not empty: give a new folder, so no stale report is left in it")
    for sub in ("reports", "seed"):
        (args.out / sub).mkdir(parents=True, exist_ok=True)
    used_names, reports, paragraphs, size = set(), 0, 0, 0
    with open(args.out / "truth.jsonl", "w", encoding="utf-8") as truth:
        for kind_name, authority in plan_reports(rng, authorities):
            if paragraphs >= args.paragraphs:
                break
            written = write_report(writer, rng, args.out, reports + 1, kind_name, authority, used_names, truth)
            if written:
                reports += 1
                paragraphs += written[0]
                size += written[1]
    seconds = time.monotonic() - started
    print(f"generate_corpus: {reports} reports, {paragraphs} paragraphs, {size} bytes "
          f"({size / 1e6:.1f} MB) in {seconds:.1f} s -> {args.out} (pool of {len(pool)} sentences)")


def parse_arguments(argv):
    parser = argparse.ArgumentParser(
        description="Write a deterministic synthetic corpus of Ofsted children's services reports, "
                    "shaped like corpus/reports and corpus/seed, plus DIR/truth.jsonl with every "
                    "paragraph's true facets, for benchmarking the indexer and scoring the parser.",
        epilog="Example: python3 bench/generate_corpus.py --out /tmp/bench-corpus --paragraphs 1000000 --seed 42\n"
               "then: indexer --db /tmp/bench-index /tmp/bench-corpus; "
               "python3 bench/score_extraction.py --truth /tmp/bench-corpus/truth.jsonl --db /tmp/bench-index",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True,
                        help="new or empty output folder: reports/*.txt (2013-2026), seed/*.txt (2009-2011), truth.jsonl")
    parser.add_argument("--paragraphs", type=int, default=1_000_000,
                        help="stop once this many paragraphs are written (the last report is completed; default 1000000)")
    parser.add_argument("--seed", type=int, default=42, help="random seed; same seed and arguments give identical output")
    parser.add_argument("--corpus", type=Path, default=REPO / "corpus",
                        help="the real corpus whose sentences are sampled (default: the repository's corpus/)")
    parser.add_argument("--authority-table", type=Path, default=REPO / "core" / "common" / "authority_table.cpp",
                        help="the gazetteer's table to take authority names from (default: core/common/authority_table.cpp)")
    return parser.parse_args(argv)


if __name__ == "__main__":
    generate(parse_arguments(sys.argv[1:]))
