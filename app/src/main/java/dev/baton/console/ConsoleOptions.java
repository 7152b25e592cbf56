package dev.baton.console;

import dev.baton.api.model.BatonVersion;
import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The console's command line. Parsing only: {@link ConsoleWiring} acts on it. */
@Command(name = "baton-console", mixinStandardHelpOptions = true, versionProvider = ConsoleOptions.Version.class,
    description = "The Baton on-call console. Without --server it starts its own receiver on 127.0.0.1.")
public final class ConsoleOptions {

  @Option(names = "--server", paramLabel = "URL",
      description = "A shared receiver, e.g. http://baton.example:9393; default: an embedded one.")
  URI server;

  @Option(names = "--token", paramLabel = "T", description = "Bearer token for --server (role operate or read).")
  String token;

  @Option(names = "--embedded",
      description = "Use the embedded receiver even when the connection dialog remembered a shared one.")
  boolean embedded;

  public boolean embedded() {
    return embedded;
  }

  @Option(names = "--demo", description = "Feed a simulated stream of alerts into the receiver.")
  boolean demo;

  @Option(names = "--wall", description = "Wall mode: full screen, dark, urgent incidents only.")
  boolean wall;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Folder of the embedded receiver's database and baton.yml;"
          + " default: $XDG_DATA_HOME/baton, else ~/.local/share/baton.")
  Path dataDir;

  @Option(names = "--config-dir", paramLabel = "DIR",
      description = "Folder of the console's own settings (saved views, connection, sound);"
          + " default: $XDG_CONFIG_HOME/baton, else ~/.config/baton.")
  Path configDir;

  public Path configDir() {
    return configDir;
  }

  public URI server() {
    return server;
  }

  public String token() {
    return token;
  }

  public boolean demo() {
    return demo;
  }

  public boolean wall() {
    return wall;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** {@code --version}: the version the build stamped. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"Baton console " + BatonVersion.current()};
    }
  }
}
