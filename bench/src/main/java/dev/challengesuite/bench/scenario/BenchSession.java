package dev.challengesuite.bench.scenario;

import dev.challengesuite.bench.BenchOptions;
import dev.challengesuite.bench.client.ApiClient;
import dev.challengesuite.bench.client.EventClient;
import dev.challengesuite.bench.client.ListCalls;
import dev.challengesuite.bench.client.RawListClient;
import dev.challengesuite.bench.data.BenchCatalog;
import dev.challengesuite.bench.data.Players;
import dev.challengesuite.bench.load.ConcurrentLoop;
import dev.challengesuite.bench.load.OpenLoopDriver;
import dev.challengesuite.bench.load.Outcome;
import dev.challengesuite.bench.load.Recorder;
import dev.challengesuite.bench.report.Format;
import dev.challengesuite.bench.report.Latency;
import dev.challengesuite.bench.report.MachineInfo;
import dev.challengesuite.bench.report.PhaseSummary;
import dev.challengesuite.bench.report.Report;
import dev.challengesuite.bench.report.ReportWriter;
import dev.challengesuite.bench.report.Section;
import dev.challengesuite.bench.sample.DatabaseSampler;
import dev.challengesuite.bench.sample.ResourceSampler;
import dev.challengesuite.bench.sample.Series;
import dev.challengesuite.bench.server.BenchDatabase;
import dev.challengesuite.bench.server.ManagedServer;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.pgclient.PgConnectOptions;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Everything one run shares: the generator's Vert.x and context, the recorder, the service under
 * test (started here, or an external one), its database, the samplers, the clients, and the
 * sections the scenario adds to the report. Closing it stops the service and drops the database.
 */
public final class BenchSession implements AutoCloseable {

  static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

  final BenchOptions options;
  final String scenario;
  final Vertx vertx;
  final Context context;
  final long runStartNanos = System.nanoTime();
  final Instant startedAt = Instant.now();
  final Recorder recorder = new Recorder(runStartNanos);
  final Path outDir;
  final Players players;
  final BenchCatalog catalog = BenchCatalog.standard();
  final int timeoutMillis;
  final Map<String, String> settings = new LinkedHashMap<>();
  final List<Section> sections = new ArrayList<>();
  final List<String> notes = new ArrayList<>();

  private ManagedServer server;
  private PgConnectOptions dbServer;
  private String dbName;
  private boolean dbCreated;
  private PgConnectOptions database;
  private URI baseUrl;
  private SocketAddress grpcAddress;
  private String serverJdk = "external";
  private ResourceSampler resources;
  private DatabaseSampler databaseSampler;
  private ApiClient api;
  private EventClient events;
  private RawListClient rawLists;

  private BenchSession(BenchOptions options, String scenario) {
    this.options = options;
    this.scenario = scenario;
    this.players = new Players(options.integer("players", 10_000));
    this.timeoutMillis = options.integer("timeout-ms", 10_000);
    this.outDir = Path.of(options.string("out", "bench-results"),
        scenario + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(4));
    this.context = vertx.getOrCreateContext();
  }

  /**
   * Opens a session: an external service (--url) or a managed one with a fresh database; the
   * managed service is started now unless {@code startServer} is false (cold-burst starts it).
   */
  static BenchSession open(BenchOptions options, String scenario, boolean startServer) throws Exception {
    BenchSession session = new BenchSession(options, scenario);
    try {
      Files.createDirectories(session.outDir);
      if (options.has("url")) {
        session.useExternal();
      } else {
        session.prepareManaged();
        if (startServer) {
          session.startServer();
        }
      }
      session.startSamplers();
      return session;
    } catch (Exception e) {
      session.close();
      throw e;
    }
  }

