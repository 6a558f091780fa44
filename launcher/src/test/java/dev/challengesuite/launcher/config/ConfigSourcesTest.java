package dev.challengesuite.launcher.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSourcesTest {

  @TempDir Path dir;

  @Test
  @DisplayName("generic env names are the key path in upper snake case after CHALLENGE_")
  void envNames() {
    assertThat(ConfigKeys.byPath("http.port").orElseThrow().envName()).isEqualTo("CHALLENGE_HTTP_PORT");
    assertThat(ConfigKeys.byPath("database.embedded.dataDir").orElseThrow().envName())
        .isEqualTo("CHALLENGE_DATABASE_EMBEDDED_DATA_DIR");
    assertThat(ConfigKeys.byPath("players.maxCachedPlayersPerPartition").orElseThrow().envName())
        .isEqualTo("CHALLENGE_PLAYERS_MAX_CACHED_PLAYERS_PER_PARTITION");
    assertThat(ConfigKeys.byPath("catalogPath").orElseThrow().envName()).isEqualTo("CHALLENGE_CATALOG_PATH");
    assertThat(ConfigKeys.byPath("http.listCacheMiB").orElseThrow().envName())
        .isEqualTo("CHALLENGE_HTTP_LIST_CACHE_MIB"); // a unit such as MiB stays one word
  }

  @Test
  @DisplayName("system property names are the key path after challenge.")
  void propertyNames() {
    assertThat(ConfigKeys.byPath("http.basePath").orElseThrow().propertyName()).isEqualTo("challenge.http.basePath");
  }

  @Test
  @DisplayName("CHALLENGE_* variables and challenge.* properties that set nothing are reported as likely typos")
  void unknownNames() {
    Map<String, String> env = Map.of("CHALLENGE_HTTP_PROT", "1", "CHALLENGE_HTTP_PORT", "1",
        "CHALLENGE_CONF", "x", "CHALLENGE_CONFIG_PATH", "y", "PATH", "/bin");
    Map<String, String> properties = Map.of("challenge.htp.port", "1", "challenge.config", "c", "java.home", "/j");

    assertThat(ConfigLayers.unknownNames(env, properties))
        .containsExactly("env CHALLENGE_HTTP_PROT", "system property challenge.htp.port");
  }

  @Test
  @DisplayName("the config file comes from -Dchallenge.config, else CHALLENGE_CONF, else conf/config.json")
  void configFileChoice() {
    assertThat(ConfigLoader.configFile(Map.of("CHALLENGE_CONF", "env.json"), Map.of("challenge.config", "prop.json")))
        .isEqualTo(Path.of("prop.json"));
    assertThat(ConfigLoader.configFile(Map.of("CHALLENGE_CONF", "env.json"), Map.of())).isEqualTo(Path.of("env.json"));
    assertThat(ConfigLoader.configFile(Map.of("CHALLENGE_CONF", ""), Map.of())).isEqualTo(Path.of("conf/config.json"));
  }

  @Test
  @DisplayName("a missing config file stops startup with its resolved path")
  void missingFile() {
    Path missing = dir.resolve("nope.json");

    assertThatThrownBy(() -> ConfigLoader.readFile(missing))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("invalid configuration: config file " + missing + " not found");
  }

  @Test
  @DisplayName("a config file that is not a JSON object stops startup with one line")
  void malformedFile() throws IOException {
    Path file = Files.writeString(dir.resolve("bad.json"), "{\"http\": {\"port\": 80,}\n}");

    assertThatThrownBy(() -> ConfigLoader.readFile(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("invalid configuration: config file " + file + " is not a JSON object: ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  @DisplayName("a well-formed config file is read as its JSON object")
  void readsFile() throws IOException {
    Path file = Files.writeString(dir.resolve("ok.json"), "{\"http\": {\"port\": 9000}}");

    assertThat(ConfigLoader.readFile(file).getJsonObject("http").getInteger("port")).isEqualTo(9000);
  }

  @Test
  @DisplayName("the shipped conf/config.json lists every key with its built-in default")
  void shippedFileMatchesDefaults() {
    Map<String, Setting> shipped = ConfigLayers.merge(
        ConfigLoader.readFile(Path.of("../conf/config.json")), "config.json", Map.of(), Map.of());

    for (ConfigKey key : ConfigKeys.ALL) {
      Setting setting = shipped.get(key.path());
      assertThat(setting.source()).as(key.path()).isEqualTo("config.json");
      assertThat(String.valueOf(setting.value())).as(key.path()).isEqualTo(String.valueOf(key.defaultValue()));
    }
  }
}
