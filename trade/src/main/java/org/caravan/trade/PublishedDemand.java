package org.caravan.trade;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.caravan.demand.OdPair;

/**
 * OD demand from the shipped published tonnages ({@code published-facts.csv}), for a fresh install with no
 * Comtrade records: the same pairs between country hubs as {@link TradeDemand} makes from the store.
 *
 * <p>Rules (docs/TRADE.md, "OD from published figures"): a figure is used when the reporter itself is its
 * {@code reporter}, its measure is the flow (exports for X, imports for M), it covers a complete 12-month period (a
 * calendar year, or twelve consecutive months such as a July–June marketing year; a period counts for the year it
 * starts in), and it gives tonnes of a product with an HS heading (a group such as chapter 10, cereals, is not a
 * product). Only complete 12-month periods are counted: figures for
 * part of a year are never summed into a year, and nothing is extrapolated. For each partner one period is used: the
 * calendar year when the partner has a usable figure for it, else one 12-month period starting in that year (the
 * earliest starting, when there are several); a calendar year and a season are never added together, since they
 * overlap by months (and by product: a "wheat and flour in grain equivalent" year holds the flour of the season).
 * Within that period one figure per product: where several sources give the same product, the most recently
 * published one is used (then the first by id) and the others are named in the pair's {@code source}, as are the
 * figures of the period left out. Cargo is the HS chapter's (bulk or container, hs-chapters.csv); places are the two
 * countries' hubs for that cargo (hubs.csv).
 */
public final class PublishedDemand {
    private final PublishedFacts facts;
    private final Countries countries;
    private final HsChapters chapters = HsChapters.embedded();

    public PublishedDemand(PublishedFacts facts, Countries countries) {
        this.facts = facts;
        this.countries = countries;
    }

    /** On the embedded tables. */
    public static PublishedDemand embedded() { return new PublishedDemand(PublishedFacts.embedded(), Countries.embedded()); }

    /** The figures this demand may use for a reporter and flow, any year. */
    public List<PublishedFact> usable(Country reporter, String flow) {
        String measure = TradeAnalytics.flow(flow).equals("X") ? "exports" : "imports";
        return facts.all().stream().filter(f -> f.reporter().equals(reporter.iso3()) && f.measure().equals(measure)
                && f.twelveMonths() && f.quantity() != null && f.hs().length() >= 4).toList();
    }

