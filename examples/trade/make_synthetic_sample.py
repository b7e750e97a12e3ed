#!/usr/bin/env python3
"""Writes synthetic-comtrade-sample.csv: an INVENTED UN Comtrade (format "plus", 47 columns) file for trying
Caravan's trade commands. The numbers are made up and are not statistics.

Deterministic: the same SEED gives the same file byte for byte on any machine and Python 3 version (every random
stream is a random.Random seeded with a string, and only .random() is used). Plain standard library.

    python3 examples/trade/make_synthetic_sample.py [OUT_FILE]

How the numbers hang together, so that the commands give consistent answers:
- an invented "true" flow exists for each exporter -> importer, year and HS chapter;
- the exporter reports it as X (FOB, within +-5 %), the importer as M (CIF: +7 %, within +-10 %), so mirror
  comparisons between two reporters of the sample show small, plausible gaps;
- each TOTAL row is exactly the sum of its chapter rows; each heading (1001, 1101, 2709, 0806) is a part of its
  chapter; each World row (partner 0) is exactly the sum of that reporter's partner rows in the sample;
- netWgt (kg) is on every chapter and heading row (value / an invented price per kg), empty on TOTAL rows.
"""
import csv
import os
import random
import sys

SEED = 20240601
YEARS = range(2019, 2025)
HEADER = ("typeCode,freqCode,refPeriodId,refYear,refMonth,period,reporterCode,reporterISO,reporterDesc,flowCode,"
          "flowDesc,partnerCode,partnerISO,partnerDesc,partner2Code,partner2ISO,partner2Desc,classificationCode,"
          "classificationSearchCode,isOriginalClassification,cmdCode,cmdDesc,aggrLevel,isLeaf,customsCode,customsDesc,"
          "mosCode,motCode,motDesc,qtyUnitCode,qtyUnitAbbr,qty,isQtyEstimated,altQtyUnitCode,altQtyUnitAbbr,altQty,"
          "isAltQtyEstimated,netWgt,isNetWgtEstimated,grossWgt,isGrossWgtEstimated,cifvalue,fobvalue,primaryValue,"
          "legacyEstimationFlag,isReported,isAggregate").split(",")

COUNTRY = {  # ISO3 -> (UN M49 code as Comtrade uses it, name)
    "KAZ": (398, "Kazakhstan"), "AFG": (4, "Afghanistan"), "UZB": (860, "Uzbekistan"), "PAK": (586, "Pakistan"),
    "CHN": (156, "China"), "RUS": (643, "Russian Federation"), "IRN": (364, "Iran"), "TKM": (795, "Turkmenistan"),
    "KGZ": (417, "Kyrgyzstan"), "TJK": (762, "Tajikistan"), "TUR": (792, "Türkiye"), "DEU": (276, "Germany"),
    "IND": (699, "India"),
}
WORLD = (0, "W00", "World")
REPORTERS = ["KAZ", "UZB", "AFG", "PAK"]
PARTNERS = {  # the partners each reporter has in the sample (World is the sum of these)
    "KAZ": ["CHN", "RUS", "UZB", "AFG", "KGZ", "TUR", "DEU", "IRN"],
    "UZB": ["KAZ", "RUS", "CHN", "AFG", "TKM", "TJK", "TUR", "PAK"],
    "AFG": ["PAK", "IRN", "UZB", "KAZ", "TKM", "CHN", "IND", "TJK"],
    "PAK": ["AFG", "CHN", "UZB", "KAZ", "TUR", "DEU", "IRN", "IND"],
}
CHAPTER = {  # HS chapter -> (description, invented USD per kg)
    "08": ("Edible fruit and nuts; peel of citrus fruit or melons", 1.2),
    "10": ("Cereals", 0.25),
    "11": ("Products of the milling industry; malt, starches, inulin, wheat gluten", 0.35),
    "12": ("Oil seeds and oleaginous fruits; grains, seeds and fruit", 0.6),
    "15": ("Animal, vegetable or microbial fats and oils", 1.1),
    "25": ("Salt; sulphur; earths, stone; plastering materials, lime and cement", 0.05),
    "27": ("Mineral fuels, mineral oils and products of their distillation", 0.4),
    "52": ("Cotton", 1.8),
    "72": ("Iron and steel", 0.7),
    "84": ("Nuclear reactors, boilers, machinery and mechanical appliances", 12.0),
    "87": ("Vehicles other than railway or tramway rolling stock, and parts", 9.0),
}
HEADING = {  # heading -> (chapter, description)
    "0806": ("08", "Grapes, fresh or dried"),
    "1001": ("10", "Wheat and meslin"),
    "1101": ("11", "Wheat or meslin flour"),
    "2709": ("27", "Petroleum oils, crude"),
}
EXPORTS = {  # what each country sells in the sample (invented profiles)
    "KAZ": ["10", "11", "12", "15", "27", "72", "25"], "UZB": ["08", "52", "27", "72", "87"],
    "AFG": ["08", "52", "12", "25"], "PAK": ["10", "52", "08", "25", "15"], "CHN": ["84", "87", "72"],
    "RUS": ["27", "72", "10", "84", "15"], "IRN": ["27", "25", "08", "72", "15"], "TKM": ["27", "52", "25"],
    "KGZ": ["08", "25", "52"], "TJK": ["52", "08", "25"], "TUR": ["84", "87", "72", "08", "15"],
    "DEU": ["84", "87"], "IND": ["10", "52", "84"],
}
SIZE = {"CHN": 3.0, "RUS": 3.0, "DEU": 2.0, "TUR": 2.0, "IND": 2.0, "KAZ": 2.0, "UZB": 1.5, "PAK": 1.5, "IRN": 1.0,
        "AFG": 1.0, "TKM": 0.5, "KGZ": 0.7, "TJK": 0.5}
