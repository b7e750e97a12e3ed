package org.caravan.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.caravan.assignment.FreightAssignment.ElementFlow;
import org.caravan.assignment.FreightAssignment.ModeShare;
import org.caravan.assignment.FreightAssignment.Options;
import org.caravan.assignment.FreightAssignment.Result;
import org.caravan.demand.OdPair;
import org.junit.jupiter.api.Test;

/** Vehicle detention in the queue cost, user capacity files, modal split and corridor shares (issue #16). */
class FreightDetentionTest {
    static final String HEADER = "element_id,kind,direction,unit,capacity_per_day,date,confidence,source,url,note\n";

    @org.junit.jupiter.api.BeforeAll
    static void load() throws Exception {
        if (FreightAssignmentTest.router == null) FreightAssignmentTest.load();
    }

    static InputStream text(String s) { return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)); }

    /** The embedded tables without vehicle-detention.csv: queues cost the cargo's value of time only. */
    static Capacities withoutDetention() throws Exception {
        try (InputStream c = Capacities.class.getResourceAsStream(Capacities.EMBEDDED);
             InputStream v = Capacities.class.getResourceAsStream(Capacities.EMBEDDED_VEHICLES)) {
            return Capacities.read(c, "capacities.csv", v, "vehicle-equivalents.csv");
        }
    }

    @Test
    void shippedDetentionChargesAreTheDocumentedConversions() {
        Capacities caps = Capacities.embedded();
        // Rs 6,000 per truck-day at 280 PKR/USD = 21.4; 1,250 UAH per wagon-day at 42 UAH/USD = 29.8; 160 USD per
        // 40-ft container-day over 2 TEU = 80 (rules D-fx and D-teu).
        assertThat(caps.detentionUsdPerDay("trucks")).isEqualTo(21);
        assertThat(caps.detentionUsdPerDay("wagons")).isEqualTo(30);
        assertThat(caps.detentionUsdPerDay("teu")).isEqualTo(80);
        assertThat(caps.detention("trucks").orElseThrow().source()).contains("PAJCCI");
        assertThat(caps.detention("wagons").orElseThrow().source()).contains("Ukrzaliznytsia");
    }

    /**
     * One container pair loaded all-or-nothing: every truck element on its route carries v = t / 365 / 18 trucks
     * a day, waits Akçelik's w(v) and costs t * w * (21 / 18 + 80 / 10) USD a year in detention (21 USD per
     * truck-day over 18 t per container truck, plus rule D-box: the boxes' own 80 USD per TEU-day over 10 t per
     * loaded TEU), on top of t * w * 24 * VoT / tonnes-per-unit for the cargo.
     */
    @Test
    void detentionOfOneLoadedPairIsHandComputed() {
        double tonnes = 4_000_000;
        Result r = FreightAssignmentTest.run(List.of(new OdPair("Kabul", "Karachi", "container", tonnes, "synthetic")),
                Options.defaults().withMethod(AssignmentMethod.AON));
        List<ElementFlow> trucks = r.elements().stream()
                .filter(e -> e.tonnes() > 0 && e.element().capacity().unit().equals("trucks")).toList();
        assertThat(trucks).isNotEmpty();
        for (ElementFlow e : trucks) {
            double v = tonnes / 365 / 18;
            double c = e.element().capacity().perDay();
            double x = v / c;
            double t = 30;
            double w = t / 4 * ((x - 1) + Math.sqrt((x - 1) * (x - 1) + 8 * 0.5 * x / (c * t)));
            assertThat(e.vehiclesPerDay()).isCloseTo(v, within(1e-9 * v));
            assertThat(e.queueDays()).isCloseTo(w, within(1e-9 * Math.max(w, 1e-9)));
            assertThat(e.detentionUsdPerYear()).isCloseTo(tonnes * w * (21.0 / 18 + 80.0 / 10),
                    within(1e-6 * tonnes * w + 1e-9));
        }
        assertThat(r.detentionUsdPerYear())
                .isCloseTo(r.elements().stream().mapToDouble(ElementFlow::detentionUsdPerYear).sum(), within(1e-6));
    }

    /**
     * Bulk's value of time is 0.004 USD/t-h (0.1 USD/t-day): without detention an overloaded crossing hardly
     * diverts it. A truck's 21 USD/day over 25 t is 0.84 USD/t-day more, so in equilibrium the worst queue is
     * shorter with detention in the generalized cost.
     */
    /**
     * Rule D-box: a class that travels in boxes (tonnes per TEU in vehicle-equivalents.csv) pays, at a truck element,
     * the truck's day and the container's day (the PAJCCI statement names both charges for the Torkham queue); bulk
     * pays the truck's only; at wagon and TEU elements each pays its own vehicle's day only.
     */
    @Test
    void containersOnTrucksAlsoPayTheBoxesDetention() {
        Capacities caps = Capacities.embedded();
        var container = caps.vehicleEquivalent("container").orElseThrow();
        var bulk = caps.vehicleEquivalent("bulk").orElseThrow();
        assertThat(caps.detentionUsdPerTonneDay(container, "trucks")).isCloseTo(21.0 / 18 + 80.0 / 10, within(1e-12));
        assertThat(caps.detentionUsdPerTonneDay(bulk, "trucks")).isCloseTo(21.0 / 25, within(1e-12));
        assertThat(caps.detentionUsdPerTonneDay(container, "wagons")).isCloseTo(30.0 / 50, within(1e-12));
        assertThat(caps.detentionUsdPerTonneDay(container, "teu")).isCloseTo(80.0 / 10, within(1e-12));
        assertThat(caps.detentionUsdPerTonneDay(bulk, "teu")).isZero(); // bulk has no TEU: it never loads a TEU port
        assertThat(caps.detention("teu").orElseThrow().source()).contains("PAJCCI", "container");
    }

    /** The box's share is in the assignment: a container pair's truck detention is the sum of both days' shares. */
    @Test
    void theBoxesDetentionIsInTheAssignedContainerQueues() throws Exception {
        double tonnes = 4_000_000;
        List<OdPair> pairs = List.of(new OdPair("Kabul", "Karachi", "container", tonnes, "synthetic"));
        Options aon = Options.defaults().withMethod(AssignmentMethod.AON);
        Result r = FreightAssignment.assign(FreightAssignmentTest.router, pairs, null, null, null,
                Capacities.embedded(), aon, null);
        List<ElementFlow> trucks = r.elements().stream()
                .filter(e -> e.tonnes() > 0 && e.element().capacity().unit().equals("trucks")).toList();
        assertThat(trucks).isNotEmpty();
        for (ElementFlow e : trucks) {
            double boxShare = tonnes * e.queueDays() * 80.0 / 10;
            double truckShare = tonnes * e.queueDays() * 21.0 / 18;
            assertThat(e.detentionUsdPerYear()).isCloseTo(truckShare + boxShare, within(1e-6 * (truckShare + boxShare)));
            assertThat(boxShare).isGreaterThan(truckShare); // 8.00 against 1.17 USD per tonne-day
        }
    }

    @Test
    void detentionInTheGeneralizedCostShortensTheWorstQueue() throws Exception {
        List<OdPair> pairs = List.of(new OdPair("Kabul", "Karachi", "bulk", 8_000_000, "synthetic"),
                new OdPair("Karachi", "Kabul", "bulk", 8_000_000, "synthetic"));
        Options o = Options.defaults();
        Result with = FreightAssignment.assign(FreightAssignmentTest.router, pairs, null, null, null,
                Capacities.embedded(), o, null);
        Result without = FreightAssignment.assign(FreightAssignmentTest.router, pairs, null, null, null,
                withoutDetention(), o, null);
        double worstWith = with.bottlenecks().get(0).queueDays();
        double worstWithout = without.bottlenecks().get(0).queueDays();
        assertThat(without.detentionUsdPerYear()).isZero();
        assertThat(with.detentionUsdPerYear()).isPositive();
        assertThat(worstWith).isLessThan(worstWithout);
        assertThat(with.converged()).isTrue();
    }

    @Test
    void aCapacitiesFileOverridesAndAddsElements() throws Exception {
        Capacities caps = Capacities.embedded().withOverrides(text(HEADER
                + "x_pktor_afrkh_road,crossing,forward,trucks,300,2026-12-01,estimated,test override,,\n"
                + "new_port_x,port,both,teu,42,,estimated,test addition,,\n"
                + "yard_default,yard,both,wagons,99,,estimated,test rule override,,\n"), "mine.csv");
        assertThat(caps.lookup(FreightAssignmentTest.TORKHAM, "forward", "road_crossing_default").orElseThrow()
                .perDay()).isEqualTo(300);
        // The shipped row said 'both': the override for one direction replaces it, the other falls to the rule.
        assertThat(caps.lookup(FreightAssignmentTest.TORKHAM, "reverse", "road_crossing_default").orElseThrow()
                .elementId()).isEqualTo("road_crossing_default");
        assertThat(caps.lookup("new_port_x", "forward", "port_default").orElseThrow().perDay()).isEqualTo(42);
        assertThat(caps.lookup("some_yard", "forward", "yard_default").orElseThrow().perDay()).isEqualTo(99);
        assertThat(caps.detentionUsdPerDay("trucks")).isEqualTo(21);

        // And the assignment uses it: Torkham at 1 truck/day in both directions carries nothing it can avoid.
        Capacities tiny = Capacities.embedded().withOverrides(text(HEADER
                + "x_pktor_afrkh_road,crossing,both,trucks,1,,estimated,test,,\n"), "tiny.csv");
        Result r = FreightAssignment.assign(FreightAssignmentTest.router, FreightAssignmentTest.kabulKarachi(2_000_000),
                null, null, null, tiny, Options.defaults(), null);
        r.elements().stream().filter(e -> e.element().id().equals(FreightAssignmentTest.TORKHAM))
                .forEach(e -> assertThat(e.element().capacity().perDay()).isEqualTo(1));
    }

    @Test
    void aMalformedCapacitiesFileNamesFileLineAndField() {
        assertThatThrownBy(() -> Capacities.embedded().withOverrides(text(HEADER
                + "x_pktor_afrkh_road,crossing,forward,trucks,300,,estimated,ok,,\n"
                + "x_pkcmn_afsbk_road,crossing,sideways,trucks,lots,,guessed,,,\n"), "bad.csv"))
                .isInstanceOf(AssignmentInputException.class)
                .hasMessageContaining("bad.csv").hasMessageContaining("line 3")
                .hasMessageContaining("direction").hasMessageContaining("capacity_per_day")
                .hasMessageContaining("confidence").hasMessageContaining("source");
        assertThatThrownBy(() -> Capacities.embedded().withOverrides(text(
                "element_id,kind,direction,unit,date,confidence,source\n"), "nocap.csv"))
                .isInstanceOf(AssignmentInputException.class)
                .hasMessageContaining("nocap.csv").hasMessageContaining("line 1").hasMessageContaining("capacity_per_day");
        assertThatThrownBy(() -> Capacities.embedded().withOverrides(text(HEADER + "a,crossing,both\n"), "short.csv"))
                .isInstanceOf(AssignmentInputException.class).hasMessageContaining("short.csv")
                .hasMessageContaining("line 2");
    }

    @Test
    void modalSplitSumsToOneAndDemandIsConserved() {
        List<OdPair> pairs = new java.util.ArrayList<>(FreightAssignmentTest.kabulKarachi(3_000_000));
        pairs.add(new OdPair("Astana", "Kabul", "bulk", 2_000_000, "synthetic"));
        pairs.add(new OdPair("Tashkent", "Atyrau", "container", 500_000, "synthetic"));
        for (AssignmentMethod m : List.of(AssignmentMethod.BFW, AssignmentMethod.LOGIT)) {
            Result r = FreightAssignmentTest.run(pairs, Options.defaults().withMethod(m));
            double unroutable = r.unroutable().stream().mapToDouble(u -> u.od().tonnes()).sum();
            assertThat(r.assignedTonnes() + unroutable).isCloseTo(r.demandTonnes(), within(1e-6));
            assertThat(r.demandTonnes()).isEqualTo(pairs.stream().mapToDouble(OdPair::tonnes).sum());
            List<ModeShare> split = r.modalSplit();
            assertThat(split).isNotEmpty();
            // Crossings are not a mode and no row is empty (a 0 t "crossing" row was listed before).
            assertThat(split).extracting(ModeShare::mode).doesNotContain(org.caravan.network.Mode.CROSSING);
            assertThat(split).allMatch(s -> s.tonnes() > 0 || s.tonneKm() > 0);
            assertThat(split.stream().mapToDouble(ModeShare::tonneShare).sum()).isCloseTo(1, within(1e-9));
            assertThat(split.stream().mapToDouble(ModeShare::tonneKmShare).sum()).isCloseTo(1, within(1e-9));
            assertThat(split.stream().mapToDouble(ModeShare::tonnes).sum())
                    .isCloseTo(r.assignedTonnes(), within(1e-6 * r.assignedTonnes()));
            for (ElementFlow e : r.corridorShares()) {
                assertThat(r.shareOfAssigned(e)).isBetween(0.0, 1.0 + 1e-12);
                assertThat(e.element().kind()).isEqualTo("crossing");
            }
        }
    }
}
