#!/usr/bin/env python3
"""Build an `allocate/1` scenario for one Thai province from the real FY2565 budget line items.

Reads the Budget Bureau's FY2565 line items as extracted by kaogeek/thailand-budget-pdf2csv
(`2022-3-13(*).csv`: province and province-cluster budgets; `2022-3-16(*).csv`: subsidies to
local administrative organisations) and writes one scenario in the format of
`/work/shared/spec/scenario-format.md`.

Real: project names (ITEM_DESCRIPTION or PROJECT text, whitespace collapsed), amounts (AMOUNT,
in baht), places (tambon/district parsed from the descriptions), the LAOs named in
BUDGETARY_UNIT. Invented (and listed in the scenario's `x-notes`): budgets, priorities,
strategies, ministries, LAO capacities, the `mandatory` flag on welfare allowances.

Usage (from the repository root):

    python3 scripts/thai-budget-2565.py                      # writes scenarios/chon-buri-2565.json
    python3 scripts/thai-budget-2565.py DATA_DIR -o out.json --province ขอนแก่น --code KK
    python3 scripts/thai-budget-2565.py --rank               # how much usable data each province has
    python3 scripts/thai-budget-2565.py --check scenarios/chon-buri-2565.json

The output is deterministic: same input files give the same bytes.
Standard library only (CPython 3.11).
"""

from __future__ import annotations

import argparse
import csv
import difflib
import hashlib
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = "../shared/data/thai-budget-2565"  # relative to the repository root
DEFAULT_PROVINCE = "ชลบุรี"
DEFAULT_CODE = "CB"
DEFAULT_SLUG = "chon-buri"

# ---------------------------------------------------------------------------------------------
# Sector keywords. The sector of an item is the sector whose keyword occurs EARLIEST in the
# work part of its description (the text before the first place word: ตำบล, อำเภอ, จังหวัด,
# ต. อ. จ., หมู่ที่), else in its budget category (CATEGORY_LV4), else in the name of the budget
# PROJECT it belongs to; ties go to the sector listed first. Earliest-wins because a Thai item
# description starts with the work itself ("ปรับปรุงผิวจราจร พร้อมท่อระบายน้ำ" is road work with
# a drain; "ก่อสร้างระบบระบายน้ำถนน..." is drainage along a road). Place names are cut off
# because they are full of keywords (ต.คลองตำหรุ, บ้านห้วย...). The sectors named by the budget
# PROJECT (the programme the line belongs to) add their strategies as secondary links.
# ---------------------------------------------------------------------------------------------
SECTOR_KEYWORDS: list[tuple[str, list[str]]] = [
    ("safety", ["ดับเพลิง", "อัคคีภัย", "สาธารณภัย", "กู้ภัย", "ความมั่นคง", "ความสงบ"]),
    ("welfare", ["เคราะห์", "ยังชีพ", "ผู้สูงอายุ", "ความพิการ", "ผู้ป่วยเอดส์", "ยากจน", "ด้อยโอกาส",
                 "พัฒนาสังคม", "คุณภาพชีวิต"]),
    ("health", ["สาธารณสุข", "การแพทย์", "โรงพยาบาล", "พิษสุนัขบ้า", "สัตว์ปลอดโรค", "เวชภัณฑ์"]),
    ("education", ["การศึกษา", "โรงเรียน", "อาคารเรียน", "นักเรียน", "ผู้เรียน", "การเรียน",
                   "ศูนย์พัฒนาเด็กเล็ก", "อาหารกลางวัน", "อาหารเสริม"]),
    ("environment", ["ขยะ", "สิ่งปฏิกูล", "คุณภาพอากาศ", "ป่าชายเลน", "ป่า ชายเลน", "อนุรักษ์ป่า",
                     "สิ่งแวดล้อม", "ทรัพยากรธรรมชาติ", "สวนสาธารณะ"]),
    ("water", ["ฝาย", "คลอง", "แหล่งน้ำ", "ประปา", "ขุดลอก", "เขื่อน", "ตลิ่ง", "ระบายน้ำ",
               "อ่างเก็บน้ำ", "ห้วย", "ชลประทาน", "สระน้ำ", "บ่อน้ำ", "การบริหารจัดการน้ำ", "ลำน้ำ"]),
    ("roads", ["ถนน", "ทางหลวง", "สะพาน", "ผิวจราจร", "ช่องจราจร", "สภาพการจราจร", "ลาดยาง",
               "ทางเดิน", "รถบดล้อเหล็ก", "สายทาง"]),
    ("agriculture", ["เกษตร", "แทรคเตอร์", "ปศุสัตว์", "ประมง"]),
    ("economy", ["ท่องเที่ยว", "การค้า", "การลงทุน", "อุตสาหกรรม", "นวัตกรรม", "ตลาด", "สินค้า",
                 "ลานวัฒนธรรม", "เศรษฐกิจ"]),
    ("administration", ["บริหารงาน", "สำนักงาน", "คอมพิวเตอร์", "ยานพาหนะ", "กระจายเสียง"]),
]
FALLBACK_SECTOR = "other"

# Provincial strategies (invented; Thai names in the style of a provincial development plan).
# weight raises a linked project's value; minShare is a floor on the money going to it.
STRATEGIES = [
    {"id": "S1", "name": "การบริหารจัดการน้ำและทรัพยากรธรรมชาติอย่างยั่งยืน",
     "sectors": ["water", "environment"], "weight": 0.5, "minShare": 0.1},
    {"id": "S2", "name": "การพัฒนาการเกษตร เศรษฐกิจ และการท่องเที่ยว",
     "sectors": ["agriculture", "economy"], "weight": 0.3},
    {"id": "S3", "name": "การพัฒนาโครงสร้างพื้นฐานและระบบโลจิสติกส์",
     "sectors": ["roads"], "weight": 0.4},
    {"id": "S4", "name": "การยกระดับคุณภาพชีวิต การศึกษา สาธารณสุข และสวัสดิการสังคม",
     "sectors": ["education", "health", "welfare"], "weight": 0.3},
    {"id": "S5", "name": "การรักษาความมั่นคง ความปลอดภัย และการบริหารจัดการภาครัฐ",
     "sectors": ["safety", "administration", FALLBACK_SECTOR], "weight": 0.0},
]

# Priority (invented): a base urgency per sector plus a deterministic jitter of -2..+2 taken from
# the SHA-256 of the first source ITEM_ID, clamped to 1..10.
SECTOR_PRIORITY = {
    "welfare": 8, "health": 7, "water": 7, "safety": 6, "education": 6, "roads": 6,
    "environment": 5, "agriculture": 5, "economy": 4, "administration": 3, FALLBACK_SECTOR: 3,
}

