package dev.baton.mql.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a file argument, where {@code -} means standard input. */
final class Inputs {

    /** Largest file the tool reads, so a wrong argument cannot exhaust memory. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private Inputs() {
    }

    static String displayName(String argument) {
        return argument.equals("-") ? "<stdin>" : argument;
    }

    static String read(String argument, InputStream stdin) throws IOException {
        if (argument.equals("-")) {
            byte[] bytes = stdin.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IOException("input is larger than " + MAX_BYTES + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
        Path path = Path.of(argument);
        try {
            if (Files.size(path) > MAX_BYTES) {
                throw new IOException("file is larger than " + MAX_BYTES + " bytes");
            }
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException("no such file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new IOException("not UTF-8 text");
        }
    }
}
