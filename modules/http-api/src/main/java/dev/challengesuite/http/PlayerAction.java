package dev.challengesuite.http;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/** A route that acts for the player who sent the request: replies with a JSON body or fails. */
@FunctionalInterface
interface PlayerAction {

  Future<Buffer> handle(RoutingContext ctx, String userId);
}
