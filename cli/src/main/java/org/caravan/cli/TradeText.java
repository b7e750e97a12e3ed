package org.caravan.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.caravan.demand.OdPair;
import org.caravan.trade.ImportReport;
import org.caravan.trade.PublishedFact;
import org.caravan.trade.TradeDemand;
import org.caravan.trade.TradeFigures;
import org.caravan.trade.TradeStore;
import org.caravan.trade.TransitDependence;

/** Plain-text layouts of the trade answers. */
final class TradeText {
    private TradeText() {}

    /** USD for reading: 987.9 M, 1.23 bn, 45.0 k, or the plain number below a thousand. */
    static String usd(Double v) {
        if (v == null) return "-";
        double a = Math.abs(v);
        if (a >= 1e9) return String.format(Locale.ROOT, "%.2f bn", v / 1e9);
        if (a >= 1e6) return String.format(Locale.ROOT, "%.1f M", v / 1e6);
        if (a >= 1e3) return String.format(Locale.ROOT, "%.1f k", v / 1e3);
        return String.format(Locale.ROOT, "%.0f", v);
    }

    static String pct(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%+.1f%%", v);
    }

    static String share(double v) { return String.format(Locale.ROOT, "%.1f%%", v); }

    static String tonnes(Double t) {
        return t == null ? "-" : String.format(Locale.ROOT, "%,.0f", t);
    }

