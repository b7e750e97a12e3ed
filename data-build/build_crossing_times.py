#!/usr/bin/env python3
"""Writes core/src/main/resources/org/caravan/cost/crossings.yaml: the time and fee of every embedded border
crossing per direction, by the rules of docs/COSTS.md ("Border crossings"):
  1. the crossing's own published CPMM figure (by BCP and direction);
  2. the CPMM national average of the country left (else entered) for that mode;
  3. an estimate by type: rail through-train interchange between two 1520 mm railways of the former USSR 4 h,
     other rail borders 12 h, road 8 h.
Rule 1 also takes a crossing's own figures, weekly closed days and closed months from
data-build/crossing_figures.csv (roads_crossings.py), by crossing name. Never another crossing's figure. Run after the network is rebuilt (crossing ids come from links.csv); the test
PlaceTablesTest fails when the two disagree. Usage: python3 data-build/build_crossing_times.py
"""
import csv
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import roads_crossings  # noqa: E402  (crossing_figures.csv: own figures and closures)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, 'core/src/main/resources/org/caravan/data')
OUT = os.path.join(ROOT, 'core/src/main/resources/org/caravan/cost/crossings.yaml')

SU = {'KZ', 'UZ', 'TM', 'TJ', 'KG', 'RU', 'AZ', 'GE', 'AM', 'BY'}
ROAD_NATIONAL = {
    'AF': (19.5, 240, "ADB CAREC CPMM 2020 Afghanistan report: national road BCP average 19.5 h, USD 240"),
    'PK': (33.1, 238, "ADB CAREC CPMM 2023 Pakistan report: national road TFI1 33.1 h, TFI2 USD 238"),
    'KZ': (4.2, 317, "ADB CAREC CPMM Kazakhstan report: national road TFI1 4.2 h (2023), TFI2 USD 317 (2022)"),
    'UZ': (4.2, 74, "ADB CAREC CPMM 2022 Uzbekistan report: national road TFI1 4.2 h, TFI2 USD 74"),
    'KG': (1.3, 116, "ADB CAREC CPMM 2023 Kyrgyz Republic report: national road TFI1 1.3 h, TFI2 USD 116 (2023)"),
    'TJ': (4.1, 85, "ADB CAREC CPMM 2022 Tajikistan report: national road TFI1 4.1 h, TFI2 USD 85 (2022)"),
}
RAIL_UZ = (6.8, 133, "ADB CAREC CPMM 2022 Uzbekistan report: national rail TFI1 6.8 h, TFI2 USD 133")
# KZ-CN rail crossings (Dostyk-Alashankou, Altynkol-Khorgos): a train clears two stations, the exit side's and
# the entry side's, and the gauge change is on the entry side (the receiving railway's wagons), so the crossing
# takes the exit country's CPMM rail outbound time plus the entry country's rail inbound time (fees likewise).
# Kazakhstan: CPMM 2022 Kazakhstan report, Table 3.7 (outbound 6.8 h / USD 185, inbound 78.0 h / USD 313; both
# directions 67.4 h in 2022, 69.7 h in 2023, CPMM 2023 report Table 6.3, whose split by direction was not read).
# PRC: CPMM 2023 report, Table 6.7 (rail outbound 14.0 h / USD 40, inbound 16.3 h / USD 91; the national figure of
# 2023 is taken over the 2022 BCP figures, outbound Alashankou 30.5 h and Horgos 34.8 h, CPMM 2022 PRC report, since
# PRC rail TFI1 fell 59 % from 2022 to 2023 and no 2023 BCP figure was read). CPMM attributes the
# Kazakh rail delays to the China gauge-change BCPs (Dostyk, Altynkol), so these figures are used there only.
RAIL_KZ_CN = {
    'KZ': {'out': (6.8, 185, "KZ outbound 6.8 h, USD 185 (ADB CAREC CPMM 2022 Kazakhstan report, Table 3.7, rail"
                             " TFI1/TFI2 2022)"),
           'in': (78.0, 313, "KZ inbound 78.0 h, USD 313 (ADB CAREC CPMM 2022 Kazakhstan report, Table 3.7, rail"
                             " TFI1/TFI2 2022; both directions 67.4 h in 2022, 69.7 h in 2023)")},
    'CN': {'out': (14.0, 40, "PRC outbound 14.0 h, USD 40 (ADB CAREC CPMM 2023 report, PRC, Table 6.7, rail TFI1/TFI2"
                             " 2023; taken over the 2022 BCP figures, Alashankou 30.5 h, Horgos 34.8 h, as PRC rail"
                             " TFI1 fell 59 % in 2023)"),
           'in': (16.3, 91, "PRC inbound 16.3 h, USD 91 (ADB CAREC CPMM 2023 report, PRC, Table 6.7, rail TFI1/TFI2"
                            " 2023)")},
}
PUBLISHED = {
    'x_pktor_afrkh_road': ((24.2, 267, "ADB CAREC CPMM (cpmm ?p=141): Pakistan outbound Peshawar-Torkham 2022 24.2 h, USD 267"),
                           (24.2, 240, "ADB CAREC CPMM 2020 Afghanistan report: Torkham 24.2 h; AF national BCP cost USD 240")),
    'x_pkcmn_afsbk_road': ((54.0, 50, "ADB CAREC CPMM (cpmm ?p=141): Pakistan outbound Chaman 2022 54.0 h, USD 50"),
                           (20.2, 240, "ADB CAREC CPMM 2020 Afghanistan report: Spin Boldak 20.2 h; AF national BCP cost USD 240")),
    'x_tj_nizhny_panj_afshe_road': ((17.3, 240, "ADB CAREC CPMM 2020 Afghanistan report: Sher Khan Bandar 17.3 h; AF national BCP cost USD 240"), None),
    'x_kzhor_cnhrs_road': ((51.4, 317, "ADB CAREC CPMM (cpmm ?p=440): Khorgos road 2023 51.4 h; KZ national road BCP cost 2022 USD 317"), None),
}


