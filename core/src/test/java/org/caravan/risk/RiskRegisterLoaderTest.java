package org.caravan.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RiskRegisterLoaderTest {
    @TempDir
    Path dir;

    private static final String BAD = """
            countries:
              KZ:
                sanctions:
                  score: 3
                  reason: a score above one
                  source: test
            """;

    @Test
    void aProblemInAUserFileNamesItsLineAndColumn() throws Exception {
        Path f = dir.resolve("risk.yaml");
        Files.writeString(f, BAD, StandardCharsets.UTF_8);
        RiskRegisterException e = catchThrowableOfType(RiskRegisterException.class, () -> RiskRegisterLoader.load(f));
        assertThat(e).isNotNull();
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(f.toString());
            assertThat(p.field()).isEqualTo("countries.KZ.sanctions.score");
            assertThat(p.location()).isEqualTo("line 4, column 7");
        });
    }

    @Test
    void uploadedContentIsLocatedTheSameWay() {
        RiskRegisterException e = catchThrowableOfType(RiskRegisterException.class,
                () -> RiskRegisterLoader.load(BAD.getBytes(StandardCharsets.UTF_8), "upload.yaml"));
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("countries.KZ.sanctions.score");
            assertThat(p.location()).isEqualTo("line 4, column 7");
        });
    }
}