# Ministries (invented: the data's MINISTRY column only says "จังหวัดและกลุ่มจังหวัด" or
# "องค์กรปกครองส่วนท้องถิ่น"). Each is kept only if some project falls in its mandate.
MINISTRIES = [
    {"id": "MIN-DOH", "name": "กรมทางหลวง", "sectors": ["roads"],
     "why": "items on numbered national highways (ทางหลวงหมายเลข) in the province and cluster budgets"},
    {"id": "MIN-DRR", "name": "กรมทางหลวงชนบท", "sectors": ["roads"],
     "why": "rural and local road and bridge items"},
    {"id": "MIN-RID", "name": "กรมชลประทาน", "sectors": ["water"],
     "why": "water-source, dyke and drainage items (ค่าก่อสร้างแหล่งน้ำ, เขื่อนป้องกันตลิ่ง)"},
    {"id": "MIN-DLA", "name": "กรมส่งเสริมการปกครองท้องถิ่น",
     "sectors": ["education", "welfare", "health", "environment", "safety"],
     "why": "the LAO subsidy lines of the 2022-3-16 documents (education, welfare, health, waste, fire)"},
]

# How the invented budgets are set: total budget over all funders = FUNDABLE_SHARE of the total
# requested cost. Mandatory lines are first given to their own LAO; the rest is split between
# the levels by LEVEL_SHARE and, within a level, in proportion to each funder's "reach" (the
# non-mandatory cost of projects it is eligible for; for an LAO only projects in its own area).
FUNDABLE_SHARE = 0.60
LEVEL_SHARE = {"lao": 0.35, "district": 0.10, "province": 0.25, "ministry": 0.30}
BUDGET_ROUNDING = 10_000
# Largest single item for an LAO that the data does not show handling bigger lines: the Budget
# Bureau's own threshold for LAO construction items ("ราคาต่อหน่วยต่ำกว่า 10 ล้านบาท").
LAO_MAX_PROJECT_COST = 10_000_000

# LAO subsidy lines that are not development projects (staff pay and benefits, a general block
# grant): left out of the scenario.
NON_PROJECT_PATTERNS = ["เงินเดือน", "บำเหน็จ", "บำนาญ", "ค่าเช่าบ้าน", "ค่าการศึกษาของบุตร",
                        "ภารกิจถ่ายโอน", "ค่าตอบแทนพิเศษรายเดือน", "ถ่ายโอนบุคลากร"]
# Statutory welfare allowances (เงินอุดหนุนการสงเคราะห์เบี้ยยังชีพ..., in several OCR spellings):
# ongoing entitlements, marked mandatory.
MANDATORY_RE = re.compile(r"เคราะห์.*ชี")

# OCR variants of the two education subsidy headers (CATEGORY_LV4) map to one canonical name.
LV4_CANONICAL = [
    ("ศูนย์พัฒนาเด็กเล็ก", "เงินอุดหนุนสำหรับสนับสนุนค่าใช้จ่ายในการจัดการศึกษาสำหรับศูนย์พัฒนาเด็กเล็ก"),
    ("อนุบาล", "เงินอุดหนุนสำหรับการจัดการศึกษาตั้งแต่ระดับอนุบาลจนจบการศึกษาขั้นพื้นฐาน"),
]

THAI_CHARS = "\u0e00-\u0e7f"
LEADING_VOWELS = "เแโใไ"
LEVELS = ["community", "lao", "district", "province", "ministry"]


# ---------------------------------------------------------------------------------------------
# Reading and cleaning
# ---------------------------------------------------------------------------------------------

@dataclass
class Row:
    file: str          # e.g. "2022-3-13(1).csv"
    family: str        # "province" (2022-3-13) or "lao" (2022-3-16)
    order: int         # position in the sorted input
    item_id: str
    page: str
    unit: str
    project: str
    cat1: str
    cat2: str
    cat3: str
    cat4: str
    desc: str
    amount: float


def clean(text: str) -> str:
    """Collapses whitespace and drops OCR debris tokens (non-Thai, non-ASCII symbols such as
    'シ' or '」', and tokens mixing Thai letters with Latin letters such as 'บd่')."""
    tokens = []
    for tok in text.split():
        if any(not (("\u0e00" <= ch <= "\u0e7f") or (" " <= ch <= "~")) for ch in tok):
            continue
        if re.search(f"[{THAI_CHARS}]", tok) and re.search(r"[A-Za-z]", tok):
            continue
        tokens.append(tok)
    return " ".join(tokens)


def parse_amount(text: str) -> float | None:
    t = text.replace(",", "").strip()
    if not re.fullmatch(r"\d+(\.\d+)?", t):
        return None
    return float(t)


def read_rows(data_dir: Path) -> tuple[list[Row], int]:
    """All rows of the two document families, files in sorted name order, rows in file order.
    Returns the rows and how many had an unreadable AMOUNT (skipped)."""
    files = sorted(p for p in data_dir.glob("*.csv")
                   if p.name.startswith("2022-3-13") or p.name.startswith("2022-3-16"))
    if not files:
        raise SystemExit(f"no 2022-3-13*.csv / 2022-3-16*.csv files in {data_dir}")
    rows: list[Row] = []
    bad = 0
    for path in files:
        family = "province" if path.name.startswith("2022-3-13") else "lao"
        with path.open(encoding="utf-8-sig", newline="") as fh:
            for rec in csv.DictReader(fh):
                amount = parse_amount(rec.get("AMOUNT", ""))
                if amount is None:
                    bad += 1
                    continue
                rows.append(Row(
                    file=path.name, family=family, order=len(rows),
                    item_id=rec["ITEM_ID"].strip(), page=rec.get("REF_PAGE_NO", "").strip(),
                    unit=" ".join(rec["BUDGETARY_UNIT"].split()),
                    project=" ".join(rec.get("PROJECT", "").split()),
                    cat1=" ".join(rec.get("CATEGORY_LV1", "").split()),
                    cat2=" ".join(rec.get("CATEGORY_LV2", "").split()),
                    cat3=" ".join(rec.get("CATEGORY_LV3", "").split()),
                    cat4=" ".join(rec.get("CATEGORY_LV4", "").split()),
                    desc=" ".join(rec.get("ITEM_DESCRIPTION", "").split()),
                    amount=amount,
                ))
    return rows, bad


def known_provinces(rows: list[Row]) -> list[str]:
    """Province names as the data spells them in BUDGETARY_UNIT, longest first (for prefix
    matching against glued OCR text such as 'จังหวัดชลบุรีผิวจราจร')."""
    names = set()
    for r in rows:
        for m in re.finditer(rf"(?<!กลุ่ม)จังหวัด([{THAI_CHARS}]+)", r.unit):
            names.add(m.group(1))
    return sorted(names, key=lambda s: (-len(s), s))


def thai_key(name: str) -> str:
    """Sort key approximating Thai dictionary order: a leading vowel sign (เ แ โ ใ ไ) sorts
    after the consonant it is written before."""
    out = []
    i = 0
    while i < len(name):
        if name[i] in LEADING_VOWELS and i + 1 < len(name):
            out.append(name[i + 1])
            out.append(name[i])
            i += 2
        else:
            out.append(name[i])
            i += 1
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# Places
# ---------------------------------------------------------------------------------------------

PLACE_RE = re.compile(
    rf"(?P<kw>ตำบล|อำเภอ|จังหวัด|(?<![{THAI_CHARS}])[ตอจ]\.)\s*(?P<name>[{THAI_CHARS}][{THAI_CHARS}\-]*)")


@dataclass
class Place:
    tambon: str | None
    district: str | None
    province: str | None


