package dev.challengesuite.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The command line: {@code <scenario> [--flag value]...}. Every flag is declared in {@link #FLAGS}
 * with its meaning; an unknown flag or a bad value stops the run with one clear line before
 * anything starts. Scenarios read flags with their own defaults.
 */
public final class BenchOptions {

  /** Thrown for a command line the bench cannot run. */
  public static final class UsageException extends RuntimeException {
    public UsageException(String message) {
      super(message);
    }
  }

  /** Known flags and what they do (shown by --help). */
  static final Map<String, String> FLAGS = new LinkedHashMap<>();

  static {
    FLAGS.put("players", "number of players bench-1..bench-N (default 10000)");
    FLAGS.put("duration", "seconds at full rate (mixed: 600, cold-burst: 60)");
    FLAGS.put("warmup", "warm-up seconds (mixed: 30, events-max/list-max: 10)");
    FLAGS.put("steps", "comma-separated rates per second (events-max: 1000,2000,5000,10000,15000; list-max: 100,200,500,1000,2000)");
    FLAGS.put("step-seconds", "seconds per step (default 20)");
    FLAGS.put("all-steps", "true: keep stepping after a failed step (default false)");
    FLAGS.put("p99-ms", "p99 limit of a passing step in ms (default 50)");
    FLAGS.put("rate", "API requests per second (mixed, init-only, cold-burst: 300)");
    FLAGS.put("event-rate", "events per second (mixed, outage-test: 500)");
    FLAGS.put("init-rate", "initialize requests per second of mixed's initialize phase (default 300)");
    FLAGS.put("init-seconds", "mixed: length of the initialize phase (default: one initialize per player)");
    FLAGS.put("ramp-seconds", "init-only: seconds to ramp up to --rate (default 30)");
    FLAGS.put("events", "kill-test: events to send (default 20000)");
    FLAGS.put("concurrency", "kill-test: events in flight (default 64)");
    FLAGS.put("kill-at", "kill-test: fraction of the events after which the server is killed (default 0.4)");
    FLAGS.put("ledger-players", "kill-test: players the events go to (default 1000); mixed: players (spread over all)"
        + " whose events come from a ledger checked against the database at the end (default 1000, 0: off)");
    FLAGS.put("outage-after", "outage-test: seconds before PostgreSQL is stopped (default 10)");
    FLAGS.put("outage-seconds", "outage-test: seconds PostgreSQL stays down (default 15)");
    FLAGS.put("outage-tail", "outage-test: seconds of load after PostgreSQL is back (default 30)");
    FLAGS.put("pg-stop-cmd", "outage-test: shell command stopping PostgreSQL (default pg_ctlcluster --skip-systemctl-redirect <ver> main stop)");
    FLAGS.put("pg-start-cmd", "outage-test: shell command starting it again (default pg_ctlcluster --skip-systemctl-redirect <ver> main start)");
    FLAGS.put("max-outstanding", "requests in flight before new ones count as overload/dropped (default 10000)");
    FLAGS.put("timeout-ms", "per-request timeout in ms (default 10000)");
    FLAGS.put("http-connections", "HTTP/1.1 pool size (default: rate / 10, at least 16)");
    FLAGS.put("list-client", "list-max: client of the measured GET calls, raw (plain TCP, bodies counted not decoded;"
        + " far less generator CPU) or webclient (the Vert.x WebClient) (default raw)");
    FLAGS.put("grpc-connections", "HTTP/2 connections for events (default 4)");
    FLAGS.put("prep-concurrency", "concurrent initialize calls while preparing players (default 32)");
    FLAGS.put("seed", "random seed (default 42)");
    FLAGS.put("url", "external service: REST base URL, e.g. http://127.0.0.1:8000/challenge (no server is started)");
    FLAGS.put("grpc", "external service: gRPC host:port (default host of --url, port 6565)");
    FLAGS.put("server-pid", "external service: pid to sample CPU/RSS of");
    FLAGS.put("namespace", "AB_NAMESPACE of the service (default accelbyte)");
    FLAGS.put("db-host", "PostgreSQL host (default 127.0.0.1)");
    FLAGS.put("db-port", "PostgreSQL port (default 5432)");
    FLAGS.put("db-user", "PostgreSQL user (default postgres)");
    FLAGS.put("db-password", "PostgreSQL password (default empty)");
    FLAGS.put("db-name", "external service: its database, for row sampling and ledger checks");
    FLAGS.put("keep-db", "true: keep the bench database after the run (default false)");
    FLAGS.put("server-jar", "the service jar (default launcher/target/challenge-suite.jar)");
    FLAGS.put("server-java", "java for the service (default $JAVA_HOME/bin/java, else the bench's own)");
    FLAGS.put("server-opts", "JVM options for the service, space-separated (default none)");
    FLAGS.put("server-env", "extra environment for the service: K=V,K2=V2 (e.g. CHALLENGE_DATABASE_POOL_SIZE=8)");
    FLAGS.put("help", "this text");
    FLAGS.put("out", "directory for results (default bench-results)");
  }

  private final String scenario;
  private final Map<String, String> values;
  private final List<String> args;

  private BenchOptions(String scenario, Map<String, String> values, List<String> args) {
    this.scenario = scenario;
    this.values = values;
    this.args = args;
  }

  public static BenchOptions parse(String... args) {
    String scenario = null;
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.startsWith("--")) {
        String name = arg.substring(2);
        String value;
        int eq = name.indexOf('=');
        if (eq >= 0) {
          value = name.substring(eq + 1);
          name = name.substring(0, eq);
        } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
          value = args[++i];
        } else {
          value = "true";
        }
        if (!FLAGS.containsKey(name)) {
          throw new UsageException("unknown flag --" + name + " (see --help)");
        }
        values.put(name, value);
      } else if (scenario == null) {
        scenario = arg;
      } else {
        throw new UsageException("unexpected argument '" + arg + "' (one scenario per run)");
      }
    }
    return new BenchOptions(scenario, values, List.of(args));
  }

  public static String usage() {
    return "usage: java -jar bench/target/challenge-bench.jar <scenario> [--flag value]...\n"
        + "scenarios: events-max, list-max, mixed, init-only, cold-burst, kill-test, outage-test\n"
        + "flags:\n"
        + FLAGS.entrySet().stream()
            .map(e -> String.format("  --%-18s %s", e.getKey(), e.getValue()))
            .collect(Collectors.joining("\n"));
  }

  /** The scenario name, or null when none was given. */
  public String scenario() {
    return scenario;
  }

  public boolean has(String flag) {
    return values.containsKey(flag);
  }

  public String string(String flag, String fallback) {
    return values.getOrDefault(flag, fallback);
  }

  public int integer(String flag, int fallback) {
    return (int) Math.min(Integer.MAX_VALUE, number(flag, fallback));
  }

  public long number(String flag, long fallback) {
    String value = values.get(flag);
    if (value == null) {
      return fallback;
    }
    try {
      long parsed = Long.parseLong(value.replace("_", ""));
      if (parsed < 0) {
        throw new UsageException("--" + flag + " must not be negative (got " + value + ")");
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new UsageException("--" + flag + " must be a whole number (got '" + value + "')");
    }
  }

  public double decimal(String flag, double fallback) {
    String value = values.get(flag);
    if (value == null) {
      return fallback;
    }
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new UsageException("--" + flag + " must be a number (got '" + value + "')");
    }
  }

  public boolean flag(String flag) {
    return Boolean.parseBoolean(values.getOrDefault(flag, "false"));
  }

  /** A comma-separated list of positive rates. */
  public List<Integer> rates(String flag, List<Integer> fallback) {
    String value = values.get(flag);
    if (value == null) {
      return fallback;
    }
    List<Integer> rates = new ArrayList<>();
    for (String part : value.split(",")) {
      try {
        int rate = Integer.parseInt(part.trim());
        if (rate <= 0) {
          throw new NumberFormatException();
        }
        rates.add(rate);
      } catch (NumberFormatException e) {
        throw new UsageException("--" + flag + " must be positive whole numbers separated by commas (got '" + value + "')");
      }
    }
    return List.copyOf(rates);
  }

  /** {@code K=V,K2=V2} pairs. */
  public Map<String, String> pairs(String flag) {
    Map<String, String> pairs = new LinkedHashMap<>();
    String value = values.get(flag);
    if (value == null || value.isBlank()) {
      return pairs;
    }
    for (String part : value.split(",")) {
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw new UsageException("--" + flag + " takes K=V pairs separated by commas (got '" + part + "')");
      }
      pairs.put(part.substring(0, eq).trim(), part.substring(eq + 1));
    }
    return pairs;
  }

  /** The flags given, for the report's settings table. */
  public Map<String, String> given() {
    return new LinkedHashMap<>(values);
  }

  /** The command line as typed (quoted where needed), for the report. */
  public String commandLine() {
    return "java -jar bench/target/challenge-bench.jar " + args.stream()
        .map(a -> a.isEmpty() || a.chars().anyMatch(c -> " \"'$\\".indexOf(c) >= 0) ? "'" + a.replace("'", "'\\''") + "'" : a)
        .collect(Collectors.joining(" "));
  }

  @Override
  public String toString() {
    return scenario + " " + values + " " + Arrays.toString(args.toArray());
  }
}
