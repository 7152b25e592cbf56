package dev.baton.mql.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.mql.Mql;
import dev.baton.mql.ParseResult;
import dev.baton.mql.Problem;
import dev.baton.mql.ast.Query;
import dev.baton.mql.eval.Subject;
import dev.baton.mql.eval.SubjectTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mql eval --query Q --subjects FILE.json}: prints whether each subject matches. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluate a query against subjects and print true or false for each, one per line.",
                "Subjects: a JSON array of {\"fields\": {\"project\": \"x\", \"trigger\": [\"a\", \"b\"]},",
                "\"labels\": [{\"team\": \"bravo\"}, ...]} (labels: one object per alert).",
                "Exit status: 0 evaluated, 2 invalid query or subjects (message on standard error)."})
final class EvalCommand implements Callable<Integer> {

    @Option(names = {"-q", "--query"}, required = true, paramLabel = "Q", description = "the MQL query")
    private String query;

    @Option(names = {"-s", "--subjects"}, required = true, paramLabel = "FILE",
            description = "JSON array of subjects, or - for standard input")
    private String subjects;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Thrown for a subject the catalog cannot hold; carries a located message. */
    private static final class BadSubject extends Exception {
        BadSubject(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Mql mql = Mql.forIncidents();
        ParseResult<Query> parsed = mql.parse(query);
        if (!parsed.ok()) {
            for (Problem problem : parsed.problems()) {
                err.println("query:" + problem.line() + ":" + problem.column() + ": " + problem.message());
                err.println("    " + problem.caret(query).replace("\n", "\n    "));
            }
            err.flush();
            return 2;
        }
        String name = Inputs.displayName(subjects);
        List<Subject> loaded;
        try {
            loaded = load(mql, Inputs.read(subjects, System.in), name);
        } catch (IOException e) {
            err.println("mql: cannot read " + name + ": " + e.getMessage());
            return 2;
        } catch (BadSubject e) {
            err.println(e.getMessage());
            return 2;
        }
        BitSet matching = mql.predicate(parsed.value()).filter(SubjectTable.of(mql.catalog(), loaded));
        for (int row = 0; row < loaded.size(); row++) {
            out.println(matching.get(row));
        }
        out.flush();
        return 0;
    }

    private static List<Subject> load(Mql mql, String json, String name) throws BadSubject {
        ObjectMapper mapper = new ObjectMapper();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            throw new BadSubject(name + (location == null ? "" : ":" + location.getLineNr() + ":"
                    + location.getColumnNr()) + ": invalid JSON: "
                    + e.getOriginalMessage().replaceAll("\\s*\\(start marker.*|\\s*at \\[Source.*", ""));
        }
        if (root == null || !root.isArray()) {
            throw new BadSubject(name + ": expected a JSON array of subjects");
        }
        List<Subject> result = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            result.add(subject(mql, root.get(i), name + ": subject " + (i + 1)));
        }
        return result;
    }

    private static Subject subject(Mql mql, JsonNode node, String where) throws BadSubject {
        if (!node.isObject()) {
            throw new BadSubject(where + ": expected an object with \"fields\" and \"labels\"");
        }
        Subject.Builder builder = mql.subject();
        JsonNode fields = node.path("fields");
        if (!fields.isMissingNode() && !fields.isNull()) {
            if (!fields.isObject()) {
                throw new BadSubject(where + ": \"fields\" must be an object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                List<String> values = new ArrayList<>();
                JsonNode value = field.getValue();
                if (value.isArray()) {
                    for (JsonNode element : value) {
                        values.add(text(element, where + ": field '" + field.getKey() + "'"));
                    }
                } else if (!value.isNull()) {
                    values.add(text(value, where + ": field '" + field.getKey() + "'"));
                }
                try {
                    builder.field(field.getKey(), values);
                } catch (IllegalArgumentException e) {
                    throw new BadSubject(where + ": " + e.getMessage());
                }
            }
        }
        JsonNode labels = node.path("labels");
        if (!labels.isMissingNode() && !labels.isNull()) {
            if (!labels.isArray()) {
                throw new BadSubject(where + ": \"labels\" must be an array of objects, one per alert");
            }
            for (JsonNode alert : labels) {
                if (!alert.isObject()) {
                    throw new BadSubject(where + ": each entry of \"labels\" must be an object");
                }
                Map<String, String> map = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = alert.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> label = it.next();
                    map.put(label.getKey(), text(label.getValue(), where + ": label '" + label.getKey() + "'"));
                }
                builder.alert(map);
            }
        }
        return builder.build();
    }

    private static String text(JsonNode value, String where) throws BadSubject {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isNumber() || value.isBoolean()) {
            return value.asText();
        }
        throw new BadSubject(where + ": expected a string");
    }
}
