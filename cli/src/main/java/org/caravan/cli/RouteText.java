package org.caravan.cli;

import java.util.List;
import java.util.Locale;
import org.caravan.network.Confidence;
import org.caravan.network.LinkStatus;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.caravan.network.Node;
import org.caravan.routing.CrossingUse;
import org.caravan.routing.Leg;
import org.caravan.routing.Route;
import org.caravan.routing.RouteRequest;
import org.caravan.routing.RouteResult;
import org.caravan.routing.Totals;
import org.caravan.routing.Transshipment;

/** Human-readable route answer: a header, the leg table, crossings, transshipments and totals. */
final class RouteText {
    private RouteText() {}

    /**
     * Consecutive links in the same mode, gauge, country and status, as one row each: the table a person reads.
     * Crossings always stand alone.
     */
    static List<List<Leg>> runs(List<Leg> legs) {
        List<List<Leg>> out = new java.util.ArrayList<>();
        List<Leg> run = new java.util.ArrayList<>();
        for (Leg l : legs) {
            if (!run.isEmpty()) {
                Leg p = run.get(0);
                boolean same = l.mode() != Mode.CROSSING && p.mode() != Mode.CROSSING && l.mode() == p.mode()
                        && l.gauge() == p.gauge() && java.util.Objects.equals(l.country(), p.country())
                        && l.status() == p.status();
                if (!same) {
                    out.add(run);
                    run = new java.util.ArrayList<>();
                }
            }
            run.add(l);
        }
        if (!run.isEmpty()) out.add(run);
        return out;
    }

    static String format(Network network, RouteResult result) {
        return format(network, result, false);
    }

    static String format(Network network, RouteResult result, boolean detail) {
        StringBuilder sb = new StringBuilder();
        RouteRequest q = result.request();
        sb.append(place(network, q.from())).append(" -> ").append(place(network, q.to()));
        for (String v : q.via()) sb.append("  via ").append(place(network, v));
        sb.append('\n');
        sb.append("cargo ").append(q.cargo()).append(", objective ").append(q.objective().code());
        if (!q.avoidCountries().isEmpty()) sb.append(", avoiding ").append(String.join(",", q.avoidCountries()));
        if (!q.closedNodes().isEmpty() || !q.closedLinks().isEmpty()) {
            sb.append(", closed ").append(q.closedNodes().size() + q.closedLinks().size()).append(" item(s)");
        }
        if (q.includePlanned()) sb.append(", planned links allowed");
        sb.append("\n\n");
        if (!result.found()) {
            sb.append("No route. ").append(result.noRoute().message()).append('\n');
            return sb.toString();
        }
        Route r = result.route();
        sb.append(String.format(Locale.ROOT, "Shipment: %s x %s (%s t)%n", num(r.units(), 0), r.unit(),
                num(r.tonnes(), 1)));
        sb.append("Countries: ").append(String.join(" > ", r.countries())).append("\n\n");

        List<String[]> rows = new java.util.ArrayList<>();
        rows.add(new String[] {"#", "from", "to", "mode", "gauge", "km", "hours", "USD", "country", "note"});
        int i = 0;
        for (List<Leg> run : detail ? r.legs().stream().map(List::of).toList() : runs(r.legs())) {
            Leg first = run.get(0);
            Leg last = run.get(run.size() - 1);
            String mode = first.mode() == Mode.CROSSING ? "crossing/" + first.cargoMode().code()
                    : first.mode().code();
            double km = run.stream().mapToDouble(Leg::km).sum();
            double hours = run.stream().mapToDouble(Leg::hours).sum();
            double usd = run.stream().mapToDouble(Leg::usd).sum();
            StringBuilder note = new StringBuilder();
            if (first.status() != LinkStatus.OPERATIONAL) {
                note.append(first.status().code().replace('_', ' ').toUpperCase(Locale.ROOT));
            }
            long estimated = run.stream().filter(l -> l.confidence() == Confidence.ESTIMATED).count();
            if (estimated > 0) note.append(note.length() > 0 ? ", " : "").append("est.");
            if (run.size() > 1) note.append(note.length() > 0 ? ", " : "").append(run.size()).append(" links");
            rows.add(new String[] {Integer.toString(++i), first.fromName(), last.toName(), mode,
                first.gauge() == null ? "" : first.gauge().code(), num(km, 0), num(hours, 1), num(usd, 0),
                country(network, first), note.toString()});
        }
        table(sb, rows, new boolean[] {true, false, false, false, true, true, true, true, false, false});

        sb.append("\nBorder crossings\n");
        if (r.crossings().isEmpty()) sb.append("  none\n");
        for (CrossingUse c : r.crossings()) {
            sb.append(String.format(Locale.ROOT, "  %-28s %s->%s  %-5s %6s h (p90 %s h)  USD %s%n", c.name(),
                    c.fromCountry(), c.toCountry(), c.cargoMode().code(), num(c.hours(), 1), num(c.p90Hours(), 1),
                    num(c.usd(), 0)));
        }
        sb.append("\nTransshipments\n");
        if (r.transshipments().isEmpty()) sb.append("  none\n");
        for (Transshipment t : r.transshipments()) {
            String what = t.reason().startsWith("gauge") ? t.reason()
                    : t.fromMode().code() + " -> " + t.toMode().code();
            sb.append(String.format(Locale.ROOT, "  %-28s %-24s %6s h  USD %s%n", t.atName(), what,
                    num(t.hours(), 1), num(t.usd(), 0)));
        }
        Totals t = r.totals();
        sb.append(String.format(Locale.ROOT, "%nTotals: %s km, %s h (%s days), USD %s, %s kg CO2%n", num(t.km(), 0),
                num(t.hours(), 1), num(t.hours() / 24, 1), num(t.usd(), 0), num(t.co2Kg(), 0)));
        sb.append(String.format(Locale.ROOT, "Generalized cost (USD + value of time): %s%n",
                num(t.generalizedUsd(), 0)));
        long est = r.legs().stream().filter(l -> l.confidence() == Confidence.ESTIMATED).count();
        sb.append(String.format(Locale.ROOT, "Data: %d of %d legs rest on estimated figures (see docs/DATA.md).%n",
                est, r.legs().size()));
        if (r.usesNonOperational()) {
            sb.append("WARNING: this route uses links that are planned or under construction.\n");
        }
        return sb.toString();
    }

    private static String country(Network network, Leg leg) {
        if (leg.mode() == Mode.CROSSING) {
            return network.node(leg.from()).map(Node::country).orElse("?") + ">"
                    + network.node(leg.to()).map(Node::country).orElse("?");
        }
        return leg.country() == null ? "sea" : leg.country();
    }

    private static String place(Network network, String id) {
        Node n = network.node(id).orElse(null);
        return n == null ? id : n.name() + " (" + n.id() + ", " + n.country() + ")";
    }

    static String num(double v, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    private static void table(StringBuilder sb, List<String[]> rows, boolean[] right) {
        int cols = rows.get(0).length;
        int[] w = new int[cols];
        for (String[] row : rows) for (int c = 0; c < cols; c++) w[c] = Math.max(w[c], row[c].length());
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(" ");
            for (int c = 0; c < cols; c++) {
                String cell = row[c];
                String pad = " ".repeat(w[c] - cell.length());
                line.append(' ').append(right[c] ? pad + cell : cell + pad).append(' ');
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
