package org.caravan.cli;

import java.util.List;
import java.util.Locale;
import org.caravan.network.Confidence;
import org.caravan.network.LinkStatus;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.caravan.network.Node;
import org.caravan.routing.CountryExposure;
import org.caravan.routing.CrossingUse;
import org.caravan.routing.NoRoute;
import org.caravan.routing.Plan;
import org.caravan.routing.Restriction;
import org.caravan.routing.RestrictionEffect;
import org.caravan.country.Countries;
import org.caravan.place.RouteQuery;
import org.caravan.report.RouteJson;
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

    static String format(Network network, RouteResult result, boolean detail) {
        return format(network, result.request(), result.found() ? List.of(result.route()) : List.of(),
                result.noRoute(), null, detail);
    }

    /** One route in full, or several side by side followed by the first in full. */
    static String format(Network network, RouteRequest q, List<Route> routes, NoRoute noRoute, String note,
            boolean detail) {
        return format(network, new Plan(q, routes, noRoute, note, false, List.of()), null, detail);
    }

    /**
     * A plan: the header (places, cargo, objective, and every restriction in force by name, saying which changed
     * nothing), then the routes. {@code asked} is the question as typed, for penalties in the user's notation (may
     * be null).
     */
    static String format(Network network, Plan plan, RouteQuery asked, boolean detail) {
        RouteRequest q = plan.request();
        List<Route> routes = plan.routes();
        NoRoute noRoute = plan.noRoute();
        String note = plan.note();
        StringBuilder sb = new StringBuilder();
        sb.append(place(network, q.from())).append(" -> ").append(place(network, q.to()));
        for (String v : q.via()) sb.append("  via ").append(place(network, v));
        sb.append('\n');
        sb.append("cargo ").append(q.cargoProfile());
        if (!q.railService().equals("regular")) sb.append(", rail service ").append(q.railService());
        if (q.tonnes() != null) sb.append(", ").append(num(q.tonnes(), q.tonnes() < 10 ? 1 : 0)).append(" t");
        sb.append(", objective ").append(q.objective().code());
        if (q.includePlanned()) sb.append(", planned links allowed");
        sb.append("\n");
        restrictions(sb, network, plan, asked);
        // the core words the hint neutrally; on the command line the option that shows every route is named
        if (note != null) sb.append(note.replace("a tolerance of 0 shows them all",
                "--pareto-tolerance 0 shows them all")).append('\n');
        if (note != null) sb.append(note).append('\n');
        sb.append('\n');
        if (routes.isEmpty()) {
            sb.append("No route. ").append(noRoute == null ? "" : noRoute.message(RouteOptions::word)).append('\n');
            return sb.toString();
        }
        if (routes.size() > 1) {
            comparison(sb, routes);
            sb.append("\nRoute 1 in detail\n\n");
        }
        route(sb, network, routes.get(0), detail);
        return sb.toString();
    }

    /** The routes side by side: what a decision table needs. */
    /** One line per restriction in force, with names and codes, and what it did. */
    static void restrictions(StringBuilder sb, Network network, Plan plan, RouteQuery asked) {
        RouteRequest q = plan.request();
        List<RestrictionEffect> effects = plan.effects();
        if (effects.isEmpty()) effects = q.restrictions().stream().map(r -> new RestrictionEffect(r, null, List.of()))
                .toList();
        if (effects.isEmpty()) return;
        Countries countries = Countries.embedded();
        List<String[]> rows = new java.util.ArrayList<>();
        for (RestrictionEffect e : effects) {
            Restriction r = e.restriction();
            String what = switch (r.kind()) {
                case AVOID -> "avoid " + String.join(", ", r.values().stream().map(countries::label).toList());
                case MAX_RISK -> "max risk " + r.values().get(0) + (e.countries().isEmpty()
                        ? " (no country of the network exceeds it)"
                        : ": excludes " + String.join(", ", e.countries().stream().map(countries::label).toList()));
                case CLOSE -> "closed " + String.join(", ", r.values().stream().map(id -> closedLabel(network, id))
                        .toList());
                case AVOID_PASSAGE -> "avoid sea passage " + String.join(", ", r.values());
                case MODES -> "modes " + String.join(", ", r.values());
                case VIA -> "via " + String.join(", ", r.values().stream().map(id -> RouteJson.name(network, id))
                        .toList());
                case PENALTY -> "penalty " + penaltyLabel(r.values().get(0), asked, countries);
                case OPERATIONAL_ONLY -> "operational links only";
            };
            String effect = e.changedRoute() == null ? "" : e.changedRoute() ? "changed the route"
                    : "changed nothing (the best route is the same without it)";
            rows.add(new String[] {what, effect});
        }
        sb.append("restrictions:\n");
        for (String[] row : rows) {
            sb.append("  ").append(row[0]);
            if (!row[1].isEmpty()) sb.append("  [").append(row[1]).append(']');
            sb.append('\n');
        }
    }

    private static String closedLabel(Network network, String id) {
        var link = network.link(id);
        if (link.isPresent()) {
            String name = link.get().name().isBlank() ? "" : " " + link.get().name();
            var passage = org.caravan.network.Passages.embedded().ofLink(id);
            if (passage.isPresent()) return id + name + " (sea passage " + passage.get().name() + ")";
            return id + name + (link.get().isCrossing() ? " (crossing)" : " (link)");
        }
        return id + network.node(id).map(n -> " " + n.name()).orElse("") + " (place)";
    }

    /** "IR=800" as the user wrote it ("Iran=800 (IR)"), else with the country's name. */
    private static String penaltyLabel(String value, RouteQuery asked, Countries countries) {
        String cc = value.substring(0, value.indexOf('='));
        String usd = value.substring(value.indexOf('=') + 1);
        if (asked != null) {
            for (var e : asked.penalties().entrySet()) {
                var c = countries.find(e.getKey());
                if (c.isPresent() && c.get().alpha2().equals(cc)) {
                    String typed = e.getKey() + "=" + usd;
                    return e.getKey().equalsIgnoreCase(cc) ? countries.label(cc) + " " + usd + " USD per cargo unit"
                            : typed + " (" + cc + ") USD per cargo unit";
                }
            }
        }
        return countries.label(cc) + " " + usd + " USD per cargo unit";
    }

    private static void comparison(StringBuilder sb, List<Route> routes) {
        List<String[]> rows = new java.util.ArrayList<>();
        rows.add(new String[] {"#", "countries", "crossings", "modes", "km", "days", "p90 days", "USD", "t CO2",
            "risk", "worst"});
        int i = 0;
        for (Route r : routes) {
            java.util.Set<String> modes = new java.util.TreeSet<>();
            r.legs().forEach(l -> modes.add(l.cargoMode().code()));
            rows.add(new String[] {Integer.toString(++i), String.join(">", r.countries()),
                String.join(", ", r.crossingNames()), String.join("+", modes), num(r.totals().km(), 0),
                num(r.totals().hours() / 24, 1),
                r.reliability() == null ? "" : num(r.reliability().p90Hours() / 24, 1), num(r.totals().usd(), 0),
                num(r.totals().co2Kg() / 1000, 2), num(r.risk().score(), 2), r.risk().maxClass()});
        }
        TextOutput.table(sb, rows, new boolean[] {true, false, false, false, true, true, true, true, true, true, false});
    }

    private static void route(StringBuilder sb, Network network, Route r, boolean detail) {
        sb.append(String.format(Locale.ROOT, "Shipment: %s x %s (%s t)%n", num(r.units(), 0), r.unit(),
                num(r.tonnes(), 1)));
        sb.append("Countries: ").append(String.join(" > ", r.countries())).append("\n\n");

        List<String[]> legRows = new java.util.ArrayList<>();
        legRows.add(new String[] {"#", "from", "to", "mode", "gauge", "km", "hours", "USD", "country", "note"});
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
            // a place off the modelled corridors is reached by an estimated access leg (docs/DATA.md): say so
            double accessKm = run.stream().filter(l -> network.link(l.linkId())
                    .map(k -> k.name().startsWith("access ")).orElse(false)).mapToDouble(Leg::km).sum();
            if (accessKm > 0) {
                note.append(note.length() > 0 ? ", " : "").append(run.size() > 1
                        ? "incl. access leg " + num(accessKm, 0) + " km" : "access leg");
            }
            legRows.add(new String[] {Integer.toString(++i), first.fromName(), last.toName(), mode,
                first.gauge() == null ? "" : first.gauge().code(), num(km, 0), num(hours, 1), num(usd, 0),
                country(network, first), note.toString()});
        }
        TextOutput.table(sb, legRows, new boolean[] {true, false, false, false, true, true, true, true, false, false});

        sb.append("\nBorder crossings\n");
        if (r.crossings().isEmpty()) sb.append("  none\n");
        for (CrossingUse c : r.crossings()) {
            sb.append(String.format(Locale.ROOT, "  %-28s %s->%s  %-5s %6s h (p90 %s h)  USD %s%n", c.name(),
                    c.fromCountry(), c.toCountry(), c.cargoMode().code(), num(c.hours(), 1), num(c.p90Hours(), 1),
                    num(c.usd(), 0)));
        }
        sb.append("\nSea passages\n");
        sb.append(r.passages().isEmpty() ? "  none\n" : "  " + String.join(", ", r.passages()) + "\n");
        for (org.caravan.routing.TimeStep step : r.timeline()) {
            if (step.gate() != null && !step.gate().closedMonths().isEmpty()
                    && step.kind() == org.caravan.routing.TimeStep.Kind.SERVICE_WAIT) {
                sb.append(String.format(Locale.ROOT, "  seasonal restriction: %s; %s%n", step.name(),
                        r.departure() == null ? String.format(Locale.ROOT, "without --depart its expected wait over "
                                + "the year (%s h) is counted; give --depart to time a trip in the open season",
                                num(step.hours(), 1)) : step.hours() > 0 ? String.format(Locale.ROOT, "waited %s h from the departure",
                                num(step.hours(), 1)) : "open at the time the route gets there"));
            }
        }
        // A regular rail service between countries (cost model rail_services): its departure wait, once per route.
        boolean railService = false;
        for (org.caravan.routing.TimeStep step : r.timeline()) {
            if (step.afterSearch() && step.kind() == org.caravan.routing.TimeStep.Kind.SERVICE_WAIT) {
                if (!railService) sb.append("\nRail services\n");
                railService = true;
                sb.append(String.format(Locale.ROOT, "  %s: %s h %s%n", step.name(), num(step.hours(), 1),
                        r.departure() == null ? "expected wait (rail_services, docs/COSTS.md)"
                                : "waited from the departure"));
                sb.append(String.format(Locale.ROOT, "    source (%s, %s): %s%n", step.railService().confidence(),
                        step.railService().date(), step.railService().source()));
            }
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
        sb.append(String.format(Locale.ROOT, "%nTotals: %s km, %s h (%s days), USD %s, %s kg CO2e well-to-wheel "
                + "(%s tank-to-wheel, %s at hubs)%n", num(t.km(), 0), num(t.hours(), 1), num(t.hours() / 24, 1),
                num(t.usd(), 0), num(t.co2Kg(), 0), num(t.co2TtwKg(), 0), num(t.co2HubKg(), 0)));
        if (r.departure() != null) {
            sb.append(String.format(Locale.ROOT, "Timed from departure %s (local time at the origin): arrives %s "
                    + "(local time at the destination)%n", r.departure(), r.arrival()));
        }
        sb.append(timeBreakdown(r));
        sb.append(costBreakdown(r));
        sb.append(String.format(Locale.ROOT, "Generalized cost (USD + value of time%s): %s%n",
                t.penaltyUsd() > 0 ? " + penalties" : "", num(t.generalizedUsd(), 0)));
        if (t.penaltyUsd() > 0) {
            sb.append(String.format(Locale.ROOT, "Penalties asked for (a preference, not money): USD %s%n",
                    num(t.penaltyUsd(), 0)));
        }
        long est = r.legs().stream().filter(l -> l.confidence() == Confidence.ESTIMATED).count();
        sb.append(String.format(Locale.ROOT, "Data: %d of %d legs rest on estimated figures (see docs/DATA.md).%n",
                est, r.legs().size()));
        sb.append(String.format(Locale.ROOT, "Risk: %.2f (worst class %s; km share low %.0f%%, medium %.0f%%, "
                + "high %.0f%%, severe %.0f%%)%n", r.risk().score(), r.risk().maxClass(),
                100 * r.risk().kmShareByClass().getOrDefault("low", 0.0),
                100 * r.risk().kmShareByClass().getOrDefault("medium", 0.0),
                100 * r.risk().kmShareByClass().getOrDefault("high", 0.0),
                100 * r.risk().kmShareByClass().getOrDefault("severe", 0.0)));
        if (r.reliability() != null) {
            var rel = r.reliability();
            sb.append(String.format(Locale.ROOT, "Reliability: p50 %s h (%s days), p90 %s h (%s days), p95 %s h "
                    + "(%,d Monte Carlo samples, seed %d)%n", num(rel.p50Hours(), 0), num(rel.p50Hours() / 24, 1),
                    num(rel.p90Hours(), 0), num(rel.p90Hours() / 24, 1), num(rel.p95Hours(), 0), rel.samples(),
                    rel.seed()));
        }
        sb.append("\nExposure by country\n");
        List<String[]> rows = new java.util.ArrayList<>();
        rows.add(new String[] {"country", "km", "hours", "USD", "risk", "class"});
        for (CountryExposure e : r.exposure()) {
            rows.add(new String[] {e.country().equals("XX") ? "sea (XX)" : e.name() + " (" + e.country() + ")",
                num(e.km(), 0), num(e.hours(), 1), num(e.usd(), 0), num(e.riskScore(), 2), e.riskClass()});
        }
        TextOutput.table(sb, rows, new boolean[] {false, true, true, true, true, false});
        if (r.usesNonOperational()) {
            sb.append("WARNING: this route uses links that are planned or under construction.\n");
        }
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


    /** Money by component (haul per mode and country, border fees, handling), from the core's breakdown. */
    static String costBreakdown(Route r) {
        List<org.caravan.routing.CostBreakdown> parts = org.caravan.routing.CostBreakdown.of(r);
        if (parts.isEmpty()) return "";
        StringBuilder b = new StringBuilder("Cost by component:");
        for (var c : parts) b.append(String.format(Locale.ROOT, " %s USD %s;", c.component(), num(c.usd(), 0)));
        b.setLength(b.length() - 1);
        return b.append('\n').toString();
    }

    /** Door-to-door time by kind of component (running, dwell, waits for departures, borders, handling). */
    static String timeBreakdown(Route r) {
        java.util.Map<String, Double> byKind = new java.util.LinkedHashMap<>();
        for (org.caravan.routing.TimeStep s : r.timeline()) {
            byKind.merge(s.kind().code().replace('_', ' '), s.hours(), Double::sum);
        }
        if (byKind.isEmpty()) return "";
        StringBuilder b = new StringBuilder("Time by component:");
        byKind.forEach((k, v) -> b.append(String.format(Locale.ROOT, " %s %s h;", k, num(v, 1))));
        b.setLength(b.length() - 1);
        return b.append('\n').toString();
    }
}
