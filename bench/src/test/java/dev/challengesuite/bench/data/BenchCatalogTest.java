package dev.challengesuite.bench.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.cache.catalog.CatalogLoader;
import dev.challengesuite.common.catalog.CatalogIndex;
import dev.challengesuite.common.catalog.Goal;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BenchCatalogTest {

  @Test
  @DisplayName("The standard catalog passes the service's own catalog validation")
  void loadsInTheService() throws Exception {
    Path file = BenchCatalog.standard().writeTempFile();

    CatalogIndex index = CatalogLoader.load(file);

    assertThat(index.challenges()).hasSize(10);
    assertThat(index.defaultGoals()).hasSize(500);
  }

  @Test
  @DisplayName("Statistic goals spread over the five stat codes, login goals count login_count")
  void statCodes() throws Exception {
    CatalogIndex index = CatalogLoader.load(BenchCatalog.standard().writeTempFile());

    for (String statCode : BenchCatalog.STAT_CODES) {
      assertThat(index.statisticGoals(statCode)).hasSize(90);
    }
    assertThat(index.loginGoals()).hasSize(50)
        .allSatisfy(goal -> assertThat(goal.requirement().statCode()).isEqualTo("login_count"));
  }

  @Test
  @DisplayName("Targets are mixed, from 1 to 1000")
  void mixedTargets() throws Exception {
    CatalogIndex index = CatalogLoader.load(BenchCatalog.standard().writeTempFile());

    var targets = index.defaultGoals().stream().map(Goal::requirement).map(r -> r.targetValue())
        .collect(Collectors.toSet());
    assertThat(targets).contains(1, 1000).hasSizeGreaterThan(5);
  }

  @Test
  @DisplayName("No goal rotates and every goal is assigned by default")
  void noRotation() {
    JsonObject json = BenchCatalog.standard().toJson();

    assertThat(json.getJsonArray("challenges").stream()
            .flatMap(c -> ((JsonObject) c).getJsonArray("goals").stream())
            .map(JsonObject.class::cast))
        .allSatisfy(goal -> {
          assertThat(goal.getBoolean("defaultAssigned")).isTrue();
          assertThat(goal.containsKey("rotation")).isFalse();
        });
  }

  @Test
  @DisplayName("Goal references name the challenge each goal belongs to")
  void goalRefs() {
    BenchCatalog catalog = BenchCatalog.of(2, 3);

    assertThat(catalog.goals()).extracting(BenchCatalog.GoalRef::challengeId)
        .containsExactly("bench-challenge-01", "bench-challenge-01", "bench-challenge-01",
            "bench-challenge-02", "bench-challenge-02", "bench-challenge-02");
  }
}
