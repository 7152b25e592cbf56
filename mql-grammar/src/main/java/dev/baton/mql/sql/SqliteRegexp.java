package dev.baton.mql.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.sqlite.Function;

/**
 * SQLite's {@code REGEXP} operator for sqlite-jdbc connections, with MQL's meaning: a Java regular
 * expression that matches anywhere in the value ({@code find}), NULL treated as "". Compiled
 * patterns are cached per connection.
 */
public final class SqliteRegexp {

    private static final int CACHED_PATTERNS = 256;

    private SqliteRegexp() {
    }

    /** Registers {@code regexp(pattern, value)}, which SQLite calls for {@code value REGEXP pattern}. */
    public static void register(Connection connection) throws SQLException {
        Function.create(connection, "regexp", new RegexpFunction(), 2, Function.FLAG_DETERMINISTIC);
    }

    private static final class RegexpFunction extends Function {
        private final Map<String, Pattern> patterns = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Pattern> eldest) {
                return size() > CACHED_PATTERNS;
            }
        };

        @Override
        protected void xFunc() throws SQLException {
            String regex = value_text(0);
            String value = value_text(1);
            if (regex == null) {
                error("REGEXP pattern is NULL");
                return;
            }
            Pattern pattern;
            synchronized (patterns) {
                pattern = patterns.get(regex);
                if (pattern == null) {
                    try {
                        pattern = Pattern.compile(regex);
                    } catch (PatternSyntaxException e) {
                        error("invalid regular expression: " + e.getDescription());
                        return;
                    }
                    patterns.put(regex, pattern);
                }
            }
            result(pattern.matcher(value == null ? "" : value).find() ? 1 : 0);
        }
    }
}
