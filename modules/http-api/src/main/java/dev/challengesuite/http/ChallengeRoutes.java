package dev.challengesuite.http;

import dev.challengesuite.common.catalog.CatalogIndex;
import dev.challengesuite.common.player.PlayerClient;
import dev.challengesuite.common.time.ServiceClock;
import dev.challengesuite.http.render.ChallengeListRenderer;
import dev.challengesuite.http.render.GoalViewer;
import dev.challengesuite.http.render.InitializeRenderer;
import dev.challengesuite.http.render.PlayerGoalViews;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /v1/challenges} and {@code POST /v1/challenges/initialize}. */
final class ChallengeRoutes {

  private final PlayerClient players;
  private final GoalViewer viewer;
  private final ServiceClock clock;
  private final ChallengeListRenderer list;
  private final ListBodyCache listBodies;
  private final InitializeRenderer initialize;

  /** @param listCacheBytes bytes of list bodies kept for players that did not change */
  ChallengeRoutes(CatalogIndex catalog, PlayerClient players, GoalViewer viewer, ServiceClock clock,
      long listCacheBytes) {
    this.players = players;
    this.viewer = viewer;
    this.clock = clock;
    this.list = new ChallengeListRenderer(catalog.challenges());
    this.listBodies = ListBodyCache.forCatalog(catalog, listCacheBytes);
    this.initialize = new InitializeRenderer(catalog.challenges());
  }

  /**
   * Every challenge and goal with the caller's committed progress (reference §2.4), in pooled
   * memory that the caller releases.
   */
  Future<ByteBuf> list(RoutingContext ctx, String userId) {
    boolean activeOnly = activeOnly(ctx.request());
    return players.get(userId).map(player -> {
      ByteBuf cached = listBodies.get(userId, activeOnly, player);
      if (cached != null) {
        return cached;
      }
      ByteBuf body = list.render(PlayerGoalViews.of(viewer, player, clock.now()), activeOnly,
          PooledByteBufAllocator.DEFAULT);
      listBodies.put(userId, activeOnly, player, body);
      return body;
    });
  }

  /** The list bodies kept for players that did not change. */
  ListBodyCache listBodies() {
    return listBodies;
  }

  /** Frees the cached list bodies (the instance is stopping). */
  void close() {
    listBodies.clear();
  }

  /** Assigns the default goals and lists the caller's active goals (reference §2.5). */
  Future<Buffer> initialize(RoutingContext ctx, String userId) {
    return players
        .initialize(userId)
        .map(outcome -> initialize.render(
            PlayerGoalViews.of(viewer, outcome.progress(), clock.now()),
            outcome.newlyAssigned().size()));
  }

  /** {@code active_only} or {@code activeOnly} set to {@code true} or {@code 1}, any case. */
  static boolean activeOnly(HttpServerRequest request) {
    return isTrue(request.getParam("active_only")) || isTrue(request.getParam("activeOnly"));
  }

  private static boolean isTrue(String value) {
    return value != null && (value.equalsIgnoreCase("true") || value.equals("1"));
  }
}