# PRC road averages by direction (CPMM 2023 PRC report): outbound (leaving China) and inbound.
ROAD_CN = {'out': (17.0, 358, "ADB CAREC CPMM 2023 PRC report: national road outbound TFI1 17.0 h, TFI2 USD 358 (2023)"),
           'in': (2.1, 266, "ADB CAREC CPMM 2023 PRC report: national road inbound TFI1 2.1 h, TFI2 USD 266 (2023)")}


def rule(link, exit_c, entry_c):
    if link['carries'] == 'road':
        for c, how in ((exit_c, 'the country left'), (entry_c, 'the country entered')):
            if c == 'CN':
                h, f, s = ROAD_CN['out' if c == exit_c else 'in']
                return h, f, "rule 2 (national CPMM average of %s, CN): %s" % (how, s)
            if c in ROAD_NATIONAL:
                h, f, s = ROAD_NATIONAL[c]
                return h, f, "rule 2 (national CPMM average of %s, %s): %s" % (how, c, s)
        return 8.0, float(link['fee_usd']), ("rule 3: road crossing without a CPMM figure for either country: 8 h"
                                             " (Caravan estimate); fee as in the network file")
    gauges = set(link['gauge'].split(';'))
    if {exit_c, entry_c} == {'KZ', 'CN'}:
        ho, fo, so = RAIL_KZ_CN[exit_c]['out']
        hi, fi, si = RAIL_KZ_CN[entry_c]['in']
        return ho + hi, fo + fi, (
            "rule 2 (KZ-CN rail: the exit country's CPMM rail outbound time and fee plus the entry country's inbound,"
            " where the gauge change is): %s + %s; CPMM attributes the Kazakh rail delays to the China gauge-change"
            " BCPs (Dostyk, Altynkol), so these figures are used there only" % (so, si))
    if 'UZ' in (exit_c, entry_c):
        h, f, s = RAIL_UZ
        return h, f, "rule 2 (national CPMM average of UZ): " + s
    if exit_c in SU and entry_c in SU and gauges == {'1520'}:
        return 4.0, float(link['fee_usd']), (
            "rule 3: through-train interchange between two 1520 mm railways of the former USSR (SMGS consignment,"
            " locomotive and crew change, documents at the interchange station): 4 h (Caravan estimate); fee as in"
            " the network file")
    return 12.0, float(link['fee_usd']), (
        "rule 3: rail border into or out of a non-1520 or non-interchange railway (AF, IR, CN, TR, PK): formalities"
        " 12 h (Caravan estimate); gauge change and transloading are costed at the yard; fee as in the network file")


