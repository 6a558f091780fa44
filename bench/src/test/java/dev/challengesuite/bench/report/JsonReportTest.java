package dev.challengesuite.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JsonReportTest {

  private final JsonObject json = new JsonObject(JsonReport.render(Reports.sample()).encode());

  @Test
  @DisplayName("Per endpoint: counts, errors by status and latency percentiles in ms")
  void endpoint() {
    JsonObject stat = json.getJsonArray("phases").getJsonObject(1).getJsonArray("endpoints").getJsonObject(0);

    assertThat(stat.getString("endpoint")).isEqualTo("gRPC stat");
    assertThat(stat.getLong("ok")).isEqualTo(100);
    assertThat(stat.getJsonObject("errorsByStatus").getLong("overload/dropped")).isEqualTo(1);
    assertThat(stat.getJsonObject("latencyMs").getDouble("p99")).isCloseTo(9.9, org.assertj.core.api.Assertions.within(0.01));
    assertThat(stat.getDouble("achievedRate")).isEqualTo(100.0);
  }

  @Test
  @DisplayName("A value that does not exist is null, never NaN (JSON has no NaN)")
  void noNaN() {
    JsonObject active = json.getJsonArray("phases").getJsonObject(1).getJsonArray("endpoints").getJsonObject(1);

    assertThat(active.getJsonObject("latencyMs").getValue("p50")).isNull();
  }

  @Test
  @DisplayName("Sections keep their figures and table rows as objects")
  void sections() {
    JsonObject steps = json.getJsonArray("sections").getJsonObject(0);

    assertThat(steps.getJsonObject("figures").getInteger("highestPassingRate")).isEqualTo(100);
    assertThat(steps.getJsonArray("table").getJsonObject(0).getString("verdict")).isEqualTo("pass");
  }

  @Test
  @DisplayName("Machine, command line and resource summaries are included")
  void header() {
    assertThat(json.getString("commandLine")).contains("events-max");
    assertThat(json.getJsonObject("machine").getInteger("cpus")).isEqualTo(2);
    assertThat(json.getJsonArray("resources").getJsonObject(0).getDouble("median")).isEqualTo(60.0);
  }
}