    static String importReport(ImportReport r, int show) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.file()).append(": ").append(r.format()).append('\n');
        sb.append(String.format(Locale.ROOT, "  read %,d rows: loaded %,d, replaced %,d, already stored %,d, "
                        + "skipped %,d  (%.1f s, %,.0f rows/s)%n", r.rowsRead(), r.rowsLoaded(), r.rowsReplaced(),
                r.rowsAlreadyStored(), r.rowsSkipped(), r.seconds(), r.rowsPerSecond()));
        sb.append(r.importId() == null ? "  nothing changed: every good row is already in the store\n"
                : "  stored as import #" + r.importId() + "\n");
        if (!r.skippedByField().isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, Long> e : r.skippedByField().entrySet()) {
                parts.add(e.getKey() + " " + String.format(Locale.ROOT, "%,d", e.getValue()));
            }
            sb.append("  skipped by field: ").append(String.join(", ", parts)).append('\n');
            int n = 0;
            for (ImportReport.RowProblem p : r.problems()) {
                if (n++ == show) {
                    sb.append("  ... ").append(r.rowsSkipped() - show)
                            .append(" more (--show N, or --format json for up to 1000)\n");
                    break;
                }
                sb.append("  line ").append(p.line()).append(", ").append(p.field()).append(": ").append(p.reason())
                        .append('\n');
            }
        }
        return sb.toString();
    }

    static String imports(List<TradeStore.ImportRecord> imports, String file, long records) {
        StringBuilder sb = new StringBuilder("Store: " + file + String.format(Locale.ROOT, " (%,d trade records)%n",
                records));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"#", "imported (UTC)", "format", "read", "loaded", "skipped", "file"});
        for (TradeStore.ImportRecord i : imports) {
            rows.add(new String[] {Integer.toString(i.id()), i.importedAt().replace('T', ' ').replaceAll("\\.\\d+Z$",
                    "Z"), i.format(), String.format(Locale.ROOT, "%,d", i.rowsRead()),
                String.format(Locale.ROOT, "%,d", i.rowsLoaded()), String.format(Locale.ROOT, "%,d", i.rowsSkipped()),
                i.file()});
        }
        TextOutput.table(sb, rows, new boolean[] {true, false, false, true, true, true, false});
        return sb.toString();
    }

    static String facts(List<PublishedFact> facts) {
        if (facts.isEmpty()) return "No published figures shipped for this selection.\n";
        StringBuilder sb = new StringBuilder("Published figures shipped with Caravan (sources disagree: all are "
                + "shown)\n\n");
        for (PublishedFact f : facts) {
            sb.append(String.format(Locale.ROOT, "  %s-%s %-9s %-16s %-22s %s%n", f.reporter(), f.partner(),
                    f.measure(), f.period(), f.covers(), factValue(f)));
            sb.append("      source: ").append(f.source()).append(f.sourceDate().isEmpty() ? "" : " (" + f.sourceDate()
                    + ")").append("; reported by ").append(f.reportedBy()).append("; confidence ")
                    .append(f.confidence()).append('\n');
            if (!f.url().isEmpty()) sb.append("      ").append(f.url()).append('\n');
            if (!f.note().isEmpty()) sb.append("      note: ").append(f.note()).append('\n');
        }
        return sb.toString();
    }

    /** "USD 987.9 M", "1,300,000 t wheat flour (HS 1101)", or both. */
    static String factValue(PublishedFact f) {
        List<String> parts = new ArrayList<>();
        if (f.valueUsd() != null) parts.add("USD " + usd(f.valueUsd()));
        if (f.quantity() != null) parts.add(tonnes(f.quantity()) + " " + f.unit());
        String what = f.allGoods() ? "" : " " + f.product() + (f.hs().isEmpty() ? "" : " (HS " + f.hs() + ")");
        return String.join(", ", parts) + what;
    }

    static String series(TradeFigures.Series s) {
        StringBuilder sb = new StringBuilder();
        sb.append("Trade of ").append(s.reporter().label()).append(" with ").append(s.partner().label())
                .append(", USD\n");
        if (s.points().isEmpty() && s.basis().startsWith("no trade store")) {
            sb.append("  no Comtrade records (no trade store, or nothing imported): published figures only\n");
        } else if (s.points().isEmpty()) {
            sb.append("  no records in the store for this pair as ").append(s.reporter().iso3())
                    .append(" reports it (caravan trade imports lists what is loaded)\n");
        } else {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"year", "covers", "exports", "imports", "turnover", "balance", "growth"});
            for (TradeFigures.SeriesPoint p : s.points()) {
                rows.add(new String[] {Integer.toString(p.year()), p.covers(), usd(p.exportsUsd()), usd(p.importsUsd()),
                    usd(p.turnoverUsd()), usd(p.balanceUsd()), pct(p.turnoverGrowthPct())});
            }
            TextOutput.table(sb, rows, new boolean[] {false, false, true, true, true, true, true});
        }
        sb.append("  basis: ").append(s.basis()).append('\n');
        List<PublishedFact> years = s.published().stream()
                .filter(f -> f.fullYear() && f.allGoods() && f.valueUsd() != null).toList();
        if (!years.isEmpty()) {
            sb.append("\nPublished figures (not store records), full years, all goods, USD:\n");
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"year", "side", "measure", "value", "reported by", "source"});
            for (PublishedFact f : years) {
                rows.add(new String[] {Integer.toString(f.year()), f.reporter() + "->" + f.partner(), f.measure(),
                    usd(f.valueUsd()), f.reportedBy(), shorten(f.source(), 60)});
            }
            TextOutput.table(sb, rows, new boolean[] {false, false, false, true, false, false});
        }
        if (!s.comparison().isEmpty()) {
            sb.append("\nPublished vs recorded in the store (gap = recorded - published):\n");
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"year", "side", "measure", "published", "recorded", "gap", "gap %", "figure"});
            for (TradeFigures.Comparison c : s.comparison()) {
                rows.add(new String[] {Integer.toString(c.year()), c.reporter() + "->" + c.partner(), c.measure(),
                    usd(c.publishedUsd()), usd(c.recordedUsd()), usd(c.gapUsd()), pct(c.gapPct()), c.factId()});
            }
            TextOutput.table(sb, rows, new boolean[] {false, false, false, true, true, true, true, false});
        }
        if (!s.published().isEmpty()) {
            sb.append('\n').append(facts(s.published()));
        }
        return sb.toString();
    }

    static String top(TradeFigures.TopProducts t) {
        StringBuilder sb = new StringBuilder();
        String what = t.level() == 2 ? "chapters" : t.level() == 4 ? "headings" : "subheadings";
        String whom = (t.flow().equals("X") ? "exports to " : "imports from ")
                + (t.partner() == null ? "the World" : t.partner().label());
        if (t.products().isEmpty()) {
            sb.append(String.format(Locale.ROOT, "%s %s, %d: no product records in the store%n", t.reporter().label(),
                    whom, t.year()));
        } else {
            sb.append(String.format(Locale.ROOT, "Top HS %s of %s %s, %d (%s): total USD %s%n", what,
                    t.reporter().label(), whom, t.year(), t.covers(), usd(t.totalUsd())));
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"HS", "product", "USD", "share", "tonnes", "cargo"});
            for (TradeFigures.Product p : t.products()) {
                rows.add(new String[] {p.code(), shorten(p.description(), 60), usd(p.valueUsd()), share(p.sharePct()),
                    tonnes(p.tonnes()), p.cargo()});
            }
            if (t.othersUsd() > 0.5) {
                rows.add(new String[] {"", "all others", usd(t.othersUsd()),
                    share(t.totalUsd() > 0 ? 100 * t.othersUsd() / t.totalUsd() : 0), "", ""});
            }
            TextOutput.table(sb, rows, new boolean[] {false, false, true, true, true, false});
        }
        sb.append("  basis: ").append(t.basis()).append('\n');
        if (!t.published().isEmpty()) {
            sb.append(String.format(Locale.ROOT, "%nPublished product figures (not store records), %s, %d:%n",
                    t.partner() == null ? (t.flow().equals("X") ? "exports" : "imports") + ", every partner" : whom,
                    t.year()));
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"partner", "covers", "product", "HS", "tonnes", "USD", "figure"});
            for (PublishedFact f : t.published()) {
                rows.add(new String[] {f.partner(), f.covers(), shorten(f.product(), 36), f.hs(), tonnes(f.quantity()),
                    usd(f.valueUsd()), f.id()});
            }
            TextOutput.table(sb, rows, new boolean[] {false, false, false, false, true, true, false});
            sb.append("  sources: caravan trade facts ").append(t.reporter().iso3())
                    .append(t.partner() == null ? "" : " " + t.partner().iso3()).append('\n');
        }
        return sb.toString();
    }

    static String partners(TradeFigures.Partners p, int limit) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Partners of %s, %s %d (%s): USD %s over %d partners%n",
                p.reporter().label(), p.flow().equals("X") ? "exports" : "imports", p.year(), p.covers(),
                usd(p.totalUsd()), p.partners().size()));
        if (p.worldUsd() != null) {
            sb.append(String.format(Locale.ROOT, "  reported total with the World: USD %s (the partners add up to "
                    + "%.1f%% of it)%n", usd(p.worldUsd()), p.worldUsd() > 0 ? 100 * p.totalUsd() / p.worldUsd() : 0));
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"partner", "", "USD", "share"});
        int n = 0;
        for (TradeFigures.PartnerShare s : p.partners()) {
            if (n++ == limit) break;
            rows.add(new String[] {s.partner().iso3(), s.partner().name(), usd(s.valueUsd()), share(s.sharePct())});
        }
        TextOutput.table(sb, rows, new boolean[] {false, false, true, true});
        if (p.partners().size() > limit) sb.append("  ... ").append(p.partners().size() - limit)
                .append(" more partners (--limit N)\n");
        sb.append(String.format(Locale.ROOT, "  Herfindahl–Hirschman index %,.0f (normalised %.3f): %s%n", p.hhi(),
                p.hhiNormalised(), p.concentration()));
        sb.append(String.format(Locale.ROOT, "  largest partner %.1f%%, top three %.1f%%%n", p.topSharePct(),
                p.top3SharePct()));
        sb.append("  basis: ").append(p.basis()).append('\n');
        return sb.toString();
    }

    static String mirror(TradeFigures.Mirror m) {
        StringBuilder sb = new StringBuilder();
        sb.append("Mirror statistics: ").append(m.a().label()).append(" and ").append(m.b().label()).append(", USD\n");
        if (m.rows().isEmpty()) {
            sb.append("  neither side has records of this trade in the store\n");
        } else {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"year", "direction", "exporter says", "importer says", "gap", "gap %"});
            for (TradeFigures.MirrorRow r : m.rows()) {
                rows.add(new String[] {Integer.toString(r.year()), r.exporter().iso3() + " -> " + r.importer().iso3(),
                    usd(r.exporterUsd()) + partial(r.exporterCovers()), usd(r.importerUsd()) + partial(r.importerCovers()),
                    usd(r.gapUsd()), pct(r.gapPct())});
            }
            TextOutput.table(sb, rows, new boolean[] {false, false, true, true, true, true});
        }
        sb.append("  basis: ").append(m.basis()).append('\n');
        return sb.toString();
    }

    private static String partial(String covers) {
        return covers == null || covers.startsWith("full year") ? "" : " (" + covers + ")";
    }

    static String odSummary(TradeDemand.Result d) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%d OD pairs, %,.0f t: %s%n", d.pairs().size(), d.tonnes(), d.basis()));
        for (TradeDemand.Unplaced u : d.unplaced()) {
            sb.append(String.format(Locale.ROOT, "  not written: %s %,.0f t (%s)%n", u.partner().label(), u.tonnes(),
                    u.reason()));
        }
        if (d.valueWithoutWeightUsd() > 0) {
            sb.append("  records without net weight (not in any pair): USD ").append(usd(d.valueWithoutWeightUsd()))
                    .append('\n');
        }
        return sb.toString();
    }

    static String transit(TradeDemand.Result d, TransitDependence.Result t) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Transit dependence of %s %s, %d: %,.0f t routed, %,.0f t with no "
                        + "route on the network, %,.0f t of partners without a hub (not routed)%n",
                d.reporter().label(), d.flow().equals("X") ? "exports" : "imports", d.year(),
                t.routedTonnes(), t.unroutedTonnes(), t.noHubTonnes()));
        if (d.fromPublished()) {
            sb.append("  demand from published figures (not Comtrade records): ").append(d.basis()).append('\n');
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"transit country", "", "tonnes", "share of routed"});
        for (TransitDependence.CountryShare c : t.transit()) {
            rows.add(new String[] {c.country(), c.name() == null ? "" : c.name(), tonnes(c.tonnes()),
                share(c.sharePct())});
        }
        if (t.transit().isEmpty()) rows.add(new String[] {"(none)", "", "", ""});
        TextOutput.table(sb, rows, new boolean[] {false, false, true, true});
        sb.append("\n  pairs:\n");
        for (TransitDependence.PairTransit p : t.pairs()) {
            OdPair od = p.od();
            sb.append(String.format(Locale.ROOT, "  %-14s -> %-18s %-9s %,12.0f t  %s%n", od.from(), od.to(),
                    od.cargo(), od.tonnes(), p.routed() ? (p.transit().isEmpty() ? "direct" : "via "
                            + String.join(", ", p.transit())) + String.format(Locale.ROOT, ", USD %.0f/t",
                            p.usdPerTonne()) : "no route: " + p.reason()));
        }
        for (TradeDemand.Unplaced u : d.unplaced()) {
            sb.append(String.format(Locale.ROOT, "  no hub, not routed: %s %,.0f t (%s)%n", u.partner().label(), u.tonnes(),
                    u.reason()));
        }
        sb.append("  basis: ").append(t.basis()).append('\n');
        return sb.toString();
    }

    private static String shorten(String s, int n) {
        return s == null ? "" : s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