# Per-cargo overrides (CrossingRule.cargo): a cargo class whose trains cross in a different time from the
# crossing's figure for all traffic. Container block trains at the KZ-CN gauge-change crossings are transshipped
# box by box at container terminals in hours, while CPMM's national rail TFI1 is an average over the trains CPMM samples,
# regular (wagonload) trains. Each entry: link id -> cargo class -> (mean hours both directions, source, confidence);
# the fee stays the crossing's (per direction). Rule for a class with no own figure: rule 3 (other rail borders 12 h).
CARGO = {
    'x_kzdos_cnakl_rail': {
        'container': (4.25, "own figure: Silkroadnews, 'More than 3 mln of freights transported through "
                      "Chinese-Kazakhstani border via Alashankou-Dostyk passage', 22 July 2016 (after Xinhua): Dostyk "
                      "station director Nurgali Ilyasov, processing time of trains reduced to 4 h 15 min (the article's context: container trains) "
                      "from 9 h (https://silkroadnews.org/en/news/more-than-3-mln-of-freights-transported-through-"
                      "chinese-kazakhstani-border-via-alashankou-dostyk-passage); station processing, no direction "
                      "given, so both directions; p90 = 1.8 x mean (derived); fee as the crossing's", 'published'),
    },
    'x_kz_altynkol_cnhrs_rail': {
        'container': (12.0, "rule 3 (estimate by type, other rail borders 12 h): no published container-train "
                      "crossing time for Altynkol-Khorgos was found, and CPMM's national rail averages (rule 2) are for "
                      "regular (wagonload) trains; both directions; p90 = 1.8 x mean (derived); fee as the crossing's. Published "
                      "components (searched Dec 2026) give only a floor: the locomotive turnover at the Altynkol exchange "
                      "'is on average 5 hours 30 minutes' (KTZ via UIC eNews no. 660, 17 Sep 2019) and the dry port's "
                      "handling of a whole container train, transshipment and customs, '1 hour and 11 minutes' (Khorgos "
                      "Gateway press release on its first train, 2015), 6.7 h without the Chinese exit formalities or "
                      "queues, which are reported ('trains had to wait a long time for clearance', intermodalnews.eu, "
                      "3 Jan 2023); so the 12 h estimate is kept",
                      'estimated'),
    },
}


