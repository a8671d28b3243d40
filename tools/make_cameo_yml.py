"""One-off: build src/newsevents/lexicons/events/cameo.yml from CAMEO2PLOVER-2021.txt.

Run:  python tools/make_cameo_yml.py [path/to/CAMEO2PLOVER-2021.txt]

The 2021 table covers CAMEO 03-20; the 01 (public statement) and 02 (appeal) families are
added here by hand. Modes and contexts are normalised to the vocabulary of the current PLOVER
manual (the table still carries some older names); every deviation from the table is listed
in OVERRIDES and recorded in the entry's `note`.
Goldstein values: the standard CAMEO Goldstein scale (as distributed with GDELT,
CAMEO.goldsteinscale.txt). Quad class: GDELT convention by root code
(01-05 verbal coop, 06-08 material coop, 09-13 verbal conflict, 14-20 material conflict).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TABLE = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/work/shared/data/plover/CAMEO2PLOVER-2021.txt")
OUT = ROOT / "src/newsevents/lexicons/events/cameo.yml"

# --- codes missing from the 2021 table: (label, plover, mode, contexts) ----------------------
EXTRA = {
    "01": ("Make public statement", None, None, []),
    "010": ("Make statement, not specified below", None, None, []),
    "011": ("Decline comment", None, None, []),
    "012": ("Make pessimistic comment", None, None, []),
    "013": ("Make optimistic comment", None, None, []),
    "014": ("Consider policy option", None, None, []),
    "015": ("Acknowledge or claim responsibility", None, None, []),
    "016": ("Deny responsibility", "REJECT", None, []),
    "017": ("Engage in symbolic act", None, None, []),
    "018": ("Make empathetic comment", "SUPPORT", None, ["diplomatic"]),
    "019": ("Express accord", "SUPPORT", None, ["diplomatic"]),
    "02": ("Appeal", "REQUEST", None, []),
    "020": ("Make an appeal or request, not specified below", "REQUEST", None, []),
    "021": ("Appeal for material cooperation", "REQUEST", "assist", []),
    "0211": ("Appeal for economic cooperation", "REQUEST", "assist", ["economic"]),
    "0212": ("Appeal for military cooperation", "REQUEST", "assist", ["military"]),
    "0213": ("Appeal for judicial cooperation", "REQUEST", "assist", ["legal"]),
    "0214": ("Appeal for intelligence cooperation", "REQUEST", "assist", ["intelligence"]),
    "022": ("Appeal for diplomatic cooperation, such as policy support", "REQUEST", "assist", ["diplomatic"]),
    "023": ("Appeal for material aid", "REQUEST", "assist", []),
    "0231": ("Appeal for economic aid", "REQUEST", "assist", ["economic"]),
    "0232": ("Appeal for military aid", "REQUEST", "assist", ["military"]),
    "0233": ("Appeal for humanitarian aid", "REQUEST", "assist", ["human_security"]),
    "0234": ("Appeal for military protection or peacekeeping", "REQUEST", "assist", ["peacekeeping"]),
    "024": ("Appeal for political reform", "REQUEST", "change", ["political_institutions"]),
    "0241": ("Appeal for change in leadership", "REQUEST", "change", ["executive"]),
    "0242": ("Appeal for policy change", "REQUEST", "change", ["executive"]),
    "0243": ("Appeal for rights", "REQUEST", "change", ["rights_freedoms"]),
    "0244": ("Appeal for change in institutions, regime", "REQUEST", "change", ["political_institutions"]),
    "025": ("Appeal to yield", "REQUEST", "yield", []),
    "0251": ("Appeal for easing of administrative sanctions", "REQUEST", "yield", ["legal"]),
    "0252": ("Appeal for easing of popular dissent", "REQUEST", "yield", []),
    "0253": ("Appeal for release of persons or property", "REQUEST", "yield", ["legal"]),
    "0254": ("Appeal for easing of economic sanctions, boycott, or embargo", "REQUEST", "yield", ["economic"]),
    "0255": ("Appeal for target to allow international involvement (non-mediation)", "REQUEST", "yield", ["diplomatic"]),
    "0256": ("Appeal for de-escalation of military engagement", "REQUEST", "yield", ["military"]),
    "026": ("Appeal to others to meet or negotiate", "REQUEST", "meet", ["diplomatic"]),
    "027": ("Appeal to others to settle dispute", "REQUEST", "meet", ["diplomatic"]),
    "028": ("Appeal to others to engage in or accept mediation", "REQUEST", "meet", ["diplomatic"]),
    "176": ("Attack cybernetically", "COERCE", "cyber", ["cyber"]),
}
ROOTS = {
    "01": None, "02": "REQUEST", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE",
    "07": "AID", "08": "CONCEDE", "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE", "12": "REJECT",
    "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE",
    "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT",
}
ROOT_LABELS = {
    "01": "Make public statement", "02": "Appeal", "03": "Express intent to cooperate",
    "04": "Consult", "05": "Engage in diplomatic cooperation", "06": "Engage in material cooperation",
    "07": "Provide aid", "08": "Yield", "09": "Investigate", "10": "Demand", "11": "Disapprove",
    "12": "Reject", "13": "Threaten", "14": "Protest", "15": "Exhibit force posture",
    "16": "Reduce relations", "17": "Coerce", "18": "Assault", "19": "Fight",
    "20": "Use unconventional mass violence",
}

# --- normalisation of old table vocabulary to the current manual ------------------------------
MODE_MAP = {
    "ease": None, "return": None, "ban": "restrict", "political": "restrict",
    "pro_autocracy": None, "massacre": "targeted", "assassinate": "targeted", "cleansing": None,
}
CONTEXT_MAP = {"humanitarian": "human_security", "democracy": "pro_democracy"}
# (plover, mode, contexts, note) replacing the table's value for a code
OVERRIDES = {
    "163": ("SANCTION", "discontinue", ["economic"],
            "table: COERCE restrict; manual SANCTION: international sanctions are SANCTION 'discontinue'"),
    "175": ("ASSAULT", None, ["repression"],
            "table mode 'pro_autocracy' is a context; violent repression -> context repression"),
    "183": ("ASSAULT", "explosives", [],
            "table mode suicide-attack; 183 covers car and other non-military bombings -> explosives"),
    "195": ("ASSAULT", "aerial", ["military"], "table mode heavy-weapons; manual has mode 'aerial'"),
    "1712": ("ASSAULT", "destroy", ["human_security"], "table mode 'seize'; manual ASSAULT mode 'destroy'"),
    "1722": ("COERCE", "restrict", ["pro_autocracy"], "manual: banning from political life is 'restrict'"),
    "1721": ("COERCE", "censor", ["rights_freedoms"], "manual mode 'censor' for speech restrictions"),
}
GOLDSTEIN = {
    "01": 0.0, "010": 0.0, "011": -0.1, "012": -0.4, "013": 0.4, "014": 0.0, "015": 0.0,
    "016": -2.0, "017": 0.0, "018": 3.4, "019": 3.4,
    "02": 3.0, "020": 3.0, "021": 3.4, "0211": 3.4, "0212": 3.4, "0213": 3.4, "0214": 3.4,
    "022": 3.2, "023": 3.4, "0231": 3.4, "0232": 3.4, "0233": 3.4, "0234": 3.4,
    "024": -0.3, "0241": -0.3, "0242": -0.3, "0243": -0.3, "0244": -0.3,
    "025": -0.3, "0251": -0.3, "0252": -0.3, "0253": -0.3, "0254": -0.3, "0255": -0.3,
    "0256": -0.3, "026": 4.0, "027": 4.0, "028": 4.0,
    "03": 4.0, "030": 4.0, "031": 5.2, "0311": 5.2, "0312": 5.2, "0313": 5.2, "0314": 5.2,
    "032": 4.5, "033": 5.2, "0331": 5.2, "0332": 5.2, "0333": 5.2, "0334": 6.0,
    "034": 7.0, "0341": 7.0, "0342": 7.0, "0343": 7.0, "0344": 7.0,
    "035": 7.0, "0351": 7.0, "0352": 7.0, "0353": 7.0, "0354": 7.0, "0355": 7.0, "0356": 7.0,
    "036": 4.0, "037": 5.0, "038": 7.0, "039": 5.0,
    "04": 1.0, "040": 1.0, "041": 1.0, "042": 1.9, "043": 2.8, "044": 2.5, "045": 5.0, "046": 7.0,
    "05": 3.5, "050": 3.5, "051": 3.4, "052": 3.5, "053": 3.8, "054": 6.0, "055": 7.0,
    "056": 7.0, "057": 8.0,
    "06": 6.0, "060": 6.0, "061": 6.4, "062": 7.4, "063": 7.4, "064": 7.0,
    "07": 7.0, "070": 7.0, "071": 7.4, "072": 8.3, "073": 7.4, "074": 8.5, "075": 7.0,
    "08": 5.0, "080": 5.0, "081": 5.0, "0811": 5.0, "0812": 5.0, "0813": 5.0, "0814": 5.0,
    "082": 5.0, "083": 5.0, "0831": 5.0, "0832": 5.0, "0833": 5.0, "0834": 5.0,
    "084": 7.0, "0841": 7.0, "0842": 7.0, "085": 7.0, "086": 9.0, "0861": 9.0, "0862": 9.0,
    "0863": 9.0, "087": 9.0, "0871": 9.0, "0872": 9.0, "0873": 9.0, "0874": 10.0,
    "09": -2.0, "090": -2.0, "091": -2.0, "092": -2.0, "093": -2.0, "094": -2.0,
    "10": -5.0, "100": -5.0, "101": -5.0, "1011": -5.0, "1012": -5.0, "1013": -5.0, "1014": -5.0,
    "102": -4.0, "103": -4.0, "1031": -4.0, "1032": -4.0, "1033": -4.0, "1034": -4.0,
    "104": -4.0, "1041": -4.0, "1042": -4.0, "1043": -4.0, "1044": -4.0,
    "105": -4.0, "1051": -4.0, "1052": -4.0, "1053": -4.0, "1054": -4.0, "1055": -4.0,
    "1056": -4.0, "106": -4.0, "107": -4.0, "108": -4.0,
    "11": -2.0, "110": -2.0, "111": -2.0, "112": -2.0, "1121": -2.0, "1122": -2.0, "1123": -2.0,
    "1124": -2.0, "1125": -2.0, "113": -2.0, "114": -2.0, "115": -2.0, "116": -2.0,
    "12": -4.0, "120": -4.0, "121": -4.0, "1211": -4.0, "1212": -4.0, "1213": -4.0, "1214": -4.0,
    "122": -4.0, "1221": -4.0, "1222": -4.0, "1223": -4.0, "1224": -4.0,
    "123": -4.0, "1231": -4.0, "1232": -4.0, "1233": -4.0, "1234": -4.0,
    "124": -5.0, "1241": -5.0, "1242": -5.0, "1243": -5.0, "1244": -5.0, "1245": -5.0,
    "1246": -5.0, "125": -5.0, "126": -5.0, "127": -5.0, "128": -5.0, "129": -5.0,
    "13": -6.0, "130": -4.4, "131": -5.8, "1311": -5.8, "1312": -5.8, "1313": -5.8,
    "132": -5.8, "1321": -5.8, "1322": -5.8, "1323": -5.8, "1324": -5.8, "133": -5.8,
    "134": -5.8, "135": -5.8, "136": -7.0, "137": -7.0, "138": -7.0, "1381": -7.0,
    "1382": -7.0, "1383": -7.0, "1384": -7.0, "1385": -7.0, "139": -7.0,
    "14": -6.5, "140": -6.5, "141": -6.5, "1411": -6.5, "1412": -6.5, "1413": -6.5, "1414": -6.5,
    "142": -6.5, "1421": -6.5, "1422": -6.5, "1423": -6.5, "1424": -6.5,
    "143": -6.5, "1431": -6.5, "1432": -6.5, "1433": -6.5, "1434": -6.5,
    "144": -7.5, "1441": -7.5, "1442": -7.5, "1443": -7.5, "1444": -7.5,
    "145": -7.5, "1451": -7.5, "1452": -7.5, "1453": -7.5, "1454": -7.5,
    "15": -7.2, "150": -7.2, "151": -7.2, "152": -7.2, "153": -7.2, "154": -7.2,
    "16": -4.0, "160": -4.0, "161": -4.0, "162": -5.6, "1621": -5.6, "1622": -5.6, "1623": -5.6,
    "163": -8.0, "164": -7.0, "165": -7.0, "166": -7.0, "1661": -7.0, "1662": -7.0, "1663": -7.0,
    "17": -7.0, "170": -7.0, "171": -9.2, "1711": -9.2, "1712": -9.2,
    "172": -5.0, "1721": -5.0, "1722": -5.0, "1723": -5.0, "1724": -5.0,
    "173": -5.0, "174": -5.0, "175": -9.0, "176": -7.0,
    "18": -9.0, "180": -9.0, "181": -9.0, "182": -9.5, "1821": -9.5, "1822": -9.5, "1823": -10.0,
    "183": -10.0, "1831": -10.0, "1832": -10.0, "1833": -10.0, "184": -8.0, "185": -8.0,
    "186": -10.0,
    "19": -10.0, "190": -10.0, "191": -9.5, "192": -9.5, "193": -10.0, "194": -10.0,
    "195": -10.0, "196": -9.5,
    "20": -10.0, "200": -10.0, "201": -9.5, "202": -10.0, "203": -10.0, "204": -10.0,
    "2041": -10.0, "2042": -10.0,
}


def quad(code: str) -> int:
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def parse_table(path: Path) -> dict[str, tuple[str, str | None, str | None, list[str]]]:
    out: dict[str, tuple[str, str | None, str | None, list[str]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*(.*)$", line)
        if not m:
            continue
        code, rest = m.groups()
        rest, _, label = rest.partition("#")
        parts = [p.strip() for p in rest.split(",")]
        parts += [""] * (3 - len(parts))
        plover, mode, ctx = parts[0], parts[1], parts[2]
        if len(code) == 2 or code in out:  # root headings and the duplicated 175 line
            continue
        plover = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
                  "FIGHT": "ASSAULT"}.get(plover, plover)
        mode = mode.strip() or None
        if mode in MODE_MAP:
            mode = MODE_MAP[mode]
        contexts = [CONTEXT_MAP.get(c.strip(), c.strip()) for c in ctx.split(";") if c.strip()]
        out[code] = (label.strip() or code, plover, mode, contexts)
    return out


def q(s: object) -> str:
    if s is None:
        return "null"
    return '"' + str(s).replace('"', '\\"') + '"'


def main() -> None:
    table = parse_table(TABLE)
    entries: dict[str, tuple[str, str | None, str | None, list[str], str | None]] = {}
    for code, (label, plover, mode, ctx) in table.items():
        entries[code] = (label, plover, mode, ctx, None)
    for code, (label, plover, mode, ctx) in EXTRA.items():
        entries[code] = (label, plover, mode, ctx, None)
    for code, (plover, mode, ctx, note) in OVERRIDES.items():
        entries[code] = (entries[code][0], plover, mode, ctx, note)
    for root, plover in ROOTS.items():
        entries.setdefault(root, (ROOT_LABELS[root], plover, None, [], None))
    missing = sorted(set(GOLDSTEIN) ^ set(entries))
    if missing:
        raise SystemExit(f"goldstein/entries mismatch: {missing}")
    # CAMEO order: by root, then the code as a string
    codes = sorted(entries, key=lambda c: (c[:2], c))
    lines = [
        "# CAMEO event codes -> PLOVER type/mode/contexts, quad class and Goldstein intensity.",
        "# Generated by tools/make_cameo_yml.py from CAMEO2PLOVER-2021.txt (PLOVER manual 0.8),",
        "# modes/contexts normalised to the current PLOVER manual; `note` records a deviation.",
        "# plover: null = CAMEO 01x public statements that PLOVER does not code.",
        "# quad_class: GDELT convention (01-05 verbal coop, 06-08 material coop,",
        "# 09-13 verbal conflict, 14-20 material conflict). goldstein: standard CAMEO Goldstein scale.",
    ]
    for code in codes:
        label, plover, mode, ctx, note = entries[code]
        lines.append(f"- id: {q(code)}")
        lines.append(f"  label: {q(label)}")
        lines.append(f"  plover: {plover if plover else 'null'}")
        lines.append(f"  mode: {q(mode) if mode else 'null'}")
        lines.append(f"  contexts: [{', '.join(ctx)}]")
        lines.append(f"  quad_class: {quad(code)}")
        lines.append(f"  goldstein: {GOLDSTEIN[code]}")
        if note:
            lines.append(f"  note: {q(note)}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(codes)} codes to {OUT}")


if __name__ == "__main__":
    main()
