package org.caravan.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.caravan.network.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading observations files: good rows, and every kind of bad input named by file, line and field. */
class ObservationFileTest {
    private static final String HEADER = "id,corridor,from,to,options,quantity,low,high,source,url,date,note\n";

    private static List<Problem> problems(String csv) {
        try {
            ObservationFile.read(new StringReader(csv), "obs.csv");
        } catch (ObservationFileException e) {
            return e.problems();
        }
        throw new AssertionError("expected problems");
    }

    @Test
    void readsOptionsIntoTheRouteQuestion() throws Exception {
        List<Observation> obs = ObservationFile.read(new StringReader(HEADER
                + "a,c1,Kostanay,Bandar Abbas,\"cargo=bulk;tonnes=5000;modes=rail,sea;via=Sarakhs;avoid=RU,AF;close=Torkham;"
                + "include_planned=true;objective=time;max_risk=0.6;penalty=IR=800\",days,25,30,src,http://x,2024,n\n"),
                "obs.csv");
        Observation o = obs.get(0);
        assertThat(o.quantity()).isEqualTo(Quantity.DAYS);
        assertThat(o.reference()).isEqualTo(Math.sqrt(25 * 30.0));
        assertThat(o.line()).isEqualTo(2);
        var q = o.query();
        assertThat(q.from()).isEqualTo("Kostanay");
        assertThat(q.cargo()).isEqualTo("bulk");
        assertThat(q.tonnes()).isEqualTo(5000.0);
        assertThat(q.modes()).containsExactly("rail", "sea");
        assertThat(q.via()).containsExactly("Sarakhs");
        assertThat(q.avoid()).containsExactly("RU", "AF");
        assertThat(q.close()).containsExactly("Torkham");
        assertThat(q.includePlanned()).isTrue();
        assertThat(q.objective()).isEqualTo("time");
        assertThat(q.maxRisk()).isEqualTo(0.6);
        assertThat(q.penalties()).containsEntry("IR", 800.0);
    }

    @Test
    void optionalColumnsMayBeLeftOut() throws Exception {
        List<Observation> obs = ObservationFile.read(new StringReader("id,from,to,quantity,low,high,source\n"
                + "a,Almaty,Taraz,km,500,500,src\n"), "obs.csv");
        assertThat(obs.get(0).corridor()).isEmpty();
        assertThat(obs.get(0).query().cargo()).isEqualTo("container");
    }

    @Test
    void everyBadFieldIsNamedWithItsLine() {
        List<Problem> p = problems(HEADER
                + "a,,Almaty,Taraz,,km,500,600,src,,,\n"
                + "b,,Almaty,Taraz,,weeks,1,2,src,,,\n"
                + "c,,Almaty,Taraz,,km,600,500,src,,,\n"
                + "d,,Almaty,Taraz,,km,abc,500,src,,,\n"
                + "e,,Almaty,Taraz,speed=9,km,1,2,src,,,\n"
                + "a,,Almaty,Taraz,,km,1,2,,,,\n"
                + "f,,,Taraz,tonnes=lots,hours,-1,2,src,,,\n");
        Set<String> got = new TreeSet<>();
        for (Problem x : p) got.add(x.location() + " " + x.field());
        assertThat(got).contains("line 3 quantity", "line 4 high", "line 5 low", "line 6 options", "line 7 id",
                "line 7 source", "line 8 from", "line 8 options", "line 8 low");
        assertThat(p).allSatisfy(x -> assertThat(x.file()).isEqualTo("obs.csv"));
        assertThat(p.stream().filter(x -> x.location().equals("line 6")).findFirst().orElseThrow().message())
                .contains("unknown option 'speed'");
        assertThat(p.stream().filter(x -> x.location().equals("line 3")).findFirst().orElseThrow().message())
                .contains("weeks").contains("km, hours, days, run_hours, run_days, train_hours, train_days, usd, usd_per_tonne, co2");
    }

    @Test
    void lineNumbersCountLinesInsideQuotedNotes() {
        List<Problem> p = problems(HEADER
                + "a,,Almaty,Taraz,,km,500,600,src,,,\"a note\nover two lines\"\n"
                + "b,,Almaty,Taraz,,km,x,600,src,,,\n");
        assertThat(p).extracting(Problem::location).containsExactly("line 4");
    }

    @Test
    void headerProblemsAreReportedOnLineOne() {
        List<Problem> p = problems("id,from,to,quantity,low,high,source,colour\na,A,B,km,1,1,s,red\n");
        assertThat(p).extracting(x -> x.location() + " " + x.field()).containsExactly("line 1 colour");
        List<Problem> missing = problems("id,from,to,low,high,source\na,A,B,1,1,s\n");
        assertThat(missing).extracting(Problem::field).containsExactly("quantity");
    }

