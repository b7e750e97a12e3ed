package org.caravan.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.caravan.network.Mode;
import org.caravan.place.PlaceIndex;
import org.caravan.routing.InvalidRequestException;
import org.caravan.routing.Leg;
import org.caravan.routing.Route;
import org.caravan.routing.RouteRequest;
import org.caravan.routing.RouteResult;
import org.caravan.routing.Router;

/**
 * Compares Caravan's answers with published observations.
 *
 * <p>The rule (docs/OBSERVATIONS.md): a Caravan value {@code v} is <em>in range</em> when
 * {@code (1 − 0.2) × low ≤ v ≤ (1 + 0.2) × high}, i.e. within ±20 % of the published range; the ratio is
 * {@code v ÷ √(low × high)}, the geometric middle of the range (the figure itself when low = high). A bound ("at
 * least low", "at most high") is in range on its stated side, and the ratio is taken against the bound; a row of
 * scope {@code crossing} compares only the route's border crossings ({@link Observation#valueOf}). A row whose
 * place is not in the network, that has no route, or whose options cannot be used is reported with that status
 * and left out of the shares and ratios (but counted).
 */
public final class Validator {
    /** The tolerance band around the published range: ±20 %. */
    public static final double TOLERANCE = 0.20;

    /** Targets of issue 13: share of rows within the band, by kind of figure. */
    public static final Map<Quantity.Family, Double> SHARE_TARGETS = Map.of(
            Quantity.Family.DISTANCE, 0.85, Quantity.Family.TIME, 0.75, Quantity.Family.COST, 0.70);
    /** Targets of issue 13: the median ratio per mode for time and cost lies in this interval. */
    public static final double MEDIAN_LOW = 0.8;
    public static final double MEDIAN_HIGH = 1.25;

    private static final List<Mode> MODE_ORDER = List.of(Mode.ROAD, Mode.RAIL, Mode.FERRY, Mode.SEA);

    private final Router router;
    private final PlaceIndex places;

    public Validator(Router router) {
        this.router = router;
        this.places = new PlaceIndex(router.network());
    }

    /** An observation with its question resolved against the network, or the reason it cannot be asked. */
    public record Prepared(Observation observation, RouteRequest request, RowResult.Status status, String message) {
        public boolean askable() { return request != null; }
    }

    /** Resolves every observation's question once (names to ids, options checked). */
    public List<Prepared> prepare(List<Observation> observations) {
        List<Prepared> out = new ArrayList<>();
        for (Observation o : observations) {
            try {
                RouteRequest r = o.query().resolve(router.network(), router.costModel(), places);
                out.add(new Prepared(o, r, RowResult.Status.OK, ""));
            } catch (InvalidRequestException e) {
                boolean place = Set.of("from", "to", "via", "close").contains(e.field())
                        && e.getMessage().startsWith("unknown");
                out.add(new Prepared(o, null, place ? RowResult.Status.PLACE_NOT_IN_NETWORK
                        : RowResult.Status.BAD_OPTIONS, e.field() + ": " + e.getMessage()));
            }
        }
        return out;
    }

    /** Every observation next to Caravan's answer, with the summaries. */
    public ValidationReport validate(String file, List<Observation> observations) {
        List<RowResult> rows = new ArrayList<>();
        for (Prepared p : prepare(observations)) rows.add(evaluate(router, p));
        return report(file, rows);
    }

    /** One prepared observation answered by {@code router} (which may carry another cost model). */
    public static RowResult evaluate(Router router, Prepared p) {
        Observation o = p.observation();
        if (!p.askable()) return new RowResult(o, p.status(), p.message(), null, null, null, "");
        RouteResult res = router.route(p.request());
        if (!res.found()) {
            return new RowResult(o, RowResult.Status.NO_ROUTE, res.noRoute() == null ? "no route"
                    : res.noRoute().message(), null, null, null, "");
        }
        Route route = res.route();
        double v = o.valueOf(route);
        return new RowResult(o, RowResult.Status.OK, "", v, v / o.reference(), o.inRange(v), modes(route));
    }

    /** The rule: within ±{@link #TOLERANCE} of the published range. */
    public static boolean inBand(double v, double low, double high) {
        return v >= (1 - TOLERANCE) * low - 1e-9 && v <= (1 + TOLERANCE) * high + 1e-9;
    }

