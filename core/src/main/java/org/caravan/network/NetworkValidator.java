package org.caravan.network;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.caravan.geo.CountryShapes;

/**
 * The semantic rules of {@code docs/NETWORK-FORMAT.md} that a single field's parser cannot see: uniqueness,
 * references, ranges, and rules that combine fields or look at both ends of a link. Problems are reported per
 * record in the order records were added; {@link NetworkBuilder} orders them across files.
 *
 * <p>Records that failed to parse ({@link Located#parsed()} false) only take part in the id checks: their
 * parse problems already say what is wrong, and judging placeholders would only add noise.
 */
final class NetworkValidator {
    /** Ports and border posts may legitimately sit on a coast or border line that 1:50m shapes move a bit. */
    static final double TOLERANCE_BORDER_DEGREES = 0.3;
    static final double TOLERANCE_DEFAULT_DEGREES = 0.05;

    private static final Set<NodeKind> BORDERLINE_KINDS =
            EnumSet.of(NodeKind.BORDER_POST, NodeKind.SEAPORT, NodeKind.DRY_PORT);
    private static final Set<NodeKind> CROSSING_END_KINDS = BORDERLINE_KINDS;
    private static final Set<NodeKind> SEA_END_KINDS = EnumSet.of(NodeKind.SEAPORT, NodeKind.SEA_WAYPOINT);
    private static final Set<Mode> CROSSING_CARRIES = EnumSet.of(Mode.RAIL, Mode.ROAD);
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private final CountryShapes shapes;
    private final boolean curation;

    NetworkValidator(CountryShapes shapes, boolean curation) {
        this.shapes = shapes;
        this.curation = curation;
    }

    List<Problem> validate(List<Located<Node>> nodes, List<Located<Link>> links) {
        List<Problem> out = new ArrayList<>();
        Map<String, Located<Node>> nodesById = new HashMap<>();
        Map<String, Located<Node>> nodesByKey = new HashMap<>();
        for (Located<Node> ln : nodes) {
            Located<Node> prev = nodesByKey.putIfAbsent(key(ln.id()), ln);
            if (prev != null) out.add(problem(ln, "id", duplicate("node", ln, prev)));
            nodesById.putIfAbsent(ln.id(), ln);
            if (ln.parsed()) checkNode(ln, out);
        }
        Map<String, Located<Link>> linksByKey = new HashMap<>();
        for (Located<Link> ll : links) {
            Located<Link> prev = linksByKey.putIfAbsent(key(ll.id()), ll);
            if (prev != null) out.add(problem(ll, "id", duplicate("link", ll, prev)));
            if (ll.parsed()) checkLink(ll, nodesById, nodesByKey, out);
        }
        return out;
    }