def parse_places(text: str, provinces: list[str]) -> list[Place]:
    """Segments of 'ตำบล X อำเภอ Y จังหวัด Z' (or ต. อ. จ.) in order of appearance. Each
    province mention closes a segment; a segment keeps its first tambon and the first district
    named after that tambon (else its first district)."""
    segments: list[Place] = []
    tambons: list[tuple[int, str]] = []
    districts: list[tuple[int, str]] = []

    def close(province: str | None) -> None:
        nonlocal tambons, districts
        if tambons or districts or province:
            tambon = tambons[0][1] if tambons else None
            district = None
            if districts:
                after = [d for pos, d in districts if not tambons or pos > tambons[0][0]]
                district = after[0] if after else districts[0][1]
            if district == "เมือง" and province:
                district = "เมือง" + province
            segments.append(Place(tambon, district, province))
        tambons, districts = [], []

    for m in PLACE_RE.finditer(text):
        kw, name = m.group("kw"), m.group("name")
        before = text[max(0, m.start() - 6):m.start()]
        if kw in ("ตำบล", "ต.") and (before.endswith("เทศบาล") or before.endswith("ส่วน")):
            continue  # "เทศบาลตำบล...", "องค์การบริหารส่วนตำบล..." name an LAO, not a place
        if kw in ("จังหวัด", "จ."):
            if before.endswith("กลุ่ม") or before.endswith("ส่วน"):
                continue
            province = next((p for p in provinces if name.startswith(p)), None)
            if province is None:
                continue  # e.g. "บริหารงานจังหวัดแบบบูรณาการ"
            close(province)
        elif kw in ("ตำบล", "ต."):
            tambons.append((m.start(), name))
        else:
            districts.append((m.start(), name))
    close(None)
    return segments


def place_in(segments: list[Place], province: str, unit_in_province: bool) -> Place | None:
    """The place in `province` an item names: the first segment for that province, else (for a
    unit of that province) the first segment naming no province at all."""
    for s in segments:
        if s.province == province:
            return s
    if unit_in_province:
        for s in segments:
            if s.province is None and (s.tambon or s.district):
                return s
    return None


# ---------------------------------------------------------------------------------------------
# Units (who the line item belongs to)
# ---------------------------------------------------------------------------------------------

MUNICIPALITY_RE = re.compile(r"(เทศบาล(?:นคร|เมือง|ตำบล)[^\s]+)\s*$")


@dataclass
class Unit:
    kind: str    # "province" | "cluster" | "other-province" | "pao" | "municipality"
    name: str    # display name, e.g. "เทศบาลเมืองบ้านบึง"


def classify_unit(row: Row, province: str) -> Unit | None:
    """What the row's BUDGETARY_UNIT is, relative to `province`; None for LAOs of other provinces."""
    u = row.unit
    if row.family == "province":
        if u == "จังหวัด" + province:
            return Unit("province", u)
        if u.startswith("กลุ่มจังหวัด"):
            return Unit("cluster", u)
        return Unit("other-province", u)
    if u == "องค์การบริหารส่วนจังหวัด" + province:
        return Unit("pao", u)
    m = re.match(rf"เทศบาล(?:นคร|เมือง|ตำบล)ในพื้นที่จังหวัด{re.escape(province)}(?:\s|$)", u)
    if not m:
        return None
    named = MUNICIPALITY_RE.search(u[m.end():])
    if named:
        return Unit("municipality", named.group(1))
    # The extraction lost the municipality's name: keep its rows apart under the page they start on.
    return Unit("municipality", f"{u} (หน้า {row.page})")


def municipality_short_name(name: str) -> str:
    return re.sub(r"^เทศบาล(?:นคร|เมือง|ตำบล)", "", name)


# ---------------------------------------------------------------------------------------------
# Sectors, strategies, priorities
# ---------------------------------------------------------------------------------------------

WORK_END_RE = re.compile(rf"ตำบล|อำเภอ|จังหวัด|หมู่ที่|(?<![{THAI_CHARS}])[ตอจ]\.")


def work_text(desc: str) -> str:
    """The part of a description before its first place word: the work itself."""
    m = WORK_END_RE.search(desc)
    return desc[:m.start()] if m else desc


def sectors_of(primary_texts: list[str], secondary_texts: list[str]) -> list[str]:
    """Primary sector first (earliest keyword in the first of `primary_texts` that has any),
    then every other sector with a keyword in `secondary_texts`, in table order."""
    primary = None
    for text in primary_texts:
        best = None
        for rank, (sector, words) in enumerate(SECTOR_KEYWORDS):
            for w in words:
                pos = text.find(w)
                if pos >= 0 and (best is None or (pos, rank) < best[:2]):
                    best = (pos, rank, sector)
        if best:
            primary = best[2]
            break
    if primary is None:
        return [FALLBACK_SECTOR]
    others = [s for s, words in SECTOR_KEYWORDS
              if s != primary and any(w in t for t in secondary_texts for w in words)]
    return [primary] + others


def strategies_for(sectors: list[str]) -> list[str]:
    out = []
    for sector in sectors:
        for s in STRATEGIES:
            if sector in s["sectors"] and s["id"] not in out:
                out.append(s["id"])
    return out


def priority_for(sector: str, item_id: str) -> int:
    jitter = int(hashlib.sha256(item_id.encode("utf-8")).hexdigest(), 16) % 5 - 2
    return max(1, min(10, SECTOR_PRIORITY[sector] + jitter))


def number(x: float) -> int | float:
    return int(x) if float(x).is_integer() else round(x, 2)


# ---------------------------------------------------------------------------------------------
# Building the scenario
# ---------------------------------------------------------------------------------------------

@dataclass
class Draft:
    """A project before ids are given: one line item, or several grouped ones."""
    name: str
    rows: list[Row]
    unit: Unit
    place: Place | None
    primary_texts: list[str]
    secondary_texts: list[str]
    mandatory: bool = False
    area: str = ""
    sectors: list[str] = field(default_factory=list)

    @property
    def cost(self) -> float:
        return sum(r.amount for r in self.rows)