    /** The modes the cargo travels in, in a fixed order: "road+rail+ferry". */
    public static String modes(Route route) {
        Set<Mode> used = new LinkedHashSet<>();
        for (Leg l : route.legs()) if (l.cargoMode() != null && l.cargoMode().isCarrier()) used.add(l.cargoMode());
        List<String> out = new ArrayList<>();
        for (Mode m : MODE_ORDER) if (used.contains(m)) out.add(m.code());
        return String.join("+", out);
    }

    /** Summaries and targets over answered rows. */
    public static ValidationReport report(String file, List<RowResult> rows) {
        List<Summary> byQuantity = group(rows, r -> r.observation().quantity().code(),
                Arrays.stream(Quantity.values()).map(Quantity::code).toList());
        List<String> families = Arrays.stream(Quantity.Family.values()).map(Quantity.Family::code).toList();
        List<Summary> byFamily = group(rows, r -> r.observation().quantity().family().code(), families);
        List<Summary> byFamilyMode = group(rows.stream().filter(RowResult::evaluated).toList(),
                r -> r.observation().quantity().family().code() + " / " + r.modes(), null);
        byFamilyMode = new ArrayList<>(byFamilyMode);
        byFamilyMode.sort((a, b) -> {
            int fa = families.indexOf(a.group().substring(0, a.group().indexOf(" /")));
            int fb = families.indexOf(b.group().substring(0, b.group().indexOf(" /")));
            return fa != fb ? Integer.compare(fa, fb) : a.group().compareTo(b.group());
        });
        List<Summary> byCorridor = group(rows, r -> r.observation().corridor().isEmpty() ? "(none)"
                : r.observation().corridor(), null);
        return new ValidationReport(file, List.copyOf(rows), byQuantity, byFamily, List.copyOf(byFamilyMode),
                byCorridor, targets(byFamily, byFamilyMode));
    }

    private static List<TargetCheck> targets(List<Summary> byFamily, List<Summary> byFamilyMode) {
        List<TargetCheck> out = new ArrayList<>();
        for (Quantity.Family f : List.of(Quantity.Family.DISTANCE, Quantity.Family.TIME, Quantity.Family.COST)) {
            double target = SHARE_TARGETS.get(f);
            Summary s = byFamily.stream().filter(x -> x.group().equals(f.code())).findFirst().orElse(null);
            Double share = s == null ? null : s.shareInRange();
            out.add(new TargetCheck(f.code() + " within ±20 %", "≥ " + pct(target),
                    share == null ? "no data" : pct(share) + " (" + s.inRange() + " of " + s.evaluated() + ")",
                    share == null ? null : share >= target - 1e-9));
        }
        for (Summary s : byFamilyMode) {
            if (!(s.group().startsWith("time /") || s.group().startsWith("cost /"))) continue;
            Double m = s.medianRatio();
            out.add(new TargetCheck("median ratio, " + s.group(), "0.8–1.25",
                    m == null ? "no data" : String.format(Locale.ROOT, "%.2f (%d rows)", m, s.evaluated()),
                    m == null ? null : m >= MEDIAN_LOW && m <= MEDIAN_HIGH));
        }
        return List.copyOf(out);
    }

    /** Groups rows by key; {@code order} fixes the order and keeps empty groups out (null: sorted by key). */
    private static List<Summary> group(List<RowResult> rows, Function<RowResult, String> key, List<String> order) {
        Map<String, List<RowResult>> groups = order == null ? new TreeMap<>() : new LinkedHashMap<>();
        if (order != null) for (String k : order) groups.put(k, new ArrayList<>());
        for (RowResult r : rows) groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r);
        List<Summary> out = new ArrayList<>();
        for (Map.Entry<String, List<RowResult>> e : groups.entrySet()) {
            if (!e.getValue().isEmpty()) out.add(summarise(e.getKey(), e.getValue()));
        }
        return List.copyOf(out);
    }

    static Summary summarise(String group, List<RowResult> rows) {
        List<Double> ratios = new ArrayList<>();
        int in = 0;
        for (RowResult r : rows) {
            if (!r.evaluated()) continue;
            ratios.add(r.ratio());
            if (r.inRange()) in++;
        }
        if (ratios.isEmpty()) return new Summary(group, rows.size(), 0, 0, null, null);
        double[] sorted = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : Math.sqrt(sorted[n / 2 - 1] * sorted[n / 2]);
        double meanLog = Arrays.stream(sorted).map(Math::log).average().orElse(0);
        return new Summary(group, rows.size(), n, in, median, Math.exp(meanLog) - 1);
    }

    static String pct(double share) {
        return String.format(Locale.ROOT, "%.0f %%", share * 100);
    }
}
