package dev.challengesuite.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.common.progress.StatValue;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StatsJsonTest {

  @Test
  @DisplayName("stat codes with quotes, backslashes and control characters survive a round trip")
  void escapesCodes() {
    Map<String, StatValue> stats = Map.of(
        "plain", new StatValue(1, 2),
        "quote\"back\\slash", new StatValue(Integer.MAX_VALUE, Long.MAX_VALUE),
        "tab\tnew\nline\u0001", new StatValue(0, 0),
        "ünïcødé", new StatValue(7, 8));

    String json = StatsJson.encode(stats);

    assertThat(StatsJson.decode(new JsonObject(json))).isEqualTo(stats);
  }

  @Test
  @DisplayName("no stats encode as an empty object")
  void emptyStats() {
    assertThat(StatsJson.encode(Map.of())).isEqualTo("{}");
  }
}