  private void useExternal() {
    baseUrl = URI.create(options.string("url", ""));
    String grpc = options.string("grpc", baseUrl.getHost() + ":6565");
    int colon = grpc.lastIndexOf(':');
    grpcAddress = SocketAddress.inetSocketAddress(Integer.parseInt(grpc.substring(colon + 1)), grpc.substring(0, colon));
    if (options.has("db-name")) {
      dbServer = dbServerOptions();
      database = new PgConnectOptions(dbServer).setDatabase(options.string("db-name", ""));
    }
    settings.put("service", "external " + baseUrl + " / gRPC " + grpc);
  }

  private void prepareManaged() throws Exception {
    dbServer = dbServerOptions();
    dbName = BenchDatabase.newName();
    BenchDatabase.create(vertx, dbServer, dbName).await();
    dbCreated = true;
    database = new PgConnectOptions(dbServer).setDatabase(dbName);
    Path catalogFile = catalog.writeTempFile();
    Files.copy(catalogFile, outDir.resolve("challenges.json"));
    Path java = serverJava();
    serverJdk = javaVersion(java);
    String opts = options.string("server-opts", "").trim();
    server = new ManagedServer(new ManagedServer.Settings(
        java,
        Path.of(options.string("server-jar", "launcher/target/challenge-suite.jar")),
        opts.isEmpty() ? List.of() : Arrays.asList(opts.split("\\s+")),
        dbServer.getHost(),
        dbServer.getPort(),
        dbServer.getUser(),
        dbServer.getPassword() == null ? "" : dbServer.getPassword(),
        dbName,
        catalogFile,
        options.string("namespace", "accelbyte"),
        options.pairs("server-env"),
        outDir.toAbsolutePath().resolve("server.log")));
    baseUrl = server.baseUrl();
    grpcAddress = server.grpcAddress();
    settings.put("service", "managed: " + java + " -jar " + options.string("server-jar", "launcher/target/challenge-suite.jar")
        + (opts.isEmpty() ? "" : " (" + opts + ")"));
    settings.put("database", dbName + " on " + dbServer.getHost() + ":" + dbServer.getPort()
        + (options.flag("keep-db") ? " (kept)" : " (dropped after the run)"));
    settings.put("catalog", catalog.challengeCount() + " challenges, " + catalog.goals().size()
        + " goals, all default-assigned (challenges.json in this directory)");
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.kill(); // Ctrl-C of the bench must not leave the service running
      } catch (InterruptedException ignored) {
        Thread.currentThread().interrupt();
      }
    }, "bench-server-reaper"));
  }

  /** Starts the managed service and waits until it is ready. */
  void startServer() throws IOException, InterruptedException {
    server.start();
    server.awaitReady(READY_TIMEOUT);
  }

  private void startSamplers() {
    long externalPid = options.number("server-pid", -1);
    resources = new ResourceSampler(runStartNanos, () -> server != null ? server.pid() : externalPid).start();
    if (database != null) {
      databaseSampler = new DatabaseSampler(vertx, runStartNanos, database).start();
    }
  }

  private PgConnectOptions dbServerOptions() {
    return new PgConnectOptions()
        .setHost(options.string("db-host", "127.0.0.1"))
        .setPort(options.integer("db-port", 5432))
        .setUser(options.string("db-user", "postgres"))
        .setPassword(options.string("db-password", ""))
        .setDatabase("postgres");
  }

  private Path serverJava() {
    if (options.has("server-java")) {
      return Path.of(options.string("server-java", "java"));
    }
    String javaHome = System.getenv("JAVA_HOME");
    if (javaHome != null && Files.isExecutable(Path.of(javaHome, "bin", "java"))) {
      return Path.of(javaHome, "bin", "java");
    }
    return Path.of(ProcessHandle.current().info().command().orElse("java"));
  }

  private static String javaVersion(Path java) {
    try {
      Process process = new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes());
      process.waitFor();
      return out.lines().skip(1).findFirst().orElse(out.trim());
    } catch (IOException e) {
      return java + " (version unknown)";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return java + " (version unknown)";
    }
  }

  // ---- what scenarios use ---------------------------------------------------------------------

  /** The managed service; scenarios that restart or kill it need one. */
  ManagedServer server() {
    if (server == null) {
      throw new BenchOptions.UsageException(scenario + " needs a service it starts itself: drop --url");
    }
    return server;
  }

  /** The service's database, for ledger checks. */
  PgConnectOptions database() {
    if (database == null) {
      throw new BenchOptions.UsageException(scenario + " reads the service's database: give --db-name with --url");
    }
    return database;
  }

  /** The service's database if the bench knows it (managed service, or --url with --db-name). */
  Optional<PgConnectOptions> knownDatabase() {
    return Optional.ofNullable(database);
  }

  /** The PostgreSQL server (database {@code postgres}) holding the service's database. */
  PgConnectOptions databaseServer() {
    database();
    return dbServer;
  }

  /** The REST client, with a pool sized for {@code rate} requests/s unless --http-connections says. */
  ApiClient api(double rate) {
    if (api == null) {
      int connections = httpConnections(rate);
      settings.put("HTTP/1.1 connections", Integer.toString(connections));
      api = new ApiClient(vertx, baseUrl, connections, timeoutMillis);
    }
    return api;
  }

  /**
   * The client of the measured list calls (--list-client): the raw one by default, whose CPU per
   * 175 KB response is a fraction of the WebClient's, or the WebClient of {@link #api(double)}.
   */
  ListCalls listCalls(double rate) {
    String kind = options.string("list-client", "raw");
    switch (kind) {
      case "webclient" -> {
        settings.put("list client", "Vert.x WebClient");
        return api(rate);
      }
      case "raw" -> {
        if (rawLists == null) {
          int connections = httpConnections(rate);
          settings.put("list client", "raw HTTP/1.1, " + connections + " connections");
          rawLists = new RawListClient(context, baseUrl, connections, timeoutMillis);
        }
        return rawLists;
      }
      default -> throw new BenchOptions.UsageException("--list-client must be raw or webclient (got '" + kind + "')");
    }
  }

  /** HTTP/1.1 connections for {@code rate} requests/s: about rate × latency, with room. */
  private int httpConnections(double rate) {
    return options.integer("http-connections", (int) Math.max(16, Math.ceil(rate / 10)));
  }

  EventClient events() {
    if (events == null) {
      int connections = options.integer("grpc-connections", 4);
      settings.put("gRPC connections", Integer.toString(connections));
      events = new EventClient(vertx, grpcAddress, options.string("namespace", "accelbyte"), connections, timeoutMillis);
    }
    return events;
  }

  OpenLoopDriver driver() {
    int maxOutstanding = options.integer("max-outstanding", 10_000);
    settings.put("max outstanding", Integer.toString(maxOutstanding));
    settings.put("request timeout", timeoutMillis + " ms");
    return new OpenLoopDriver(vertx, context, recorder, maxOutstanding, Duration.ofMillis(timeoutMillis + 5_000L));
  }

  /** Seconds since the run started. */
  double now() {
    return (System.nanoTime() - runStartNanos) / 1e9;
  }

  /**
   * Initializes the first {@code count} players before measuring (closed loop, not measured),
   * and reports how it went.
   */
  void initializePlayers(int count) {
    ApiClient client = api(300);
    int concurrency = options.integer("prep-concurrency", 32);
    AtomicInteger next = new AtomicInteger();
    Map<String, Long> statuses = new TreeMap<>();
    long start = System.nanoTime();
    ConcurrentLoop.run(context, concurrency, () -> {
      int index = next.getAndIncrement();
      if (index >= count) {
        return null;
      }
      return client.initialize(players.id(index))
          .recover(failure -> Future.succeededFuture(Outcome.failed(dev.challengesuite.bench.client.Failures.label(failure))))
          .onSuccess(outcome -> {
            synchronized (statuses) {
              statuses.merge(outcome.status(), 1L, Long::sum);
            }
          });
    }).await();
    double seconds = (System.nanoTime() - start) / 1e9;
    long failed = statuses.entrySet().stream().filter(e -> !e.getKey().startsWith("2")).mapToLong(Map.Entry::getValue).sum();
    String line = count + " players initialised before measuring in " + String.format(java.util.Locale.ROOT, "%.1f", seconds)
        + " s (" + concurrency + " concurrent); statuses: " + statuses;
    sections.add(Section.of("Preparation", List.of(line), null));
    if (failed > 0) {
      notes.add(failed + " of the " + count + " preparatory initialize calls failed: figures may be off");
    }
    System.out.println(line);
  }

  void section(Section section) {
    sections.add(section);
    System.out.println("== " + section.title());
    section.lines().forEach(System.out::println);
  }

  /** Writes the report files and returns their directory. */
  Path writeReport() throws IOException {
    List<Series> series = new ArrayList<>(resources.series());
    if (databaseSampler != null) {
      series.addAll(databaseSampler.series());
    }
    Series.Summary generator = resources.generatorCpu().summary();
    notes.add("the generator itself used " + Format.one(generator.median())
        + "% of a core (median; max " + Format.one(generator.max())
        + "%), on the same machine as the service and PostgreSQL");
    double others = resources.otherProcessesCpu();
    if (others > 30) {
      notes.add("everything else on the machine (other processes, kernel network work) used " + Format.one(others)
          + "% of a core (median of machine − service − generator − PostgreSQL per second): the figures are disturbed");
    }
    if (events != null && events.replacedConnections() > 0) {
      notes.add("the generator replaced " + events.replacedConnections() + " gRPC connection(s) whose calls kept"
          + " failing without a gRPC status (timeouts, resets): the service or a proxy stopped answering on them");
    }
    if (server != null) {
      server.unexpectedExits().forEach(exit -> notes.add("**" + exit + "**: figures after it are not the service's"));
      notes.add("service log: server.log in this directory");
    }
    Map<String, String> allSettings = new LinkedHashMap<>(options.given());
    allSettings.putAll(settings);
    Report report = new Report(scenario, options.commandLine(), startedAt, now(),
        MachineInfo.detect(serverJdk), allSettings,
        recorder.phases().stream().map(PhaseSummary::of).toList(),
        Latency.of(recorder.sendLag()), series, sections, notes);
    ReportWriter.write(report, outDir);
    return outDir;
  }

  /** A few lines per phase for the console (the report has everything). */
  List<String> consoleSummary() {
    List<String> lines = new ArrayList<>();
    for (PhaseSummary phase : recorder.phases().stream().map(PhaseSummary::of).toList()) {
      lines.add("-- " + phase.name() + (phase.measured() ? "" : " (warm-up)") + ", "
          + (phase.targetRate() > 0 ? "target " + Format.one(phase.targetRate()) + "/s" : "closed loop") + ", "
          + Format.one(phase.seconds()) + " s");
      List<dev.challengesuite.bench.report.EndpointSummary> rows = new ArrayList<>(phase.endpoints());
      if (rows.size() > 1) {
        rows.add(phase.all());
      }
      for (dev.challengesuite.bench.report.EndpointSummary e : rows) {
        Latency l = e.latency();
        lines.add(String.format(java.util.Locale.ROOT,
            "   %-28s due %7d  OK %7d  errors %6d  OK/s %8.1f  p50 %7s  p99 %7s  max %7s ms  %s",
            e.endpoint(), e.due(), e.ok(), e.errors(), e.achievedRate(),
            Format.ms(l.p50()), Format.ms(l.p99()),
            Format.ms(l.max()),
            e.errorsByStatus().isEmpty() ? "" : new TreeMap<>(e.errorsByStatus()).toString()));
      }
    }
    return lines;
  }

  @Override
  public void close() {
    if (resources != null) {
      resources.close();
    }
    if (databaseSampler != null) {
      databaseSampler.close();
    }
    try {
      if (server != null) {
        server.close();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (dbCreated && !options.flag("keep-db")) {
      try {
        BenchDatabase.drop(vertx, dbServer, dbName).await();
      } catch (RuntimeException e) {
        System.err.println("could not drop database " + dbName + ": " + e.getMessage());
      }
    }
    vertx.close().await();
  }
}
