package dev.challengesuite.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Reads the migration scripts of a classpath folder, from a directory (IDE, tests) or from a jar
 * (the runnable jar), sorted by version.
 */
public final class MigrationFiles {

  /** Where this module's migrations live. */
  public static final String DEFAULT_LOCATION = "db/migration";

  private MigrationFiles() {}

  public static List<Migration> load() {
    return load(DEFAULT_LOCATION);
  }

  public static List<Migration> load(String location) {
    URL folder = MigrationFiles.class.getClassLoader().getResource(location);
    if (folder == null) {
      throw new MigrationException("No migrations found: classpath folder " + location
          + " is missing");
    }
    try {
      Map<String, String> scripts = switch (folder.getProtocol()) {
        case "file" -> fromDirectory(Path.of(folder.toURI()));
        case "jar" -> fromJar(folder, location);
        default -> throw new MigrationException(
            "Cannot list migrations at " + folder + " (unsupported URL protocol)");
      };
      return sorted(scripts);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read migrations at " + folder, e);
    } catch (URISyntaxException e) {
      throw new MigrationException("Cannot list migrations at " + folder, e);
    }
  }

  private static Map<String, String> fromDirectory(Path dir) throws IOException {
    Map<String, String> scripts = new HashMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        scripts.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    return scripts;
  }

  private static Map<String, String> fromJar(URL folder, String location) throws IOException {
    JarURLConnection connection = (JarURLConnection) folder.openConnection();
    connection.setUseCaches(false);
    String prefix = location.endsWith("/") ? location : location + "/";
    Map<String, String> scripts = new HashMap<>();
    try (JarFile jar = connection.getJarFile()) {
      for (JarEntry entry : jar.stream().toList()) {
        String name = entry.getName();
        if (!entry.isDirectory() && name.startsWith(prefix)
            && name.indexOf('/', prefix.length()) < 0) {
          try (InputStream in = jar.getInputStream(entry)) {
            scripts.put(name.substring(prefix.length()),
                new String(in.readAllBytes(), StandardCharsets.UTF_8));
          }
        }
      }
    }
    return scripts;
  }

  private static List<Migration> sorted(Map<String, String> scripts) {
    List<Migration> migrations = new ArrayList<>();
    scripts.forEach((fileName, sql) -> migrations.add(Migration.of(fileName, sql)));
    migrations.sort(Comparator.comparingInt(Migration::version));
    for (int i = 1; i < migrations.size(); i++) {
      if (migrations.get(i).version() == migrations.get(i - 1).version()) {
        throw new MigrationException("Two migrations have version " + migrations.get(i).version()
            + ": " + migrations.get(i - 1).fileName() + " and " + migrations.get(i).fileName());
      }
    }
    return List.copyOf(migrations);
  }
}
