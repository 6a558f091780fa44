package dev.challengesuite.http;

import static dev.challengesuite.http.TestPlayers.player;
import static dev.challengesuite.http.TestPlayers.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.common.progress.GoalStatus;
import dev.challengesuite.common.progress.PlayerProgress;
import io.netty.buffer.ByteBuf;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The list served from the instance's cache of bodies, over a catalog without rotating goals. */
@ExtendWith(VertxExtension.class)
class ChallengeListCacheRouteTest {

  private static final String LIST = ApiHarness.BASE + "/v1/challenges";
  private static final Instant ASSIGNED = Instant.parse("2025-01-14T08:00:00Z");
  private static final Instant COMPLETED = Instant.parse("2025-01-15T09:00:00Z");

  private ApiHarness api;

  private static PlayerProgress alice(GoalStatus killSnowmen, int progress) {
    return player("alice", ASSIGNED,
        state("kill-snowmen", "winter", true, killSnowmen, progress, ASSIGNED,
            killSnowmen == GoalStatus.COMPLETED ? COMPLETED : null, null),
        state("tricky", "winter", false, GoalStatus.IN_PROGRESS, 2, ASSIGNED, null, null));
  }

  @BeforeEach
  void start(Vertx vertx) {
    api = ApiHarness.start(vertx, TestCatalog.fixedIndex());
    api.players.progress.put("alice", alice(GoalStatus.IN_PROGRESS, 4));
  }

  private String list(String query) {
    HttpResponse<Buffer> response = api.get(LIST + query, "alice");
    assertThat(response.statusCode()).isEqualTo(200);
    return response.bodyAsString();
  }

  private static JsonObject goal(String list, int challenge, int goal) {
    return StrictJson.parse(list).getJsonArray("challenges").getJsonObject(challenge)
        .getJsonArray("goals").getJsonObject(goal);
  }

  @Test
  @DisplayName("a player who did not change gets the same body again, from the cache")
  void sameBodyAgain() {
    String first = list("");

    assertThat(list("")).isEqualTo(first);
    assertThat(api.verticle.listBodies().size()).isEqualTo(1);
  }

  @Test
  @DisplayName("a change of the player shows in the next list")
  void changeShows() {
    list("");
    api.players.progress.put("alice", alice(GoalStatus.COMPLETED, 10));

    JsonObject killSnowmen = goal(list(""), 0, 0);

    assertThat(killSnowmen.getString("status")).isEqualTo("completed");
    assertThat(killSnowmen.getInteger("progress")).isEqualTo(10);
  }

  @Test
  @DisplayName("the full and the active-only list are cached apart")
  void flagsApart() {
    String full = list("");
    String activeOnly = list("?active_only=true");

    assertThat(goal(full, 0, 1).getString("status")).isEqualTo("in_progress");
    assertThat(goal(activeOnly, 0, 1).getString("status")).isEqualTo("not_started");
    assertThat(list("")).isEqualTo(full);
    assertThat(list("?active_only=true")).isEqualTo(activeOnly);
  }

  @Test
  @DisplayName("once the responses are written, only the cache holds the body")
  void noReferenceLeftBehind() {
    for (int i = 0; i < 20; i++) {
      list("");
    }
    PlayerProgress alice = api.players.progress.get("alice");

    ByteBuf cached = api.verticle.listBodies().get("alice", false, alice);

    try {
      // the server releases a write's reference when the write completes, which may be just after
      // the client has read the bytes
      long deadline = System.nanoTime() + 2_000_000_000L;
      while (cached.refCnt() > 2 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertThat(cached.refCnt()).isEqualTo(2); // the cache's and this test's
    } finally {
      cached.release();
    }
  }
}
