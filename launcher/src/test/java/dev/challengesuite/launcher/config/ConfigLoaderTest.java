package dev.challengesuite.launcher.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.challengesuite.common.config.AppConfig;
import dev.challengesuite.common.config.ClaimsConfig;
import dev.challengesuite.common.config.ClusterConfig;
import dev.challengesuite.common.config.AuthConfig;
import dev.challengesuite.common.config.DatabaseConfig;
import dev.challengesuite.common.config.EventsConfig;
import dev.challengesuite.common.config.GrpcConfig;
import dev.challengesuite.common.config.HttpConfig;
import dev.challengesuite.common.config.MetricsConfig;
import dev.challengesuite.common.config.PlayersConfig;
import dev.challengesuite.common.config.RewardsConfig;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {

  /** Settings a local run needs on top of the defaults (auth on and real rewards need AGS). */
  private static final Map<String, String> LOCAL_ENV =
      Map.of("PLUGIN_GRPC_SERVER_AUTH_ENABLED", "false", "REWARD_CLIENT_MODE", "mock");

  @Test
  @DisplayName("every key the file leaves out takes its built-in default")
  void builtInDefaults() {
    AppConfig config = load(new JsonObject(), LOCAL_ENV, Map.of());

    assertThat(config).isEqualTo(new AppConfig("accelbyte", "conf/challenges.json", 0,
        new HttpConfig("0.0.0.0", 8000, "/challenge", 2, 65536, 32),
        new GrpcConfig("0.0.0.0", 6565, 2, 65536),
        new MetricsConfig(true, "0.0.0.0", 8080),
        new DatabaseConfig("", 5432, "challenge_service", "postgres", "", 16, ".data/postgres", 54329),
        new PlayersConfig(4, 5000, 50000),
        new EventsConfig(600, 500, 20000),
        new AuthConfig(false, "", "", "", 600),
        new RewardsConfig("mock", "", 0, 0.0),
        ClaimsConfig.DEFAULT,
        new ClusterConfig(config.cluster().instanceId(), "", "challenge:player-changes", 4)));
    assertThat(config.cluster().clustered()).isFalse();
  }

  @Test
  @DisplayName("without a configured instance id each start gets the host name with a random suffix")
  void generatedInstanceId() {
    String first = load(new JsonObject(), LOCAL_ENV, Map.of()).cluster().instanceId();
    String second = load(new JsonObject(), LOCAL_ENV, Map.of()).cluster().instanceId();

    assertThat(first).matches("\\S+-[0-9a-f]{6}").isNotEqualTo(second);
  }

  @Test
  @DisplayName("REDIS_URL joins the cluster; the CHALLENGE_CLUSTER_* names set every cluster key and win")
  void clusterFromEnvironment() {
    assertThat(load(new JsonObject(), env("REDIS_URL", "redis://cache:6379"), Map.of()).cluster())
        .satisfies(cluster -> assertThat(cluster.redisUrl()).isEqualTo("redis://cache:6379"))
        .satisfies(cluster -> assertThat(cluster.clustered()).isTrue());

    AppConfig config = load(new JsonObject(), env("REDIS_URL", "redis://cache:6379",
        "CHALLENGE_CLUSTER_REDIS_URL", "rediss://other:6380/0", "CHALLENGE_CLUSTER_INSTANCE_ID", "pod-7",
        "CHALLENGE_CLUSTER_CHANNEL", "game-a:changes", "CHALLENGE_CLUSTER_REDIS_POOL_SIZE", "8"), Map.of());

    assertThat(config.cluster()).isEqualTo(new ClusterConfig("pod-7", "rediss://other:6380/0", "game-a:changes", 8));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      CHALLENGE_CLUSTER_REDIS_URL | http://cache:6379 | cluster.redisUrl must be empty or a Redis URL such as redis://redis:6379 (got "http://cache:6379" from env CHALLENGE_CLUSTER_REDIS_URL)
      CHALLENGE_CLUSTER_INSTANCE_ID | pod 7 | cluster.instanceId must contain no whitespace or control characters (got "pod 7" from env CHALLENGE_CLUSTER_INSTANCE_ID)
      CHALLENGE_CLUSTER_REDIS_POOL_SIZE | 0 | cluster.redisPoolSize must be an integer of at least 1 (got "0" from env CHALLENGE_CLUSTER_REDIS_POOL_SIZE)
      """)
  @DisplayName("a bad cluster setting stops startup with its key")
  void badClusterSettings(String name, String value, String message) {
    assertThatThrownBy(() -> load(new JsonObject(), env(name, value), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("invalid configuration: " + message);
  }

  @Test
  @DisplayName("a password in the Redis URL never appears in the logged configuration")
  void redisPasswordRedacted() {
    AppConfig config = load(new JsonObject(), env("REDIS_URL", "redis://user:s3cret-pw@cache:6379"), Map.of());

    assertThat(config.toString()).doesNotContain("s3cret-pw").contains("redis://***@cache:6379");
  }

  @Test
  @DisplayName("values in the file replace the built-in defaults, nested keys included")
  void fileValues() {
    JsonObject file = new JsonObject("""
        {"namespace": "mygame", "clock": {"offsetSeconds": -3600},
         "http": {"port": 9100, "basePath": "/api"},
         "database": {"host": "db.internal", "embedded": {"dataDir": "/var/pg"}},
         "rewards": {"mockFailureRate": 0.25}}""");

    AppConfig config = load(file, LOCAL_ENV, Map.of());

    assertThat(config.namespace()).isEqualTo("mygame");
    assertThat(config.clockOffsetSeconds()).isEqualTo(-3600);
    assertThat(config.http().port()).isEqualTo(9100);
    assertThat(config.http().basePath()).isEqualTo("/api");
    assertThat(config.database().host()).isEqualTo("db.internal");
    assertThat(config.database().embedded()).isFalse();
    assertThat(config.database().embeddedDataDir()).isEqualTo("/var/pg");
    assertThat(config.rewards().mockFailureRate()).isEqualTo(0.25);
  }

  @Test
  @DisplayName("a key the file does not know stops startup with its path")
  void unknownFileKey() {
    assertThatThrownBy(() -> load(new JsonObject().put("http", new JsonObject().put("prot", 1)), LOCAL_ENV, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("invalid configuration: unknown key http.prot in test.json");
  }

  @Test
  @DisplayName("generic CHALLENGE_* environment variables override the file")
  void genericEnvOverridesFile() {
    JsonObject file = new JsonObject().put("http", new JsonObject().put("port", 9100));

    AppConfig config = load(file, env("CHALLENGE_HTTP_PORT", "9000", "CHALLENGE_DATABASE_POOL_SIZE", "4",
        "CHALLENGE_DATABASE_EMBEDDED_DATA_DIR", "/tmp/pg", "CHALLENGE_PLAYERS_REQUEST_TIMEOUT_MS", "250",
        "CHALLENGE_PLAYERS_STORE_TIMEOUT_MS", "750"), Map.of());

    assertThat(config.http().port()).isEqualTo(9000);
    assertThat(config.database().poolSize()).isEqualTo(4);
    assertThat(config.database().embeddedDataDir()).isEqualTo("/tmp/pg");
    assertThat(config.players().requestTimeoutMillis()).isEqualTo(250);
    assertThat(config.players().storeTimeoutMillis()).isEqualTo(750);
  }

  @Test
  @DisplayName("the list cache is 32 MiB per HTTP instance unless configured")
  void listCacheDefault() {
    assertThat(load(new JsonObject(), LOCAL_ENV, Map.of()).http().listCacheBytes()).isEqualTo(32L * 1024 * 1024);
  }

  @ParameterizedTest(name = "CHALLENGE_HTTP_LIST_CACHE_MIB={0}")
  @CsvSource({"0, 0", "256, 268435456", "65536, 68719476736"})
  @DisplayName("CHALLENGE_HTTP_LIST_CACHE_MIB overrides the file's http.listCacheMiB, 0 turning the cache off")
  void listCacheFromEnvironment(String value, long bytes) {
    JsonObject file = new JsonObject().put("http", new JsonObject().put("listCacheMiB", 64));

    AppConfig config = load(file, env("CHALLENGE_HTTP_LIST_CACHE_MIB", value), Map.of());

    assertThat(config.http().listCacheBytes()).isEqualTo(bytes);
  }

  @Test
  @DisplayName("a system property beats the environment, which beats the file")
  void precedence() {
    JsonObject file = new JsonObject().put("http", new JsonObject().put("port", 9100).put("instances", 3)
        .put("maxBodyBytes", 1000));

    AppConfig config = load(file, env("CHALLENGE_HTTP_PORT", "9000", "CHALLENGE_HTTP_INSTANCES", "5"),
        Map.of("challenge.http.port", "9200"));

    assertThat(config.http().port()).isEqualTo(9200);
    assertThat(config.http().instances()).isEqualTo(5);
    assertThat(config.http().maxBodyBytes()).isEqualTo(1000);
  }

  @Test
  @DisplayName("the reference's environment variables set the keys they mean")
  void referenceNames() {
    AppConfig config = load(new JsonObject(), Map.ofEntries(
        Map.entry("BASE_PATH", "/ext-challenge"),
        Map.entry("AB_NAMESPACE", "mygame"),
        Map.entry("DB_HOST", "db.internal"),
        Map.entry("DB_PORT", "6432"),
        Map.entry("DB_NAME", "challenges"),
        Map.entry("DB_USER", "svc"),
        Map.entry("DB_PASSWORD", "pw"),
        Map.entry("DB_MAX_OPEN_CONNS", "25"),
        Map.entry("CHALLENGE_CONFIG_PATH", "/etc/challenges.json"),
        Map.entry("PLUGIN_GRPC_SERVER_AUTH_ENABLED", "true"),
        Map.entry("REFRESH_INTERVAL", "300"),
        Map.entry("REWARD_CLIENT_MODE", "real"),
        Map.entry("AB_BASE_URL", "https://demo.accelbyte.io/"),
        Map.entry("AB_CLIENT_ID", "client"),
        Map.entry("AB_CLIENT_SECRET", "secret")), Map.of());

    assertThat(config.http().basePath()).isEqualTo("/ext-challenge");
    assertThat(config.namespace()).isEqualTo("mygame");
    assertThat(config.database()).isEqualTo(
        new DatabaseConfig("db.internal", 6432, "challenges", "svc", "pw", 25, ".data/postgres", 54329));
    assertThat(config.catalogPath()).isEqualTo("/etc/challenges.json");
    assertThat(config.auth()).isEqualTo(new AuthConfig(true, "https://demo.accelbyte.io", "client", "secret", 300));
    assertThat(config.rewards().mode()).isEqualTo("real");
    assertThat(config.rewards().platformBaseUrl()).isEqualTo("https://demo.accelbyte.io");
  }

  @ParameterizedTest(name = "PLUGIN_GRPC_SERVER_AUTH_ENABLED={0} -> {1}")
  @CsvSource({"true, true", "TRUE, true", "True, true", "false, false", "yes, false", "1, false", "off, false"})
  @DisplayName("PLUGIN_GRPC_SERVER_AUTH_ENABLED enables auth only when it is \"true\" in any case, like the reference")
  void referenceAuthFlag(String value, boolean enabled) {
    AppConfig config = load(new JsonObject(), env("PLUGIN_GRPC_SERVER_AUTH_ENABLED", value,
        "AB_BASE_URL", "https://demo.accelbyte.io", "REWARD_CLIENT_MODE", "mock"), Map.of());

    assertThat(config.auth().enabled()).isEqualTo(enabled);
  }

  @Test
  @DisplayName("our generic name wins over the reference name for the same key")
  void genericBeatsReference() {
    AppConfig config = load(new JsonObject(), env("BASE_PATH", "/old", "CHALLENGE_HTTP_BASE_PATH", "/new"), Map.of());

    assertThat(config.http().basePath()).isEqualTo("/new");
  }

  @Test
  @DisplayName("empty environment values and system properties count as unset")
  void emptyValuesIgnored() {
    JsonObject file = new JsonObject().put("database", new JsonObject().put("host", "db.internal"));

    AppConfig config = load(file, env("DB_HOST", "", "CHALLENGE_HTTP_PORT", "  ", "DB_PORT", ""),
        Map.of("challenge.grpc.port", ""));

    assertThat(config.database().host()).isEqualTo("db.internal");
    assertThat(config.database().port()).isEqualTo(5432);
    assertThat(config.http().port()).isEqualTo(8000);
    assertThat(config.grpc().port()).isEqualTo(6565);
  }

  @Test
  @DisplayName("a trailing slash on the base path is dropped")
  void basePathTrailingSlash() {
    assertThat(load(new JsonObject(), env("BASE_PATH", "/challenge/"), Map.of()).http().basePath())
        .isEqualTo("/challenge");
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', textBlock = """
      CHALLENGE_HTTP_PORT | abc | http.port must be an integer between 1 and 65535 (got "abc" from env CHALLENGE_HTTP_PORT)
      DB_PORT | 70000 | database.port must be an integer between 1 and 65535 (got "70000" from env DB_PORT)
      CHALLENGE_DATABASE_EMBEDDED_PORT | 0 | database.embedded.port must be an integer between 1 and 65535 (got "0" from env CHALLENGE_DATABASE_EMBEDDED_PORT)
      BASE_PATH | challenge | http.basePath must be a path such as /challenge (leading "/", no empty segments, spaces, "?" or "#") (got "challenge" from env BASE_PATH)
      BASE_PATH | / | http.basePath must be a path such as /challenge (leading "/", no empty segments, spaces, "?" or "#") (got "/" from env BASE_PATH)
      BASE_PATH | /a//b | http.basePath must be a path such as /challenge (leading "/", no empty segments, spaces, "?" or "#") (got "/a//b" from env BASE_PATH)
      CHALLENGE_HTTP_INSTANCES | 0 | http.instances must be an integer of at least 1 (got "0" from env CHALLENGE_HTTP_INSTANCES)
      CHALLENGE_GRPC_INSTANCES | -1 | grpc.instances must be an integer of at least 1 (got "-1" from env CHALLENGE_GRPC_INSTANCES)
      CHALLENGE_HTTP_MAX_BODY_BYTES | 0 | http.maxBodyBytes must be an integer of at least 1 (got "0" from env CHALLENGE_HTTP_MAX_BODY_BYTES)
      CHALLENGE_HTTP_LIST_CACHE_MIB | -1 | http.listCacheMiB must be an integer between 0 and 65536 (got "-1" from env CHALLENGE_HTTP_LIST_CACHE_MIB)
      CHALLENGE_HTTP_LIST_CACHE_MIB | 65537 | http.listCacheMiB must be an integer between 0 and 65536 (got "65537" from env CHALLENGE_HTTP_LIST_CACHE_MIB)
      CHALLENGE_HTTP_LIST_CACHE_MIB | 32MiB | http.listCacheMiB must be an integer between 0 and 65536 (got "32MiB" from env CHALLENGE_HTTP_LIST_CACHE_MIB)
      DB_MAX_OPEN_CONNS | 0 | database.poolSize must be an integer of at least 1 (got "0" from env DB_MAX_OPEN_CONNS)
      CHALLENGE_PLAYERS_PARTITIONS | 0 | players.partitions must be an integer of at least 1 (got "0" from env CHALLENGE_PLAYERS_PARTITIONS)
      CHALLENGE_PLAYERS_REQUEST_TIMEOUT_MS | 0 | players.requestTimeoutMs must be an integer of at least 1 (got "0" from env CHALLENGE_PLAYERS_REQUEST_TIMEOUT_MS)
      CHALLENGE_PLAYERS_STORE_TIMEOUT_MS | 0 | players.storeTimeoutMs must be an integer of at least 1 (got "0" from env CHALLENGE_PLAYERS_STORE_TIMEOUT_MS)
      CHALLENGE_EVENTS_DEDUP_WINDOW_SECONDS | 60 | events.dedupWindowSeconds must be an integer of at least 600 (got "60" from env CHALLENGE_EVENTS_DEDUP_WINDOW_SECONDS)
      CHALLENGE_EVENTS_MAX_PENDING_EVENTS | 1.5 | events.maxPendingEvents must be an integer of at least 1 (got "1.5" from env CHALLENGE_EVENTS_MAX_PENDING_EVENTS)
      CHALLENGE_CLOCK_OFFSET_SECONDS | soon | clock.offsetSeconds must be an integer (got "soon" from env CHALLENGE_CLOCK_OFFSET_SECONDS)
      CHALLENGE_METRICS_ENABLED | yes | metrics.enabled must be true or false (got "yes" from env CHALLENGE_METRICS_ENABLED)
      REWARD_CLIENT_MODE | fake | rewards.mode must be one of mock, real (got "fake" from env REWARD_CLIENT_MODE)
      CHALLENGE_REWARDS_MOCK_FAILURE_RATE | 1.5 | rewards.mockFailureRate must be a number between 0.0 and 1.0 (got "1.5" from env CHALLENGE_REWARDS_MOCK_FAILURE_RATE)
      CHALLENGE_REWARDS_MOCK_FAILURE_RATE | NaN | rewards.mockFailureRate must be a number between 0.0 and 1.0 (got "NaN" from env CHALLENGE_REWARDS_MOCK_FAILURE_RATE)
      CHALLENGE_REWARDS_MOCK_LATENCY_MS | -5 | rewards.mockLatencyMs must be an integer of at least 0 (got "-5" from env CHALLENGE_REWARDS_MOCK_LATENCY_MS)
      CHALLENGE_AUTH_JWKS_REFRESH_SECONDS | 0 | auth.jwksRefreshSeconds must be an integer of at least 1 (got "0" from env CHALLENGE_AUTH_JWKS_REFRESH_SECONDS)
      AB_BASE_URL | demo.accelbyte.io | auth.iamBaseUrl must be empty or an http(s) URL such as https://demo.accelbyte.io (got "demo.accelbyte.io" from env AB_BASE_URL)
      """)
  @DisplayName("a value breaking its rule stops startup with one line naming key, rule, value and source")
  void ruleViolations(String name, String value, String message) {
    Map<String, String> env = new HashMap<>(LOCAL_ENV);
    env.put(name, value);

    assertThatThrownBy(() -> load(new JsonObject(), env, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("invalid configuration: " + message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  @DisplayName("a violation from a system property names the property")
  void violationFromSystemProperty() {
    assertThatThrownBy(() -> load(new JsonObject(), LOCAL_ENV, Map.of("challenge.players.partitions", "none")))
        .hasMessage("invalid configuration: players.partitions must be an integer of at least 1"
            + " (got \"none\" from system property challenge.players.partitions)");
  }

  @Test
  @DisplayName("a violation from the file names the file and shows the JSON value")
  void violationFromFile() {
    JsonObject file = new JsonObject().put("grpc", new JsonObject().put("port", 65.5));

    assertThatThrownBy(() -> load(file, LOCAL_ENV, Map.of()))
        .hasMessage("invalid configuration: grpc.port must be an integer between 1 and 65535 (got 65.5 from test.json)");
  }

  @Test
  @DisplayName("a file value of the wrong JSON type is rejected")
  void wrongTypeInFile() {
    JsonObject file = new JsonObject().put("http", new JsonObject().put("host", 5));

    assertThatThrownBy(() -> load(file, LOCAL_ENV, Map.of()))
        .hasMessage("invalid configuration: http.host must be a string (got 5 from test.json)");
  }

  @Test
  @DisplayName("an empty namespace in the file is rejected")
  void emptyNamespace() {
    assertThatThrownBy(() -> load(new JsonObject().put("namespace", ""), LOCAL_ENV, Map.of()))
        .hasMessage("invalid configuration: namespace must not be empty (got \"\" from test.json)");
  }

  @Test
  @DisplayName("auth on needs the IAM base URL")
  void authNeedsIam() {
    assertThatThrownBy(() -> load(new JsonObject(), Map.of("REWARD_CLIENT_MODE", "mock"), Map.of()))
        .hasMessage("invalid configuration: auth.iamBaseUrl must be set when auth.enabled is true"
            + " (set AB_BASE_URL, or PLUGIN_GRPC_SERVER_AUTH_ENABLED=false for local runs)");
  }

  @Test
  @DisplayName("real rewards need the platform URL")
  void realRewardsNeedPlatform() {
    JsonObject file = new JsonObject().put("auth", new JsonObject().put("iamBaseUrl", "https://iam.example"));

    assertThatThrownBy(() -> load(file, Map.of("PLUGIN_GRPC_SERVER_AUTH_ENABLED", "false"), Map.of()))
        .hasMessageStartingWith("invalid configuration: rewards.platformBaseUrl must be set when rewards.mode is \"real\"");
  }

  @Test
  @DisplayName("real rewards need client credentials")
  void realRewardsNeedCredentials() {
    assertThatThrownBy(() -> load(new JsonObject(),
        Map.of("PLUGIN_GRPC_SERVER_AUTH_ENABLED", "false", "AB_BASE_URL", "https://demo.accelbyte.io"), Map.of()))
        .hasMessageStartingWith("invalid configuration: auth.clientId and auth.clientSecret must be set");
  }

  @Test
  @DisplayName("the claims section sets the grant timeout and the pending expiry")
  void claims() {
    AppConfig config = load(new JsonObject(),
        env("CHALLENGE_CLAIMS_GRANT_TIMEOUT_MS", "2000", "CHALLENGE_CLAIMS_PENDING_EXPIRY_MS", "2500"), Map.of());

    assertThat(config.claims()).isEqualTo(new ClaimsConfig(2000, 2500));
  }

  @Test
  @DisplayName("a pending expiry not above the grant timeout is refused: a claim still waiting could be settled")
  void claimExpiryAboveGrantTimeout() {
    assertThatThrownBy(() -> load(new JsonObject(),
        env("CHALLENGE_CLAIMS_GRANT_TIMEOUT_MS", "30000"), Map.of()))
        .hasMessageStartingWith("invalid configuration: claims.pendingExpiryMs must be greater than"
            + " claims.grantTimeoutMs (got 30000 and 30000)");
  }

  @Test
  @DisplayName("the gRPC and HTTP servers cannot share a port")
  void portsDiffer() {
    assertThatThrownBy(() -> load(new JsonObject(), env("CHALLENGE_GRPC_PORT", "8000"), Map.of()))
        .hasMessage("invalid configuration: grpc.port must differ from http.port (both are 8000)");
  }

  @Test
  @DisplayName("the metrics port may equal another port only while metrics are off")
  void metricsPort() {
    assertThatThrownBy(() -> load(new JsonObject(), env("CHALLENGE_METRICS_PORT", "6565"), Map.of()))
        .hasMessage("invalid configuration: metrics.port must differ from http.port and grpc.port (got 6565)");
    assertThat(load(new JsonObject(), env("CHALLENGE_METRICS_PORT", "6565", "CHALLENGE_METRICS_ENABLED", "false"),
        Map.of()).metrics().enabled()).isFalse();
  }

  @Test
  @DisplayName("passwords and client secrets never appear in the logged configuration")
  void secretsRedacted() {
    AppConfig config = load(new JsonObject(), env("DB_PASSWORD", "db-pass-123", "AB_CLIENT_SECRET", "client-secret-456"),
        Map.of());

    assertThat(config.toString())
        .doesNotContain("db-pass-123")
        .doesNotContain("client-secret-456")
        .contains("password=***")
        .contains("clientSecret=***");
  }

  private static AppConfig load(JsonObject file, Map<String, String> env, Map<String, String> properties) {
    return ConfigLoader.load(file, "test.json", env, properties);
  }

  /** The local-run settings plus the given name/value pairs. */
  private static Map<String, String> env(String... namesAndValues) {
    Map<String, String> env = new HashMap<>(LOCAL_ENV);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      env.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return env;
  }
}
