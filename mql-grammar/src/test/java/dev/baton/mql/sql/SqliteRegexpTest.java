package dev.baton.mql.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteRegexpTest {

    @TempDir
    Path dir;

    private static int regexp(Connection db, String value, String pattern) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("SELECT ? REGEXP ?")) {
            select.setString(1, value);
            select.setString(2, pattern);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    @Test
    void searchesAnywhereWithJavaSyntaxAndTreatsNullAsEmpty() throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("r.db"))) {
            SqliteRegexp.register(db);
            assertEquals(1, regexp(db, "static.example.com", "example"));
            assertEquals(0, regexp(db, "static.example.com", "^example"));
            assertEquals(1, regexp(db, "web-12", "\\d+$"));
            assertEquals(1, regexp(db, "Disk", "(?i)^disk$"));
            assertEquals(1, regexp(db, null, "^$"));
            assertEquals(0, regexp(db, null, "."));
            SQLException invalid = assertThrows(SQLException.class, () -> regexp(db, "x", "("));
            assertTrue(invalid.getMessage().contains("invalid regular expression"), invalid.getMessage());
        }
    }

    @Test
    void withoutRegistrationSqliteHasNoRegexp() throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("plain.db"))) {
            assertThrows(SQLException.class, () -> regexp(db, "x", "x"));
        }
    }
}
