package dev.baton.mql.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code mql --version}: the project version the build stamped into version.properties. */
final class MqlVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        try (InputStream in = MqlVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the mql jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            return new String[] {"mql " + properties.getProperty("version")};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