    /**
     * @param year      null for the latest year with usable figures
     * @throws NoTradeDataException (field {@code reporter}) without usable figures at all, ({@code year}) in that year
     */
    public TradeDemand.Result od(Country reporter, Integer year, String flow, double minTonnes) {
        String f = TradeAnalytics.flow(flow);
        if (TradeDemand.hub(reporter.iso3(), "") == null) {
            throw new IllegalArgumentException(reporter.label() + " has no hub in the network (hubs exist for "
                    + new TreeSet<>(TradeDemand.hubs().values().stream().map(TradeDemand.Hub::iso3).toList()) + ")");
        }
        List<PublishedFact> all = usable(reporter, f);
        String what = "published 12-month tonnages of " + TradeAnalytics.flowWord(f) + " for " + reporter.label();
        if (all.isEmpty()) throw new NoTradeDataException("reporter", "no " + what + " (published-facts.csv)");
        TreeSet<Integer> years = new TreeSet<>(all.stream().map(PublishedFact::year).toList());
        int y = year != null ? year : years.last();
        List<PublishedFact> inYear = all.stream().filter(x -> x.year() == y).toList();
        if (inYear.isEmpty()) {
            throw new NoTradeDataException("year", "no " + what + " in " + y + " (years with them: " + years + ")");
        }
        // one period per partner: its calendar year, else its earliest 12-month period starting in the year
        Map<String, List<PublishedFact>> byPartner = new TreeMap<>();
        for (PublishedFact x : inYear) byPartner.computeIfAbsent(x.partner(), k -> new ArrayList<>()).add(x);
        Map<String, String> periodOf = new TreeMap<>();
        Map<String, List<PublishedFact>> leftOut = new TreeMap<>();
        List<PublishedFact> inPeriod = new ArrayList<>();
        for (Map.Entry<String, List<PublishedFact>> p : byPartner.entrySet()) {
            String period = p.getValue().stream().map(PublishedFact::period)
                    .min(Comparator.comparing((String x) -> x.length() != 4).thenComparing(x -> x)).orElseThrow();
            periodOf.put(p.getKey(), period);
            for (PublishedFact x : p.getValue()) {
                if (x.period().equals(period)) inPeriod.add(x);
                else leftOut.computeIfAbsent(p.getKey(), k -> new ArrayList<>()).add(x);
            }
        }
        // one figure per partner and product: the most recently published, the others named beside it
        Map<String, List<PublishedFact>> byProduct = new TreeMap<>();
        for (PublishedFact x : inPeriod) byProduct.computeIfAbsent(x.partner() + "/" + x.hs(), k -> new ArrayList<>()).add(x);
        Comparator<PublishedFact> newestFirst = Comparator.comparing(PublishedFact::sourceDate).reversed()
                .thenComparing(PublishedFact::id);
        Map<String, Map<String, List<PublishedFact>>> byPartnerCargo = new TreeMap<>();
        Map<String, List<PublishedFact>> alternatives = new LinkedHashMap<>();
        for (List<PublishedFact> same : byProduct.values()) {
            same.sort(newestFirst);
            PublishedFact used = same.get(0);
            alternatives.put(used.id(), same.subList(1, same.size()));
            String cargo = chapters.cargo(used.hs().substring(0, 2)).code();
            byPartnerCargo.computeIfAbsent(used.partner(), k -> new TreeMap<>())
                    .computeIfAbsent(cargo, k -> new ArrayList<>()).add(used);
        }
        List<OdPair> pairs = new ArrayList<>();
        List<TradeDemand.Unplaced> unplaced = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        double total = 0;
        for (Map.Entry<String, Map<String, List<PublishedFact>>> p : byPartnerCargo.entrySet()) {
            Country partner = countries.byIso3(p.getKey()).orElseThrow();
            for (Map.Entry<String, List<PublishedFact>> c : p.getValue().entrySet()) {
                double t = c.getValue().stream().mapToDouble(PublishedFact::quantity).sum();
                if (t <= 0 || t < minTonnes) continue;
                TradeDemand.Hub home = TradeDemand.hub(reporter.iso3(), c.getKey());
                TradeDemand.Hub away = TradeDemand.hub(partner.iso3(), c.getKey());
                if (away == null || away.place().equals(home.place())) {
                    unplaced.add(new TradeDemand.Unplaced(partner, t, 0, away == null ? "no hub in the network"
                            : "same hub as the reporter"));
                    continue;
                }
                List<String> parts = new ArrayList<>();
                for (PublishedFact used : c.getValue()) {
                    ids.add(used.id());
                    String also = alternatives.get(used.id()).stream()
                            .map(a -> a.id() + String.format(Locale.ROOT, " %,.0f t", a.quantity())).reduce((a, b) -> a + ", " + b)
                            .map(s -> " (also " + s + ")").orElse("");
                    parts.add(String.format(Locale.ROOT, "%s %,.0f t [%s]%s", used.product(), used.quantity(), used.id(), also));
                }
                String period = periodOf.get(partner.iso3());
                String left = leftOut.getOrDefault(partner.iso3(), List.of()).stream()
                        .map(a -> a.id() + " " + a.period()).reduce((a, b) -> a + ", " + b)
                        .map(l -> "; other 12-month period left out: " + l).orElse("");
                String source = "published figures, " + reporter.iso3() + " " + TradeAnalytics.flowWord(f)
                        + (f.equals("X") ? " to " : " from ") + partner.iso3() + " " + period
                        + (period.length() == 4 ? "" : " (12 months)") + ": " + String.join("; ", parts)
                        + left + "; hubs " + home.place() + " / " + away.place();
                double rounded = TradeDemand.round(t);
                pairs.add(f.equals("X") ? new OdPair(home.place(), away.place(), c.getKey(), rounded, source)
                        : new OdPair(away.place(), home.place(), c.getKey(), rounded, source));
                total += t;
            }
        }
        pairs.sort((a, b) -> Double.compare(b.tonnes(), a.tonnes()));
        unplaced.sort((a, b) -> Double.compare(b.tonnes(), a.tonnes()));
        return new TradeDemand.Result(reporter, y, f, List.copyOf(pairs), List.copyOf(unplaced), total, 0,
                what + " in " + y + " (published-facts.csv): complete 12-month periods only, one period per "
                        + "partner (the calendar year, else a 12-month season starting in " + y + "; parts of a year "
                        + "never summed), one figure per product (the most recently published where sources overlap), "
                        + "typed bulk or container by HS chapter, placed at each country's hub for that cargo "
                        + "(hubs.csv); not the whole trade, only the products with published tonnes", true,
                List.copyOf(ids));
    }
}
