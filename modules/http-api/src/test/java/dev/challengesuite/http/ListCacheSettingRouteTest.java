package dev.challengesuite.http;

import static dev.challengesuite.http.TestPlayers.player;
import static dev.challengesuite.http.TestPlayers.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.common.catalog.CatalogIndex;
import dev.challengesuite.common.progress.GoalStatus;
import dev.challengesuite.http.render.GoalViewer;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code http.listCacheMiB}: the list cache's budget per HTTP verticle instance, 0 for none. */
@ExtendWith(VertxExtension.class)
class ListCacheSettingRouteTest {

  private static final String LIST = ApiHarness.BASE + "/v1/challenges";
  private static final Instant ASSIGNED = Instant.parse("2025-01-14T08:00:00Z");
  private static final CatalogIndex CATALOG = TestCatalog.fixedIndex();

  /** Goals viewed so far: a rendered list views every goal, a cached one none. */
  private final AtomicInteger views = new AtomicInteger();

  private ApiHarness start(Vertx vertx, int listCacheMiB) {
    GoalViewer rules = new TestViewer(CATALOG);
    GoalViewer counting = (goal, player, now) -> {
      views.incrementAndGet();
      return rules.view(goal, player, now);
    };
    ApiHarness api = ApiHarness.start(vertx, CATALOG, counting, listCacheMiB);
    api.players.progress.put("alice", player("alice", ASSIGNED,
        state("kill-snowmen", "winter", true, GoalStatus.IN_PROGRESS, 4, ASSIGNED, null, null)));
    return api;
  }

  /** Lists alice's challenges and answers how many goals that viewed. */
  private int viewsOfOneList(ApiHarness api) {
    int before = views.get();
    assertThat(api.get(LIST, "alice").statusCode()).isEqualTo(200);
    return views.get() - before;
  }

  @Test
  @DisplayName("with http.listCacheMiB 0 an unchanged player's list is rendered on every request")
  void offRendersEveryTime(Vertx vertx) {
    ApiHarness api = start(vertx, 0);
    int first = viewsOfOneList(api);

    int second = viewsOfOneList(api);

    assertThat(first).isPositive();
    assertThat(second).isEqualTo(first);
  }

  @Test
  @DisplayName("with http.listCacheMiB 0 no list body is kept")
  void offKeepsNothing(Vertx vertx) {
    ApiHarness api = start(vertx, 0);

    viewsOfOneList(api);

    assertThat(api.verticle.listBodies().size()).isZero();
  }

  @Test
  @DisplayName("with a size an unchanged player's list is rendered once and then served from the cache")
  void onServesFromCache(Vertx vertx) {
    ApiHarness api = start(vertx, 1);
    assertThat(viewsOfOneList(api)).isPositive();

    int second = viewsOfOneList(api);

    assertThat(second).isZero();
  }

  @Test
  @DisplayName("http.listCacheMiB is each instance's budget in MiB")
  void budgetInMiB(Vertx vertx) {
    ApiHarness api = start(vertx, 3);

    assertThat(api.verticle.listBodies().maxBytes()).isEqualTo(3L * 1024 * 1024);
  }
}