    @Test
    void missingAndEmptyFilesAreRefusedWithTheirName(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> ObservationFile.read(dir.resolve("none.csv")))
                .isInstanceOf(ObservationFileException.class).hasMessageContaining("none.csv").hasMessageContaining(
                        "file not found");
        Path empty = Files.writeString(dir.resolve("empty.csv"), HEADER);
        assertThatThrownBy(() -> ObservationFile.read(empty)).hasMessageContaining("no observations");
    }

    @Test
    void optionsNeedValuesAndNoRepeats() {
        assertThat(problems(HEADER + "a,,A,B,cargo,km,1,1,s,,,\n").get(0).message()).contains("needs a value");
        assertThat(problems(HEADER + "a,,A,B,modes=rail;modes=road,km,1,1,s,,,\n").get(0).message())
                .contains("given twice");
        assertThat(problems(HEADER + "a,,A,B,include_planned=maybe,km,1,1,s,,,\n").get(0).message())
                .contains("true or false");
        assertThat(problems(HEADER + "a,,A,B,penalty=IR,km,1,1,s,,,\n").get(0).message()).contains("COUNTRY=USD");
    }

    private static final String BOUNDED = "id,from,to,quantity,low,high,source,bound,scope\n";

    @Test
    void boundsAndScopesAreRead() throws Exception {
        List<Observation> obs = ObservationFile.read(new StringReader(BOUNDED
                + "a,A,B,hours,28,,s,at_least,\n"
                + "b,A,B,hours,28,28,s,at_least,\n"
                + "c,A,B,days,,5,s,AT_MOST,\n"
                + "d,A,B,hours,60,70,s,,crossing\n"
                + "e,A,B,hours,60,70,s,,door_to_door\n"), "obs.csv");
        assertThat(obs.get(0).bound()).isEqualTo(Observation.Bound.AT_LEAST);
        assertThat(obs.get(0).low()).isEqualTo(28.0);
        assertThat(obs.get(0).high()).isEqualTo(28.0);
        assertThat(obs.get(1).bound()).isEqualTo(Observation.Bound.AT_LEAST);
        assertThat(obs.get(2).bound()).isEqualTo(Observation.Bound.AT_MOST);
        assertThat(obs.get(2).high()).isEqualTo(5.0);
        assertThat(obs.get(3).bound()).isEqualTo(Observation.Bound.RANGE);
        assertThat(obs.get(3).scope()).isEqualTo(Observation.Scope.CROSSING);
        assertThat(obs.get(4).scope()).isEqualTo(Observation.Scope.DOOR_TO_DOOR);
        // A file without the columns is a file of ranges over the whole trip.
        assertThat(ObservationFile.read(new StringReader(HEADER + "a,,A,B,,km,1,2,s,,,\n"), "x.csv").get(0))
                .satisfies(o -> {
                    assertThat(o.bound()).isEqualTo(Observation.Bound.RANGE);
                    assertThat(o.scope()).isEqualTo(Observation.Scope.DOOR_TO_DOOR);
                });
    }

    @Test
    void badBoundsAndScopesAreNamedWithFileLineAndField() {
        List<Problem> p = problems(BOUNDED
                + "a,A,B,hours,28,,s,atleast,\n"          // line 2: unknown bound
                + "b,A,B,hours,28,30,s,at_least,\n"       // line 3: the other end differs from the bound
                + "c,A,B,hours,,,s,at_least,\n"           // line 4: no figure
                + "d,A,B,hours,5,,s,at_most,\n"           // line 5: at_most's figure is in high
                + "e,A,B,hours,60,70,s,,border\n"         // line 6: unknown scope
                + "f,A,B,km,60,70,s,,crossing\n"          // line 7: a crossing scope compares time only
                + "g,A,B,hours,28,,s,,\n");               // line 8: a range needs its high
        Set<String> got = new TreeSet<>();
        for (Problem x : p) {
            assertThat(x.file()).isEqualTo("obs.csv");
            got.add(x.location() + " " + x.field());
        }
        assertThat(got).containsExactlyInAnyOrder("line 2 bound", "line 3 high", "line 4 low", "line 5 high",
                "line 6 scope", "line 7 scope", "line 8 high");
        assertThat(p.stream().filter(x -> x.field().equals("bound")).findFirst().orElseThrow().message())
                .contains("unknown bound 'atleast'", "at_least", "at_most");
        assertThat(p.stream().filter(x -> x.location().equals("line 3")).findFirst().orElseThrow().message())
                .contains("must be empty or equal low (28) for bound at_least");
        assertThat(p.stream().filter(x -> x.location().equals("line 7")).findFirst().orElseThrow().message())
                .contains("quantity must be hours or days");
        assertThatThrownBy(() -> ObservationFile.read(new StringReader(BOUNDED + "a,A,B,hours,28,,s,sometimes,\n"),
                "obs.csv")).hasMessageContaining("obs.csv").hasMessageContaining("line 2")
                .hasMessageContaining("bound");
    }
}