    /** Place lookup and closures ignore case, so ids must be unique ignoring case too. */
    private static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }

    private static String duplicate(String what, Located<?> again, Located<?> first) {
        String sameCase = again.id().equals(first.id()) ? ""
                : " as '" + first.id() + "': ids must differ in more than case, since lookups ignore case";
        return "duplicate " + what + " id '" + again.id() + "'" + sameCase + " (first defined at " + first.file()
                + ", " + first.location() + ")";
    }

    private void checkNode(Located<Node> ln, List<Problem> out) {
        Node n = ln.value();
        boolean lonOk = Double.isFinite(n.lon()) && Math.abs(n.lon()) <= 180;
        boolean latOk = Double.isFinite(n.lat()) && Math.abs(n.lat()) <= 90;
        if (!lonOk) out.add(problem(ln, "lon", "longitude must be a number in -180..180, got " + n.lon()));
        if (!latOk) out.add(problem(ln, "lat", "latitude must be a number in -90..90, got " + n.lat()));
        if (!COUNTRY.matcher(n.country()).matches()) {
            out.add(problem(ln, "country", "country must be an ISO 3166-1 alpha-2 code such as KZ, got '"
                    + n.country() + "'"));
            return;
        }
        // Sea waypoints lie in international waters; countries without shapes cannot be checked.
        if (!lonOk || !latOk || n.kind() == NodeKind.SEA_WAYPOINT || !shapes.covers(n.country())) return;
        double tolerance = BORDERLINE_KINDS.contains(n.kind()) ? TOLERANCE_BORDER_DEGREES : TOLERANCE_DEFAULT_DEGREES;
        if (!shapes.isWithin(n.country(), n.lon(), n.lat(), tolerance)) {
            String actual = shapes.countryAt(n.lon(), n.lat())
                    .map(c -> "it lies in " + c.name() + (c.iso2().isEmpty() ? "" : " (" + c.iso2() + ")"))
                    .orElse("it lies in no country of the map (sea, or outside the shapes' extent)");
            out.add(problem(ln, "country", "coordinates (" + n.lon() + ", " + n.lat() + ") are not in "
                    + n.country() + " (tolerance " + tolerance + "°); " + actual));
        }
    }

    private void checkLink(Located<Link> ll, Map<String, Located<Node>> nodesById,
                           Map<String, Located<Node>> nodesByKey, List<Problem> out) {
        Link l = ll.value();
        Located<Node> from = nodesById.get(l.from());
        Located<Node> to = nodesById.get(l.to());
        if (from == null) out.add(problem(ll, "from", unknownNode(l.from(), nodesByKey)));
        if (to == null) out.add(problem(ll, "to", unknownNode(l.to(), nodesByKey)));
        if (l.from().equals(l.to())) out.add(problem(ll, "to", "a link cannot join node '" + l.from() + "' to itself"));

        range(ll, "km", l.km(), Limits.KM, out);
        if (l.hours().isPresent()) range(ll, "hours", l.hours().getAsDouble(), Limits.HOURS, out);
        range(ll, "wait_hours", l.waitHours(), Limits.HOURS, out);
        if (l.capacityTonnesPerDay().isPresent()) {
            range(ll, "capacity_tpd", l.capacityTonnesPerDay().getAsDouble(), Limits.CAPACITY_TPD, out);
        }

        switch (l.mode()) {
            case RAIL -> {
                if (l.gauges().size() != 1) {
                    out.add(problem(ll, "gauge", "a rail link needs exactly one gauge, got "
                            + (l.gauges().isEmpty() ? "none" : codes(l.gauges()))));
                }
            }
            case ROAD, SEA, FERRY -> {
                if (!l.gauges().isEmpty()) {
                    out.add(problem(ll, "gauge", "a " + l.mode().code() + " link has no gauge, got " + codes(l.gauges())));
                }
            }
            case CROSSING -> checkCrossing(ll, out);
        }
        if (!curation) return;
        if (l.mode() != Mode.CROSSING && !l.carries().equals(Set.of(l.mode()))) {
            out.add(problem(ll, "carries", "only a crossing carries other modes: a " + l.mode().code()
                    + " link carries " + l.mode().code() + ", got " + codes(l.carries())));
        }

        if (from == null || to == null || !from.parsed() || !to.parsed()) return;
        Node a = from.value();
        Node b = to.value();
        switch (l.mode()) {
            case CROSSING -> {
                if (a.country().equals(b.country())) {
                    out.add(problem(ll, "to", "a crossing joins nodes in two different countries, but '" + a.id()
                            + "' and '" + b.id() + "' are both in " + a.country()));
                }
                endKinds(ll, a, b, CROSSING_END_KINDS, "a crossing", out);
            }
            case SEA, FERRY -> endKinds(ll, a, b, SEA_END_KINDS, "a " + l.mode().code() + " link", out);
            case RAIL, ROAD -> {
                if (!a.country().equals(b.country())) {
                    out.add(problem(ll, "to", "a " + l.mode().code() + " link joins '" + a.id() + "' (" + a.country()
                            + ") and '" + b.id() + "' (" + b.country() + "): borders are passed only by crossing links"));
                }
            }
        }
    }

    private void checkCrossing(Located<Link> ll, List<Problem> out) {
        Link l = ll.value();
        // CrossingTimes itself guarantees 0 <= mean <= p90; only their absence is left to check here.
        if (l.forward() == null) {
            out.add(problem(ll, "hours_mean", "a crossing needs hours_mean, hours_p90 and fee_usd"));
        }
        if (!curation) return;
        if (l.carries().isEmpty()) {
            out.add(problem(ll, "carries", "a crossing must say what it carries: road, rail or road;rail"));
        } else if (!CROSSING_CARRIES.containsAll(l.carries())) {
            out.add(problem(ll, "carries", "a crossing carries only road and rail, got " + codes(l.carries())));
        }
        if (l.carries().contains(Mode.RAIL) && l.gauges().isEmpty()) {
            out.add(problem(ll, "gauge", "a crossing that carries rail needs the gauges that may cross"));
        }
        if (!l.carries().contains(Mode.RAIL) && !l.gauges().isEmpty()) {
            out.add(problem(ll, "gauge", "a crossing that does not carry rail has no gauge, got " + codes(l.gauges())));
        }
    }

    private static String unknownNode(String id, Map<String, Located<Node>> nodesByKey) {
        Located<Node> other = nodesByKey.get(key(id));
        return "unknown node '" + id + "'" + (other == null ? "" : " (ids are exact: did you mean '" + other.id() + "'?)");
    }

    private static void range(Located<?> where, String field, double v, Limits.Range range, List<Problem> out) {
        range.problem(v).ifPresent(m -> out.add(problem(where, field, m)));
    }

    private static void endKinds(Located<Link> ll, Node a, Node b, Set<NodeKind> allowed, String what,
                                 List<Problem> out) {
        String expected = allowed.stream().map(NodeKind::code).collect(Collectors.joining(" or "));
        if (!allowed.contains(a.kind())) {
            out.add(problem(ll, "from", what + " must start at a " + expected + " node, but '" + a.id()
                    + "' is a " + a.kind().code()));
        }
        if (!allowed.contains(b.kind())) {
            out.add(problem(ll, "to", what + " must end at a " + expected + " node, but '" + b.id()
                    + "' is a " + b.kind().code()));
        }
    }

    private static String codes(Set<?> values) {
        return values.stream().map(v -> v instanceof Gauge g ? g.code() : v instanceof Mode m ? m.code() : v.toString())
                .sorted().collect(Collectors.joining(";"));
    }

    private static Problem problem(Located<?> where, String field, String message) {
        return new Problem(where.file(), where.location(), field, message);
    }
}
