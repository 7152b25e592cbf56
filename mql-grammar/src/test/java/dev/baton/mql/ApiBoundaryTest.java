package dev.baton.mql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The generated ANTLR parser is an implementation detail: no public signature outside it mentions ANTLR. */
class ApiBoundaryTest {

    @Test
    void publicSignaturesNeverExposeAntlr() throws IOException, ClassNotFoundException {
        Path classes = Path.of("target/classes");
        List<String> leaks = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(classes.resolve("dev/baton/mql"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (name.startsWith("dev.baton.mql.parse.Mql") || name.endsWith("package-info")) {
                    continue; // ANTLR's generated lexer and parser
                }
                Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                if (!Modifier.isPublic(type.getModifiers())) {
                    continue;
                }
                checked++;
                for (Method method : type.getMethods()) {
                    check(leaks, method.toGenericString(), method.getGenericReturnType());
                    for (Type parameter : method.getGenericParameterTypes()) {
                        check(leaks, method.toGenericString(), parameter);
                    }
                }
                for (Constructor<?> constructor : type.getConstructors()) {
                    for (Type parameter : constructor.getGenericParameterTypes()) {
                        check(leaks, constructor.toGenericString(), parameter);
                    }
                }
                for (Field field : type.getFields()) {
                    check(leaks, field.toGenericString(), field.getGenericType());
                }
            }
        }
        assertTrue(checked > 20, "public classes found: " + checked);
        assertEquals(List.of(), leaks);
    }

    private static void check(List<String> leaks, String member, Type type) {
        if (type.getTypeName().contains("org.antlr")) {
            leaks.add(member);
        }
    }
}
