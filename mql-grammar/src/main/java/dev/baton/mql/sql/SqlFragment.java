package dev.baton.mql.sql;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * A WHERE condition with {@code ?} placeholders and the values to bind to them, in order. The SQL
 * text never contains a value from the query. The condition is never NULL: it is 0 or 1.
 */
public record SqlFragment(String sql, List<Object> parameters) {

    public SqlFragment {
        Objects.requireNonNull(sql, "sql");
        parameters = List.copyOf(parameters);
    }

    /**
     * Binds the parameters starting at {@code firstIndex} (1-based, as JDBC counts).
     *
     * @return the index of the next placeholder after this fragment's
     */
    public int bind(PreparedStatement statement, int firstIndex) throws SQLException {
        int index = firstIndex;
        for (Object parameter : parameters) {
            statement.setObject(index++, parameter);
        }
        return index;
    }
}
