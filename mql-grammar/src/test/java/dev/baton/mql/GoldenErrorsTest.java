package dev.baton.mql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Error messages as a person sees them, kept in {@code src/test/resources/errors.golden}: each case
 * is {@code == input} (with {@code \n} for a line break), then every problem and its caret.
 * After a deliberate wording change, regenerate with {@code -Dgolden.update=true} and review the diff.
 */
class GoldenErrorsTest {

    private static final Path GOLDEN = Path.of("src/test/resources/errors.golden");

    @Test
    void errorMessagesMatchTheGoldenFile() throws IOException {
        String expected = Files.readString(GOLDEN, StandardCharsets.UTF_8);
        List<String> inputs = new ArrayList<>();
        for (String line : expected.split("\n")) {
            if (line.startsWith("== ")) {
                inputs.add(line.substring(3));
            }
        }
        StringBuilder actual = new StringBuilder();
        Mql mql = Mql.forIncidents();
        for (String input : inputs) {
            String text = input.replace("\\n", "\n");
            List<Problem> problems = mql.check(text);
            assertFalse(problems.isEmpty(), "golden case must be invalid: " + input);
            actual.append("== ").append(input).append('\n');
            for (Problem problem : problems) {
                actual.append(problem).append('\n').append(problem.caret(text)).append('\n');
            }
            actual.append('\n');
        }
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(expected, actual.toString());
    }
}
