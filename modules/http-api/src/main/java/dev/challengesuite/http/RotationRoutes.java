package dev.challengesuite.http;

import dev.challengesuite.common.catalog.CatalogIndex;
import dev.challengesuite.common.catalog.Challenge;
import dev.challengesuite.common.error.ChallengeException;
import dev.challengesuite.common.progress.RotationStatus;
import dev.challengesuite.common.time.ServiceClock;
import dev.challengesuite.http.render.RotationRenderer;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /v1/challenges/{challengeId}/rotation} (reference §2.10): the challenge's current and
 * next rotation periods. Needs a player like every route, though the answer is the same for all.
 */
final class RotationRoutes {

  private final CatalogIndex catalog;
  private final ServiceClock clock;

  RotationRoutes(CatalogIndex catalog, ServiceClock clock) {
    this.catalog = catalog;
    this.clock = clock;
  }

  Future<Buffer> status(RoutingContext ctx, String userId) {
    String challengeId = PathIds.challengeId(ctx);
    Challenge challenge = catalog.challenge(challengeId);
    if (challenge == null) {
      return Future.failedFuture(
          ChallengeException.notFound("challenge not found: " + challengeId));
    }
    return Future.succeededFuture(
        RotationRenderer.render(RotationStatus.of(challenge, clock.now())));
  }
}
