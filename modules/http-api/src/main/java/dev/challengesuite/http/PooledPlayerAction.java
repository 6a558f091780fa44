package dev.challengesuite.http;

import io.netty.buffer.ByteBuf;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/**
 * A route that acts for the player who sent the request and replies with a JSON body in pooled
 * memory: the router writes it and releases the reference it was given once the bytes are sent.
 */
@FunctionalInterface
interface PooledPlayerAction {

  Future<ByteBuf> handle(RoutingContext ctx, String userId);
}