def collect_drafts(rows: list[Row], province: str, provinces: list[str]) -> tuple[list[Draft], Counter]:
    """Turns the province's rows into draft projects; counts what was left out and why."""
    skipped: Counter = Counter()
    drafts: list[Draft] = []
    groups: dict[tuple, Draft] = {}

    for row in rows:
        unit = classify_unit(row, province)
        if unit is None:
            continue
        segments = parse_places(row.desc, provinces)
        if unit.kind in ("cluster", "other-province"):
            if row.cat1 != "งบลงทุน":
                continue
            place = place_in(segments, province, unit_in_province=False)
            if place is None:
                continue  # names no place in this province
            drafts.append(Draft(clean(row.desc), [row], unit, place,
                                [work_text(row.desc), row.cat4, row.project], [row.project]))
            continue
        if row.amount <= 0:
            skipped["zero amount"] += 1
            continue
        place = place_in(segments, province, unit_in_province=True)
        if unit.kind == "province":
            if row.cat1 == "งบลงทุน":
                name = clean(row.desc)
                if place is None:  # an aggregate ("... รวม 6 รายการ"): say which project it is for
                    name = f"{name} – {clean(row.project)}"
                drafts.append(Draft(name, [row], unit, place,
                                    [work_text(row.desc), row.cat4, row.project], [row.project]))
            else:
                key = ("province", unit.name, row.project)
                if key in groups:
                    groups[key].rows.append(row)
                else:
                    d = Draft(clean(row.project) or clean(row.desc), [row], unit, place,
                              [row.project, work_text(row.desc)], [row.project])
                    groups[key] = d
                    drafts.append(d)
            continue
        # LAO subsidy lines (PAO or municipality)
        text = row.desc
        if "บุคลากร" in row.cat3 or any(p in text for p in NON_PROJECT_PATTERNS):
            skipped["LAO staff pay, staff benefits or block grant"] += 1
            continue
        mandatory = bool(MANDATORY_RE.search(text))
        if row.cat4 and "เฉพาะกิจ" not in row.cat2:
            header = clean(row.cat4)
            for needle, canonical in LV4_CANONICAL:
                if needle in row.cat4:
                    header = canonical
                    break
            key = ("lao", unit.name, header)
            if key in groups:
                groups[key].rows.append(row)
            else:
                d = Draft(header, [row], unit, place, [header, work_text(text)], [header], mandatory)
                groups[key] = d
                drafts.append(d)
            continue
        name = clean(text)
        if "ทั่วไป" in row.cat2:
            # General subsidy names never end in a count or unit: drop trailing OCR debris ("... 6 สี้").
            name = re.sub(r"(\s+\S{1,3})+$", "", name)
        drafts.append(Draft(name, [row], unit, place, [work_text(text), row.cat4], [], mandatory))
    return drafts, skipped


@dataclass
class AreaNode:
    id: str
    name: str
    kind: str
    parent: str | None


