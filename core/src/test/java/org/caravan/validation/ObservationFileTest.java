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
                .contains("weeks").contains("km, hours, days, run_hours, run_days, usd, usd_per_tonne, co2");
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
}