# How much each exporter sells, so the invented directions keep a plausible shape (Afghanistan sells far less to
# Kazakhstan than it buys from it); still invented numbers.
STRENGTH = {"CHN": 2.0, "RUS": 1.5, "KAZ": 1.0, "UZB": 0.6, "PAK": 0.5, "IRN": 0.6, "TUR": 0.8, "DEU": 1.0,
            "IND": 0.8, "AFG": 0.05, "TKM": 0.3, "KGZ": 0.2, "TJK": 0.1}


def rng(*key):
    return random.Random("|".join(str(k) for k in (SEED,) + key))


def pick(r, items, k):
    items = list(items)
    out = []
    for _ in range(k):
        out.append(items.pop(int(r.random() * len(items))))
    return sorted(out)


def true_flow(exp, imp, year):
    """{chapter: (usd, kg)} and {heading: share of its chapter}: what exp 'really' sold to imp that year."""
    r = rng("pair", exp, imp)
    chapters = pick(r, EXPORTS[exp], 2 + int(r.random() * min(3, len(EXPORTS[exp]) - 1)))
    growth = -0.05 + 0.20 * r.random()
    out = {}
    for ch in chapters:
        rc = rng("chapter", exp, imp, ch)
        base = (5 + 295 * rc.random()) * 1e6 * SIZE[imp] * STRENGTH.get(exp, 1.0) * (0.5 + rc.random())
        ry = rng("year", exp, imp, ch, year)
        if year > 2019 and ry.random() < 0.08:
            continue  # no trade in this chapter this year
        v = base * (1 + growth) ** (year - 2019) * (0.85 if year == 2020 else 1.0) * (0.8 + 0.4 * ry.random())
        price = CHAPTER[ch][1] * (0.8 + 0.4 * ry.random())
        out[ch] = (v, v / price)
    shares = {}
    for h, (ch, _) in HEADING.items():
        if ch in out:
            rh = rng("heading", exp, imp, h, year)
            main = (ch == "10" and exp in ("KAZ", "RUS")) or (ch == "27" and exp in ("KAZ", "RUS", "IRN", "TKM"))
            shares[h] = (0.8 + 0.15 * rh.random()) if main or ch == "11" else (0.1 + 0.4 * rh.random())
    return out, shares


def reported(reporter, flow, partner, year):
    """{cmdCode: (usd, kg or None)} as `reporter` reports trade with `partner`, TOTAL = sum of chapters."""
    exp, imp = (reporter, partner) if flow == "X" else (partner, reporter)
    flows, shares = true_flow(exp, imp, year)
    out = {}
    for ch, (v, kg) in flows.items():
        r = rng("report", reporter, flow, partner, ch, year)
        if flow == "X":
            rv = v * (0.95 + 0.10 * r.random())
        else:
            rv = v * 1.07 * (0.90 + 0.20 * r.random())
        out[ch] = (round(rv), round(kg * (0.97 + 0.06 * r.random())))
    for h, share in shares.items():
        ch = HEADING[h][0]
        if ch in out:
            out[h] = (round(out[ch][0] * share), round(out[ch][1] * share))
    if out:
        out["TOTAL"] = (sum(v for c, (v, _) in out.items() if len(c) == 2), None)
    return out


def row(reporter, flow, year, partner, cmd, value, kg):
    rcode, rdesc = COUNTRY[reporter]
    pcode, piso, pdesc = WORLD if partner is None else (COUNTRY[partner][0], partner, COUNTRY[partner][1])
    if cmd == "TOTAL":
        desc, level = "All Commodities", 0
    elif len(cmd) == 2:
        desc, level = CHAPTER[cmd][0], 2
    else:
        desc, level = HEADING[cmd][1], 4
    imp = flow == "M"
    qty = "" if kg is None else kg
    return ["C", "A", f"{year}0101", year, 52, year, rcode, reporter, rdesc, flow, "Import" if imp else "Export",
            pcode, piso, pdesc, 0, "W00", "World", "H6" if year >= 2022 else "H5", "HS", "True", cmd, desc, level,
            "False", "C00", "TOTAL CPC", 0, 0, "TOTAL MOT", -1 if kg is None else 8, "N/A" if kg is None else "kg",
            qty, "False", -1, "N/A", "", "False", qty, "False", "", "False", value if imp else "",
            "" if imp else value, value, 0, "True", "True" if cmd == "TOTAL" or partner is None else "False"]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                            "synthetic-comtrade-sample.csv")
    n = 0
    with open(out, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(HEADER)
        for reporter in REPORTERS:
            for year in YEARS:
                for flow in ("X", "M"):
                    per_partner = {p: reported(reporter, flow, p, year) for p in sorted(PARTNERS[reporter])}
                    world = {}
                    for cmds in per_partner.values():
                        for c, (v, kg) in cmds.items():
                            wv, wkg = world.get(c, (0, None if kg is None else 0))
                            world[c] = (wv + v, None if kg is None else wkg + kg)
                    for partner, cmds in [(None, world)] + list(per_partner.items()):
                        for c in sorted(cmds, key=lambda c: (c != "TOTAL", c)):
                            w.writerow(row(reporter, flow, year, partner, c, *cmds[c]))
                            n += 1
    print(f"wrote {n} rows to {out}")


if __name__ == "__main__":
    main()
