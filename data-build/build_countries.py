#!/usr/bin/env python3
"""Builds core/src/main/resources/org/caravan/country/{countries.csv,populated-places.csv}.

countries.csv: ISO 3166-1 alpha-2, alpha-3, numeric, English common and official names, Latin-script alternative
spellings and capital of 250 countries, from the npm package world-countries@5.1.0 (countries.json, by Mohammed
Le Doze, ODbL-1.0; see ../shared/data/world-countries/PROVENANCE.md). The file stays under ODbL-1.0.

populated-places.csv: Natural Earth 4.0.0 10m populated places (simple) in lon 25..90, lat 0..60 (public domain;
../shared/data/natural-earth/PROVENANCE.md): name, ASCII name, alternative name, ISO alpha-2, lat, lon. Used to tell
a user that a town exists but is not a place of the network.

Run from the repository root: python3 data-build/build_countries.py
"""
import csv
import json
import os
import unicodedata

SHARED = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data")
if not os.path.isdir(SHARED):
    SHARED = "/work/shared/data"
OUT = os.path.join(os.path.dirname(__file__), "..", "core", "src", "main", "resources", "org", "caravan", "country")


def latin(s):
    """True when every letter of s is Latin script (drops Cyrillic, Chinese... spellings)."""
    for ch in s:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


def main():
    with open(os.path.join(SHARED, "world-countries", "countries.json"), encoding="utf-8") as f:
        countries = json.load(f)
    rows = []
    for c in countries:
        a2, a3 = c["cca2"], c["cca3"]
        common, official = c["name"]["common"], c["name"]["official"]
        alts = []
        for s in c.get("altSpellings", []):
            if len(s) <= 3 or not latin(s) or s in (common, official) or s in alts:
                continue
            alts.append(s)
        rows.append([a2, a3, c.get("ccn3", ""), common, official, ";".join(alts),
                     ";".join(c.get("capital", []))])
    rows.sort()
    with open(os.path.join(OUT, "countries.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["alpha2", "alpha3", "numeric", "name", "official_name", "alt_names", "capital"])
        w.writerows(rows)
    with open(os.path.join(SHARED, "natural-earth", "ne_10m_populated_places_simple_bbox25-0-90-60.geojson"),
              encoding="utf-8") as f:
        places = json.load(f)["features"]
    out = []
    for p in places:
        q = p["properties"]
        if not q.get("iso_a2") or q["iso_a2"] == "-99":
            continue
        out.append([q["name"], q.get("nameascii") or "", q.get("namealt") or "", q["iso_a2"],
                    round(q["latitude"], 4), round(q["longitude"], 4)])
    out.sort()
    with open(os.path.join(OUT, "populated-places.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["name", "ascii_name", "alt_name", "alpha2", "lat", "lon"])
        w.writerows(out)
    print(len(rows), "countries,", len(out), "populated places")


if __name__ == "__main__":
    main()
