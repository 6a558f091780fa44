package dev.challengesuite.http;

import dev.challengesuite.common.catalog.CatalogIndex;
import dev.challengesuite.common.player.PlayerClient;
import dev.challengesuite.common.progress.ClaimRules;
import dev.challengesuite.http.render.ClaimRenderer;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST .../goals/{goalId}/claim} (reference §2.7, §8; docs/claims.md). An unknown goal, or
 * one of another challenge, is answered here without loading the player; the partition runs every
 * other check and the grant, and replies once the claim is durable.
 */
final class ClaimRoutes {

  private final CatalogIndex catalog;
  private final PlayerClient players;
  private final ClaimRenderer renderer = new ClaimRenderer();

  ClaimRoutes(CatalogIndex catalog, PlayerClient players) {
    this.catalog = catalog;
    this.players = players;
  }

  /** The body's content is ignored, but it must be a JSON object (or empty). */
  Future<Buffer> claim(RoutingContext ctx, String userId) {
    String challengeId = PathIds.challengeId(ctx);
    String goalId = PathIds.goalId(ctx);
    JsonBody.of(ctx);
    ClaimRules.goalToClaim(catalog, challengeId, goalId);
    return players.claim(userId, challengeId, goalId).map(renderer::claimed);
  }
}