def build_areas(drafts: list[Draft], province: str, code: str) -> tuple[list[AreaNode], dict, dict]:
    """Province > district > tambon from the places found; municipalities whose district the
    data never names get their own node under the province. Returns the nodes (parents first),
    the municipality name -> area id map, and notes on what was inferred."""
    # Where each municipality is: the place most of its own located lines name.
    muni_places: dict[str, Counter] = defaultdict(Counter)
    for d in drafts:
        if d.unit.kind == "municipality" and d.place and d.place.tambon and d.place.district:
            muni_places[d.unit.name][(d.place.district, d.place.tambon)] += 1
    tambon_district: dict[str, set] = defaultdict(set)
    for d in drafts:
        if d.place and d.place.tambon and d.place.district:
            tambon_district[d.place.tambon].add(d.place.district)
    municipalities = sorted({d.unit.name for d in drafts if d.unit.kind == "municipality"}, key=thai_key)
    muni_home: dict[str, tuple[str, str] | None] = {}
    for m in municipalities:
        if muni_places[m]:
            muni_home[m] = sorted(muni_places[m].items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            continue
        short = municipality_short_name(m)
        ds = tambon_district.get(short, set())
        muni_home[m] = (next(iter(ds)), short) if len(ds) == 1 else None

    # Fill in a missing district from another item naming the same tambon (if unambiguous).
    for d in drafts:
        if d.place and d.place.tambon and not d.place.district:
            ds = tambon_district.get(d.place.tambon, set())
            if len(ds) == 1:
                d.place = Place(d.place.tambon, next(iter(ds)), d.place.province)

    districts: dict[str, set] = defaultdict(set)
    for d in drafts:
        if d.place and d.place.district:
            if d.place.tambon:
                districts[d.place.district].add(d.place.tambon)
            else:
                districts[d.place.district]
    for home in muni_home.values():
        if home:
            districts[home[0]].add(home[1])

    root = AreaNode(code, "จ." + province, "province", None)
    nodes = [root]
    district_id: dict[str, str] = {}
    tambon_id: dict[tuple[str, str], str] = {}
    for i, dname in enumerate(sorted(districts, key=thai_key), start=1):
        did = f"{code}-{i:02d}"
        district_id[dname] = did
        nodes.append(AreaNode(did, "อ." + dname, "district", code))
        for j, tname in enumerate(sorted(districts[dname], key=thai_key), start=1):
            tid = f"{did}-{j:02d}"
            tambon_id[(dname, tname)] = tid
            nodes.append(AreaNode(tid, "ต." + tname, "tambon", did))
    muni_area: dict[str, str] = {}
    k = 0
    for m in municipalities:
        home = muni_home[m]
        if home:
            muni_area[m] = tambon_id[home]
        else:
            k += 1
            aid = f"{code}-M{k:02d}"
            muni_area[m] = aid
            nodes.append(AreaNode(aid, "เขต" + m, "tambon", code))

    for d in drafts:
        if d.place and d.place.district:
            d.area = tambon_id.get((d.place.district, d.place.tambon), district_id[d.place.district]) \
                if d.place.tambon else district_id[d.place.district]
        elif d.unit.kind == "municipality":
            d.area = muni_area[d.unit.name]
        else:
            d.area = code
    return nodes, muni_area, {"unplaced_municipalities": k}


def find_overlaps(projects: list[dict], drafts: list[Draft]) -> dict[str, list[str]]:
    """Overlap groups: a province-budget item and an LAO-subsidy item in the same tambon, same
    sector, whose descriptions (digits removed) are at least 80% alike. Returns group -> ids."""
    def norm(s: str) -> str:
        return re.sub(r"[\d,.\s]+", " ", s).strip()
    groups: dict[str, list[str]] = {}
    for i, (p, d) in enumerate(zip(projects, drafts)):
        if d.rows[0].family != "province" or len(d.rows) != 1 or p["area"].count("-") != 2:
            continue
        for q, e in zip(projects, drafts):
            if e.rows[0].family != "lao" or q["area"] != p["area"] or q["sector"] != p["sector"]:
                continue
            if difflib.SequenceMatcher(None, norm(d.rows[0].desc), norm(e.rows[0].desc)).ratio() >= 0.8:
                gid = f"dup-{len(groups) + 1:02d}"
                groups[gid] = [p["id"], q["id"]]
    return groups


def eligible(funder: dict, project: dict, parents: dict[str, str | None]) -> bool:
    """Eligibility rules 1-5 of the format (no levels, costAt, exclude or funder pin are used)."""
    if "area" in funder:
        a = project["area"]
        while a is not None and a != funder["area"]:
            a = parents[a]
        if a is None:
            return False
    if "sectors" in funder and project.get("sector") not in funder["sectors"]:
        return False
    if "maxProjectCost" in funder and project["cost"] > funder["maxProjectCost"]:
        return False
    return bool(project.get("strategies"))


def build_scenario(data_dir: Path, province: str, code: str, data_label: str) -> dict:
    rows, bad_amounts = read_rows(data_dir)
    provinces = known_provinces(rows)
    if province not in provinces:
        raise SystemExit(f"province {province!r} not found in the data")
    drafts, skipped = collect_drafts(rows, province, provinces)
    if not drafts:
        raise SystemExit(f"no usable line items for {province}")
    nodes, muni_area, area_notes = build_areas(drafts, province, code)
    parents = {n.id: n.parent for n in nodes}

    # Projects, in input order of their first line item.
    drafts.sort(key=lambda d: d.rows[0].order)
    projects: list[dict] = []
    for i, d in enumerate(drafts, start=1):
        d.sectors = sectors_of([t for t in d.primary_texts if t], [t for t in d.secondary_texts if t])
        p = {
            "id": f"P-{i:04d}",
            "name": d.name,
            "area": d.area,
            "cost": number(d.cost),
            "priority": priority_for(d.sectors[0], d.rows[0].item_id),
            "sector": d.sectors[0],
            "strategies": strategies_for(d.sectors),
        }
        if d.mandatory:
            p["mandatory"] = True
        p["x-unit"] = d.unit.name
        p["x-items"] = [r.item_id for r in d.rows]
        projects.append(p)

    overlaps = find_overlaps(projects, drafts)
    by_id = {p["id"]: p for p in projects}
    for gid, ids in overlaps.items():
        for pid in ids:
            by_id[pid].setdefault("overlaps", []).append(gid)

    # ---- funders -----------------------------------------------------------------------------
    funders: list[dict] = []
    funders.append({"id": f"PROV-{code}", "name": "จังหวัด" + province, "level": "province", "area": code})
    pao_name = "องค์การบริหารส่วนจังหวัด" + province
    if any(d.unit.kind == "pao" for d in drafts):
        funders.append({"id": f"PAO-{code}", "name": pao_name, "level": "lao", "area": code,
                        "x-note": "provincial administrative organisation (อบจ.): an LAO whose area is the whole province"})
    for n in nodes:
        if n.kind == "district":
            funders.append({"id": f"DIS-{n.id}", "name": "อำเภอ" + n.name[2:], "level": "district", "area": n.id})
    area_municipality = {a: m for m, a in muni_area.items()}
    areas_with_projects = {p["area"] for p in projects}
    own_max: dict[str, float] = defaultdict(float)
    for p, d in zip(projects, drafts):
        if d.unit.kind == "municipality":
            own_max[d.unit.name] = max(own_max[d.unit.name], p["cost"])
    for n in nodes:
        if n.kind != "tambon" or n.id not in areas_with_projects:
            continue
        m = area_municipality.get(n.id)
        f = {"id": f"LAO-{n.id}", "name": m if m else "อบต." + n.name[2:], "level": "lao", "area": n.id}
        cap = LAO_MAX_PROJECT_COST
        if m:
            cap = max(cap, -(-own_max[m] // 1_000_000) * 1_000_000)
        f["maxProjectCost"] = number(cap)
        if not m:
            f["x-note"] = "LAO name invented from the tambon name"
        funders.append(f)
    used_sectors = {p["sector"] for p in projects}
    for m in MINISTRIES:
        if used_sectors & set(m["sectors"]):
            funders.append({"id": m["id"], "name": m["name"], "level": "ministry",
                            "sectors": list(m["sectors"]), "x-note": "mandate inferred from " + m["why"]})

    # ---- budgets -----------------------------------------------------------------------------
    total = sum(p["cost"] for p in projects)
    mandatory_total = sum(p["cost"] for p in projects if p.get("mandatory"))
    target = FUNDABLE_SHARE * total
    discretionary_pool = target - mandatory_total
    if discretionary_pool < 0:
        raise SystemExit("mandatory lines exceed the fundable share; lower the mandatory set")
    lao_ids_by_area = {f["area"]: f["id"] for f in funders if f["level"] == "lao"}
    reach: dict[str, float] = {}
    mandatory_of: dict[str, float] = defaultdict(float)
    for f in funders:
        r = 0.0
        for p in projects:
            if f["level"] == "lao" and p["area"] != f["area"]:
                continue
            if not eligible(f, p, parents):
                continue
            if p.get("mandatory"):
                if f["level"] == "lao":
                    mandatory_of[f["id"]] += p["cost"]
                continue
            r += p["cost"]
        reach[f["id"]] = r
    for p in projects:
        if p.get("mandatory"):
            owner = lao_ids_by_area.get(p["area"])
            if owner is None or not eligible(next(f for f in funders if f["id"] == owner), p, parents):
                raise SystemExit(f"{p['id']}: mandatory line with no own LAO able to fund it")
    level_reach: dict[str, float] = defaultdict(float)
    for f in funders:
        level_reach[f["level"]] += reach[f["id"]]
    for f in funders:
        share = LEVEL_SHARE[f["level"]] * discretionary_pool
        part = share * reach[f["id"]] / level_reach[f["level"]] if level_reach[f["level"]] else 0.0
        budget = mandatory_of[f["id"]] + (part // BUDGET_ROUNDING) * BUDGET_ROUNDING
        f["budget"] = number(budget)
    # key order: id, name, level, area, budget, maxProjectCost, sectors, x-...
    order = ["id", "name", "level", "area", "budget", "maxProjects", "maxProjectCost", "sectors"]
    funders = [{k: f[k] for k in order if k in f} | {k: v for k, v in f.items() if k.startswith("x-")}
               for f in funders]
    total_budget = sum(f["budget"] for f in funders)

    # ---- notes -------------------------------------------------------------------------------
    n_located = sum(1 for d in drafts if d.place and d.place.tambon)
    n_zero = sum(1 for f in funders if f["budget"] == 0)
    notes = [
        "Real: project names (ITEM_DESCRIPTION, or PROJECT text for a province project's grouped "
        "operating lines, whitespace collapsed, OCR debris tokens dropped), amounts (AMOUNT, baht), "
        "places (ตำบล/อำเภอ/จังหวัด or ต./อ./จ. parsed from the descriptions) and the LAO names in "
        "BUDGETARY_UNIT. Each project lists its source ITEM_IDs in x-items and its budget unit in x-unit.",
        f"Projects: the province's own budget lines (2022-3-13, BUDGETARY_UNIT จังหวัด{province}); the "
        f"investment lines of other units in 2022-3-13 (province clusters, neighbours) that name a place "
        f"in {province}; and the subsidy lines of the province's LAOs (2022-3-16). A province project's "
        "operating lines (งบดำเนินงาน, งบรายจ่ายอื่น) are summed into one project named after PROJECT; "
        "each investment line (งบลงทุน) is its own project. An LAO's education lines under one "
        "CATEGORY_LV4 header are summed into one project named after the header.",
        f"Left out: LAO staff pay and benefits (ค่าใช้จ่ายบุคลากร, เงินเดือน, บำเหน็จ บำนาญ, ค่าเช่าบ้าน, "
        f"ค่าการศึกษาของบุตร) and the general block grant (ภารกิจถ่ายโอน): not development projects "
        f"({skipped['LAO staff pay, staff benefits or block grant']} lines). "
        f"Rows with an unreadable AMOUNT in the whole data set: {bad_amounts}.",
        f"Places: {n_located} projects name their tambon; the others attach to the district or "
        f"province they name, else to their LAO's area, else to the province. A municipality "
        f"(เทศบาล) sits in the tambon its own lines name; {area_notes['unplaced_municipalities']} "
        f"municipalities never name their tambon or district in the data and get their own area "
        f"(kind tambon) directly under the province, so no district funder reaches them. "
        f"Lines from a province cluster that name places in two provinces keep their full amount.",
        "Invented: mandatory = true on the statutory welfare allowances (เบี้ยยังชีพ ผู้สูงอายุ / "
        "ความพิการ / ผู้ป่วยเอดส์), as ongoing entitlements.",
        "Invented: sector by keyword (table SECTOR_KEYWORDS in the script): the keyword occurring "
        "earliest in the work part of the description (before the first place word) wins, else the "
        "budget category, else the budget PROJECT name; 'other' when nothing matches.",
        "Invented: the five strategies (names in the style of a provincial development plan), their "
        "weights and S1's minShare 0.1 (x-sectors on each strategy). A project links to its sector's "
        "strategy, plus the strategies of the sectors its budget PROJECT name mentions (a road built "
        "under a tourism programme also serves the tourism strategy).",
        "Invented: priority = base by sector (welfare 8; health, water 7; safety, education, roads 6; "
        "environment, agriculture 5; economy 4; administration, other 3) plus a jitter of -2..+2 "
        "from the SHA-256 of the project's first ITEM_ID, clamped to 1..10.",
        "Invented: funders. One LAO per tambon with projects (the municipality the data places "
        "there, else 'อบต.<tambon>', a name not checked against the real LAO list), the provincial "
        "administrative organisation (level lao, area the province), one district office per "
        "อำเภอ, the province, and ministries with sector mandates (the data's MINISTRY column "
        "names no line ministry; mandates follow the kinds of items present).",
        f"Invented: budgets. Total budget = {int(FUNDABLE_SHARE * 100)}% of the total requested cost. "
        f"Each LAO first gets its own mandatory lines; the rest is split lao "
        f"{int(LEVEL_SHARE['lao'] * 100)}%, district {int(LEVEL_SHARE['district'] * 100)}%, province "
        f"{int(LEVEL_SHARE['province'] * 100)}%, ministry {int(LEVEL_SHARE['ministry'] * 100)}%, and within "
        f"a level in proportion to the non-mandatory cost each funder is eligible for (an LAO: only "
        f"projects in its own area), rounded down to {BUDGET_ROUNDING:,} baht. Eligibility limits "
        f"mean less than that share can actually be funded. {n_zero} invented LAOs whose projects "
        f"all exceed their maxProjectCost get budget 0: they can only forward their projects upwards.",
        f"Invented: maxProjectCost {LAO_MAX_PROJECT_COST:,} baht for a tambon LAO (the Budget Bureau's "
        f"threshold for LAO construction items, 'ราคาต่อหน่วยต่ำกว่า 10 ล้านบาท'), raised for a real "
        f"municipality to its largest own line in the data, rounded up to a million. The provincial "
        f"administrative organisation has no cap.",
        ("Overlap groups: " + ", ".join(f"{g} ({' / '.join(ids)})" for g, ids in overlaps.items())
         + " — same tambon and sector in both document families with descriptions at least 80% alike.")
        if overlaps else
        "Overlaps: none. No place and work appears in both the province budget and the LAO subsidy "
        "lines (same tambon, same sector, descriptions at least 80% alike), and none were invented.",
    ]

    areas_json = []
    for n in nodes:
        a = {"id": n.id, "name": n.name}
        if n.parent:
            a["parent"] = n.parent
        a["kind"] = n.kind
        areas_json.append(a)
    strategies_json = []
    for s in STRATEGIES:
        o = {"id": s["id"], "name": s["name"], "weight": s["weight"]}
        if "minShare" in s:
            o["minShare"] = s["minShare"]
        o["x-sectors"] = list(s["sectors"])
        strategies_json.append(o)

    scenario = {
        "format": "allocate/1",
        "name": f"จังหวัด{province} ปีงบประมาณ 2565 (รายการงบประมาณจริง)",
        "fiscalYear": 2565,
        "horizon": 1,
        "x-source": {
            "data": f"Budget Bureau FY2565 budget documents 2022-3-13 and 2022-3-16, line items extracted "
                    f"by kaogeek/thailand-budget-pdf2csv ({data_label})",
            "script": "scripts/thai-budget-2565.py",
            "province": province,
        },
        "x-summary": {
            "areas": len(areas_json),
            "funders": len(funders),
            "projects": len(projects),
            "mandatoryProjects": sum(1 for p in projects if p.get("mandatory")),
            "requested": number(total),
            "mandatory": number(mandatory_total),
            "budget": number(total_budget),
            "sourceLineItems": sum(len(p["x-items"]) for p in projects),
        },
        "x-notes": notes,
        "areas": areas_json,
        "strategies": strategies_json,
        "funders": funders,
        "projects": projects,
    }
    return scenario


# ---------------------------------------------------------------------------------------------
# Independent structural check of an allocate/1 scenario (the rules of scenario-format.md)
# ---------------------------------------------------------------------------------------------

def check_scenario(doc) -> tuple[list[str], list[str]]:
    """Returns (errors, warnings). Errors break the format's rules (keys, types, ranges, unique
    ids, references, tree shape, array lengths); warnings are legal but suspicious (a project
    nobody may fund; mandatory lines beyond the budgets that may fund them)."""
    errors: list[str] = []
    warnings: list[str] = []

    def err(path: str, msg: str) -> None:
        errors.append(f"{path}: {msg}")

    def is_num(x) -> bool:
        return isinstance(x, (int, float)) and not isinstance(x, bool)

    def is_int(x) -> bool:
        return isinstance(x, int) and not isinstance(x, bool)

    def keys(obj, path: str, allowed: set, required: set) -> bool:
        if not isinstance(obj, dict):
            err(path, "must be an object")
            return False
        for k in obj:
            if k not in allowed and not k.startswith("x-"):
                err(f"{path}.{k}", "unknown key")
        for k in sorted(required):
            if k not in obj:
                err(path, f"missing required key \"{k}\"")
        return True

    def str_list(x, path: str) -> list:
        if not isinstance(x, list) or not all(isinstance(s, str) for s in x):
            err(path, "must be an array of strings")
            return []
        return x

    if not keys(doc, "$", {"format", "name", "fiscalYear", "horizon", "areas", "strategies",
                          "funders", "projects", "policy"}, {"format", "name", "areas", "funders", "projects"}):
        return errors, warnings
    if doc.get("format") != "allocate/1":
        err("format", 'must be "allocate/1"')
    if "name" in doc and not isinstance(doc["name"], str):
        err("name", "must be a string")
    if "fiscalYear" in doc and not is_int(doc["fiscalYear"]):
        err("fiscalYear", "must be an integer")
    horizon = doc.get("horizon", 1)
    if not is_int(horizon) or not 1 <= horizon <= 10:
        err("horizon", "must be an integer 1..10")
        horizon = 1

    # areas
    areas = doc.get("areas")
    parent: dict[str, str | None] = {}
    if not isinstance(areas, list):
        err("areas", "must be an array")
        areas = []
    for i, a in enumerate(areas):
        p = f"areas[{i}]"
        if not keys(a, p, {"id", "name", "parent", "kind"}, {"id"}):
            continue
        aid = a.get("id")
        if not isinstance(aid, str) or not aid:
            err(f"{p}.id", "must be a non-empty string")
            continue
        if aid in parent:
            err(f"{p}.id", f'duplicate area id "{aid}"')
        parent[aid] = a.get("parent")
        if "name" in a and not isinstance(a["name"], str):
            err(f"{p}.name", "must be a string")
        if "kind" in a and a["kind"] not in ("province", "district", "tambon", "village"):
            err(f"{p}.kind", "must be province, district, tambon or village")
        if "parent" in a and not isinstance(a["parent"], str):
            err(f"{p}.parent", "must be a string")
    for i, a in enumerate(areas):
        if isinstance(a, dict) and isinstance(a.get("parent"), str) and a["parent"] not in parent:
            err(f"areas[{i}].parent", f'unknown area "{a["parent"]}"')
    reported: set = set()
    for aid in parent:
        trail: list[str] = []
        cur = aid
        while isinstance(cur, str) and cur in parent:
            if cur in trail:
                cycle = trail[trail.index(cur):]
                if frozenset(cycle) not in reported:
                    reported.add(frozenset(cycle))
                    err("areas", "parent links form a cycle: " + " -> ".join(cycle + [cur]))
                break
            trail.append(cur)
            cur = parent[cur]
    if areas and not any(p is None for p in parent.values()):
        err("areas", "no root area")

    # strategies
    strategies = doc.get("strategies", [])
    sids: set = set()
    if not isinstance(strategies, list):
        err("strategies", "must be an array")
        strategies = []
    for i, s in enumerate(strategies):
        p = f"strategies[{i}]"
        if not keys(s, p, {"id", "name", "weight", "minShare"}, {"id"}):
            continue
        if not isinstance(s.get("id"), str) or not s.get("id"):
            err(f"{p}.id", "must be a non-empty string")
        elif s["id"] in sids:
            err(f"{p}.id", f'duplicate strategy id "{s["id"]}"')
        else:
            sids.add(s["id"])
        if "weight" in s and (not is_num(s["weight"]) or s["weight"] < 0):
            err(f"{p}.weight", "must be a number >= 0")
        if "minShare" in s and (not is_num(s["minShare"]) or not 0 <= s["minShare"] <= 1):
            err(f"{p}.minShare", "must be a number in [0, 1]")

    # funders
    funders = doc.get("funders")
    fids: dict[str, dict] = {}
    if not isinstance(funders, list):
        err("funders", "must be an array")
        funders = []
    for i, f in enumerate(funders):
        p = f"funders[{i}]"
        if not keys(f, p, {"id", "name", "level", "area", "budget", "maxProjects", "maxProjectCost",
                           "sectors"}, {"id", "level", "budget"}):
            continue
        fid = f.get("id")
        if not isinstance(fid, str) or not fid:
            err(f"{p}.id", "must be a non-empty string")
        elif fid in fids:
            err(f"{p}.id", f'duplicate funder id "{fid}"')
        else:
            fids[fid] = f
        lvl = f.get("level")
        if "level" in f and lvl not in LEVELS:
            err(f"{p}.level", "must be community, lao, district, province or ministry")
        if "area" in f:
            if f["area"] not in parent:
                err(f"{p}.area", f'unknown area "{f["area"]}"')
        elif lvl != "ministry" and "level" in f:
            err(p, 'missing "area" (only a ministry may omit it)')
        b = f.get("budget")
        if "budget" in f:
            if isinstance(b, list):
                if len(b) != horizon or not all(is_num(x) and x >= 0 for x in b):
                    err(f"{p}.budget", f"must be {horizon} numbers >= 0")
            elif not is_num(b) or b < 0:
                err(f"{p}.budget", "must be a number >= 0 or an array of horizon numbers")
        if "maxProjects" in f and (not is_int(f["maxProjects"]) or f["maxProjects"] < 0):
            err(f"{p}.maxProjects", "must be an integer >= 0")
        if "maxProjectCost" in f and (not is_num(f["maxProjectCost"]) or f["maxProjectCost"] < 0):
            err(f"{p}.maxProjectCost", "must be a number >= 0")
        if "sectors" in f:
            str_list(f["sectors"], f"{p}.sectors")

    # projects
    projects = doc.get("projects")
    pids: dict[str, dict] = {}
    if not isinstance(projects, list):
        err("projects", "must be an array")
        projects = []
    allowed_p = {"id", "name", "area", "cost", "priority", "sector", "strategies", "selfReliant", "levels",
                 "overlaps", "requires", "mandatory", "funder", "exclude", "duration", "earliestStart",
                 "latestStart", "costAt", "valueAt"}
    for i, pr in enumerate(projects):
        p = f"projects[{i}]"
        if not keys(pr, p, allowed_p, {"id", "area", "cost", "priority"}):
            continue
        pid = pr.get("id")
        if not isinstance(pid, str) or not pid:
            err(f"{p}.id", "must be a non-empty string")
        elif pid in pids:
            err(f"{p}.id", f'duplicate project id "{pid}"')
        else:
            pids[pid] = pr
    for i, pr in enumerate(projects):
        p = f"projects[{i}]"
        if not isinstance(pr, dict):
            continue
        if "area" in pr and pr["area"] not in parent:
            err(f"{p}.area", f'unknown area "{pr["area"]}"')
        duration = pr.get("duration", 1)
        if not is_int(duration) or not 1 <= duration <= horizon:
            err(f"{p}.duration", f"must be an integer 1..{horizon}")
            duration = 1
        c = pr.get("cost")
        if isinstance(c, list):
            if not all(is_num(x) and x >= 0 for x in c) or not c or sum(c) <= 0:
                err(f"{p}.cost", "per-year costs must be numbers >= 0 with a positive total")
            if "duration" in pr and len(c) != duration:
                err(f"{p}.cost", f"has {len(c)} years but duration is {duration}")
        elif "cost" in pr and (not is_num(c) or c <= 0):
            err(f"{p}.cost", "must be a number > 0 or an array of per-year costs")
        if "priority" in pr and (not is_num(pr["priority"]) or pr["priority"] < 0):
            err(f"{p}.priority", "must be a number >= 0")
        if "name" in pr and not isinstance(pr["name"], str):
            err(f"{p}.name", "must be a string")
        if "sector" in pr and not isinstance(pr["sector"], str):
            err(f"{p}.sector", "must be a string")
        for k, s in enumerate(str_list(pr.get("strategies", []), f"{p}.strategies")):
            if s not in sids:
                err(f"{p}.strategies[{k}]", f'unknown strategy "{s}"')
        for flag in ("selfReliant", "mandatory", "exclude"):
            if flag in pr and not isinstance(pr[flag], bool):
                err(f"{p}.{flag}", "must be true or false")
        if "levels" in pr:
            for k, lv in enumerate(str_list(pr["levels"], f"{p}.levels")):
                if lv not in LEVELS:
                    err(f"{p}.levels[{k}]", f'unknown level "{lv}"')
        str_list(pr.get("overlaps", []), f"{p}.overlaps")
        for k, q in enumerate(str_list(pr.get("requires", []), f"{p}.requires")):
            if q not in pids:
                err(f"{p}.requires[{k}]", f'unknown project "{q}"')
            elif q == pr.get("id"):
                err(f"{p}.requires[{k}]", "a project may not require itself")
        if "funder" in pr and pr["funder"] not in fids:
            err(f"{p}.funder", f'unknown funder "{pr["funder"]}"')
        for k in ("earliestStart", "latestStart"):
            if k in pr and (not is_int(pr[k]) or not 1 <= pr[k] <= horizon):
                err(f"{p}.{k}", f"must be an integer 1..{horizon}")
        for k in ("costAt", "valueAt"):
            if k in pr:
                if not isinstance(pr[k], dict):
                    err(f"{p}.{k}", "must be an object")
                    continue
                for key, v in pr[k].items():
                    if key not in fids and key not in LEVELS:
                        err(f"{p}.{k}.{key}", "not a funder id or level name")
                    ok = (is_num(v) and v >= 0) or (k == "costAt" and isinstance(v, list)
                                                   and len(v) == duration and all(is_num(x) and x >= 0 for x in v))
                    if not ok:
                        err(f"{p}.{k}.{key}", "bad value")
    # requires cycles
    state: dict[str, int] = {}

    def visit(pid: str, trail: list[str]) -> None:
        state[pid] = 1
        for q in pids[pid].get("requires", []) if isinstance(pids[pid].get("requires", []), list) else []:
            if q not in pids or q == pid:
                continue  # unknown ids and self-requirement are reported above
            if state.get(q) == 1:
                err("projects", "requires cycle: " + " -> ".join(trail + [q]))
            elif q not in state:
                visit(q, trail + [q])
        state[pid] = 2
    for pid in pids:
        if pid not in state:
            visit(pid, [pid])

    # policy
    if "policy" in doc:
        pol = doc["policy"]
        if keys(pol, "policy", {"escalationPenalty", "delayDiscount", "strategyRequired", "mipGap", "timeLimit"}, set()):
            for k in ("escalationPenalty", "delayDiscount"):
                if k in pol and (not is_num(pol[k]) or not 0 <= pol[k] < 1):
                    err(f"policy.{k}", "must be a number in [0, 1)")
            if "strategyRequired" in pol:
                for k, lv in enumerate(str_list(pol["strategyRequired"], "policy.strategyRequired")):
                    if lv not in LEVELS:
                        err(f"policy.strategyRequired[{k}]", f'unknown level "{lv}"')
            if "mipGap" in pol and (not is_num(pol["mipGap"]) or pol["mipGap"] < 0):
                err("policy.mipGap", "must be a number >= 0")
            if "timeLimit" in pol and (not is_num(pol["timeLimit"]) or pol["timeLimit"] <= 0):
                err("policy.timeLimit", "must be a number > 0")

    if errors:
        return errors, warnings

    # Warnings: eligibility per the format's rules 1-6 (horizon 1 scenarios only).
    required_levels = set(doc.get("policy", {}).get("strategyRequired", ["lao", "district", "province", "ministry"]))
    mandatory_need: dict[str, float] = defaultdict(float)
    for i, pr in enumerate(projects):
        allowed = pr.get("levels") or (["community"] if pr.get("selfReliant") else
                                       ["lao", "district", "province", "ministry"])
        cost = sum(pr["cost"]) if isinstance(pr["cost"], list) else pr["cost"]
        ok = []
        for f in funders:
            if "area" in f:
                a = pr["area"]
                while a is not None and a != f["area"]:
                    a = parent.get(a)
                if a is None:
                    continue
            if f["level"] not in allowed:
                continue
            if "sectors" in f and pr.get("sector") not in f["sectors"]:
                continue
            c = pr.get("costAt", {}).get(f["id"], pr.get("costAt", {}).get(f["level"], cost))
            c = sum(c) if isinstance(c, list) else c
            if "maxProjectCost" in f and c > f["maxProjectCost"]:
                continue
            if f["level"] in required_levels and not pr.get("strategies"):
                continue
            if pr.get("exclude") or ("funder" in pr and pr["funder"] != f["id"]):
                continue
            ok.append(f)
        if not ok:
            warnings.append(f"projects[{i}] ({pr['id']}): no eligible funder")
        if pr.get("mandatory") and ok:
            key = "+".join(sorted(f["id"] for f in ok))
            mandatory_need[key] += cost
    for key, need in mandatory_need.items():
        budget = 0.0
        for fid in key.split("+"):
            b = fids[fid]["budget"]
            budget += sum(b) if isinstance(b, list) else b * horizon
        if need > budget:
            warnings.append(f"mandatory projects fundable only by {key} cost {need:,.0f} > their budgets {budget:,.0f}")
    return errors, warnings


# ---------------------------------------------------------------------------------------------
# Ranking provinces by usable data
# ---------------------------------------------------------------------------------------------

def rank(data_dir: Path) -> None:
    rows, _ = read_rows(data_dir)
    provinces = known_provinces(rows)
    table = []
    for prov in sorted(provinces, key=thai_key):
        drafts, _ = collect_drafts(rows, prov, provinces)
        located = sum(1 for d in drafts if d.place and d.place.tambon)
        table.append((located, len(drafts), prov,
                      sum(1 for d in drafts if d.rows[0].family == "province"),
                      sum(1 for d in drafts if d.rows[0].family == "lao")))
    print("tambon-located  projects  province-file  lao-file  province")
    for located, n, prov, a, b in sorted(table, key=lambda t: (-t[0], -t[1], thai_key(t[2]))):
        print(f"{located:14d}  {n:8d}  {a:13d}  {b:8d}  {prov}")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", nargs="?", default=None,
                    help=f"directory with the CSV files (default: {DEFAULT_DATA}, relative to the repository root)")
    ap.add_argument("-o", "--output", help="output file (default: scenarios/<slug>-2565.json in the repository)")
    ap.add_argument("--province", default=DEFAULT_PROVINCE, help="province name in Thai, as the data spells it")
    ap.add_argument("--code", default=DEFAULT_CODE, help="area id prefix, e.g. CB")
    ap.add_argument("--slug", default=None, help="file name stem, e.g. chon-buri")
    ap.add_argument("--check", metavar="SCENARIO", help="only check an existing scenario file and exit")
    ap.add_argument("--rank", action="store_true", help="list provinces by usable line items and exit")
    args = ap.parse_args(argv)

    if args.check:
        with open(args.check, encoding="utf-8") as fh:
            doc = json.load(fh)
        errors, warnings = check_scenario(doc)
        for w in warnings:
            print("warning:", w, file=sys.stderr)
        for e in errors:
            print("error:", e, file=sys.stderr)
        print(f"{args.check}: {'OK' if not errors else f'{len(errors)} error(s)'}, {len(warnings)} warning(s)")
        return 2 if errors else 0

    if args.data:
        data_dir = Path(args.data)
        data_label = args.data
    else:
        data_dir = (REPO_ROOT / DEFAULT_DATA).resolve()
        data_label = DEFAULT_DATA
    if args.rank:
        rank(data_dir)
        return 0
    slug = args.slug or (DEFAULT_SLUG if args.province == DEFAULT_PROVINCE else args.code.lower())
    out = Path(args.output) if args.output else REPO_ROOT / "scenarios" / f"{slug}-2565.json"

    scenario = build_scenario(data_dir, args.province, args.code, data_label)
    errors, warnings = check_scenario(scenario)
    for w in warnings:
        print("warning:", w, file=sys.stderr)
    if errors:
        for e in errors:
            print("error:", e, file=sys.stderr)
        return 2
    text = json.dumps(scenario, ensure_ascii=False, indent=2) + "\n"
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(out)
    s = scenario["x-summary"]
    print(f"wrote {out}: {s['areas']} areas, {s['funders']} funders, {s['projects']} projects "
          f"({s['mandatoryProjects']} mandatory), requested {s['requested']:,} baht, budget {s['budget']:,} baht")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