def main():
    nodes = {r['id']: r for r in csv.DictReader(open(os.path.join(DATA, 'nodes.csv'), encoding='utf-8'))}
    links = [r for r in csv.DictReader(open(os.path.join(DATA, 'links.csv'), encoding='utf-8')) if r['mode'] == 'crossing']
    out = ["# Border crossings by link id: hours to pass (mean, p90) and fee per vehicle, per direction (forward = the",
           "# link's from -> to in links.csv). These replace the network file's hours_mean / hours_p90 / fee_usd. Each entry",
           "# follows the first rule that applies (docs/COSTS.md, \"Border crossings\"):",
           "#   1. the crossing's own published figure (ADB CAREC CPMM by BCP and direction);",
           "#   2. the CPMM national average of the country left (else entered) for that mode;",
           "#   3. an estimate by type: rail through-train interchange between 1520 mm railways 4 h; other rail borders 12 h;",
           "#      road 8 h.",
           "# p90 = 1.8 x mean (the network's derived spread). Opening: published closed days and closed months only (from",
           "# data-build/crossing_figures.csv); no daily hours were found. Add or change one in a --costs file, e.g.",
           "# `opening: {opens: \"08:00\", closes: \"20:00\", closed_days: [sat, sun], closed_months: [dec, jan]}`.",
           "# cargo: per-cargo-class overrides (container, bulk) of forward/reverse where a class crosses differently",
           "# (e.g. container block trains at the KZ-CN gauge-change crossings); a class without one uses the figures above.",
           "# Generated by data-build/build_crossing_times.py.", "", "crossings:"]
    sources = []
    figs = roads_crossings.figures()
    for r in links:
        a = nodes[r['from']]['country']
        b = nodes[r['to']]['country']
        own = figs.get(r['name'])
        if own and own['hours'] != '':
            src = own['source'] + (' (' + own['url'] + ')' if own['url'] else '')
            fw = (float(own['hours']), float(own['fee_usd']), 'own figures (data-build/crossing_figures.csv): ' + src)
            rvv = None
            if own['hours_rev'] != '':
                rvv = (float(own['hours_rev']), float(own['fee_usd_rev'] or own['fee_usd']), 'as forward')
            conf = own['confidence']
        elif r['id'] in PUBLISHED:
            f, rv = PUBLISHED[r['id']]
            fw, rvv, conf = f, rv, 'published'
        else:
            fw, rvv, conf = rule(r, a, b), rule(r, b, a), 'estimated'
            if rvv[0] == fw[0] and rvv[1] == fw[1]:
                rvv = None

        def d(x):
            return "{wait_hours: %s, p90_wait_hours: %s, fee_usd: %s}" % (round(x[0], 1), round(x[0] * 1.8, 1), x[1])
        out.append("  %s:   # %s (%s-%s)" % (r['id'], r['name'], a, b))
        out.append("    forward: " + d(fw))
        if rvv:
            out.append("    reverse: " + d(rvv))
        if r['id'] in CARGO:
            out.append("    cargo:")
            for cls, (hours, csrc, cconf) in CARGO[r['id']].items():
                one = "{wait_hours: %s, p90_wait_hours: %s, fee_usd: %%s}" % (round(hours, 2), round(hours * 1.8, 2))
                if rvv and rvv[1] != fw[1]:
                    # the same hours both ways; the fee of the direction travelled (the crossing's, per direction)
                    out.append("      %s: {forward: %s, reverse: %s}" % (cls, one % fw[1], one % rvv[1]))
                else:
                    out.append("      %s: {forward: %s}" % (cls, one % fw[1]))
                sources.append("  crossings.%s.cargo.%s:\n    source: \"%s\"\n    confidence: %s"
                               % (r['id'], cls, csrc.replace('"', "'"), cconf))
        if own and (own['closed_days'] or own['closed_months']):
            parts = ['opens: "00:00"', 'closes: "00:00"']
            if own['closed_days']:
                parts.append('closed_days: [%s]' % ', '.join(own['closed_days'].split(';')))
            if own['closed_months']:
                parts.append('closed_months: [%s]' % ', '.join(own['closed_months'].split(';')))
            out.append("    opening: {%s}" % ', '.join(parts))
        if own and own['hours'] != '':
            text = fw[2] + "; p90 = 1.8 x mean (derived)"
        else:
            text = "forward: " + fw[2] + ("; reverse: " + rvv[2] if rvv else "") + "; p90 = 1.8 x mean (derived)"
        if own and own['note']:
            text += "; " + own['note']
        sources.append("  crossings.%s:\n    source: \"%s\"\n    confidence: %s" % (r['id'], text.replace('"', "'"), conf))
    out += ["", "sources:"] + sources
    with open(OUT, 'w', encoding='utf-8') as f:
        f.write("\n".join(out) + "\n")


if __name__ == '__main__':
    main()
