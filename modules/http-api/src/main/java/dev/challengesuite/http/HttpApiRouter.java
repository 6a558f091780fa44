package dev.challengesuite.http;

import dev.challengesuite.common.error.ChallengeException;
import dev.challengesuite.common.error.ErrorCode;
import dev.challengesuite.http.auth.PlayerIdentity;
import io.netty.buffer.ByteBuf;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds the REST router: every route under {@code basePath}, player routes behind the {@link
 * PlayerIdentity}, one error envelope for everything (failed routes, unknown paths → 404, a known
 * path with another method → 405 with {@code Allow}, bodies over the limit → 413).
 */
final class HttpApiRouter {

  static final CharSequence APPLICATION_JSON = HttpHeaders.createOptimized("application/json");

  private static final ChallengeException METHOD_NOT_ALLOWED =
      new ChallengeException(ErrorCode.METHOD_NOT_ALLOWED, "Method Not Allowed");

  private final Router router;
  private final String basePath;
  private final PlayerIdentity identity;
  private final BodyHandler bodies;
  private final ErrorResponder errors;
  /** Methods served per full path, for the 405 fallbacks. */
  private final Map<String, Set<HttpMethod>> methodsByPath = new LinkedHashMap<>();

  HttpApiRouter(Vertx vertx, String basePath, int maxBodyBytes, PlayerIdentity identity) {
    this.router = Router.router(vertx);
    this.basePath = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
    this.identity = identity;
    this.bodies = BodyHandler.create(false).setBodyLimit(maxBodyBytes);
    this.errors = new ErrorResponder(maxBodyBytes);
  }

  /** A route without a player (health, API docs). */
  HttpApiRouter open(HttpMethod method, String path, Function<RoutingContext, Future<Buffer>> action) {
    respondJson(route(method, path), action);
    return this;
  }

  /** A route acting for the caller; {@code withBody} routes read (and size-check) the body first. */
  HttpApiRouter player(HttpMethod method, String path, boolean withBody, PlayerAction action) {
    Route route = route(method, path);
    if (withBody) {
      route.handler(BODY_IS_JSON).handler(bodies);
    }
    respondJson(route, ctx -> identity.userId(ctx).compose(userId -> action.handle(ctx, userId)));
    return this;
  }

  /**
   * A route acting for the caller whose body is pooled memory: written as it is (no copy on the
   * way to the socket) and released once sent or failed to send.
   */
  HttpApiRouter player(HttpMethod method, String path, PooledPlayerAction action) {
    route(method, path).handler(ctx -> {
      ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, APPLICATION_JSON);
      Future<ByteBuf> body;
      try {
        body = identity.userId(ctx).compose(userId -> action.handle(ctx, userId));
      } catch (RuntimeException e) {
        ctx.fail(e);
        return;
      }
      body.onComplete(bytes -> send(ctx, bytes), ctx::fail);
    });
    return this;
  }

  /** Every route served, as "METHOD /path" relative to the base path with {param} placeholders. */
  List<String> served() {
    List<String> routes = new ArrayList<>();
    methodsByPath.forEach((path, methods) -> methods.forEach(method -> routes.add(
        method.name() + " " + path.substring(basePath.length()).replaceAll(":([A-Za-z]+)", "{$1}"))));
    return routes;
  }

  /**
   * Bodies are read as JSON whatever their declared type, as the reference's gateway does
   * (clients such as {@code curl -d} send form-urlencoded headers with JSON bodies); this also
   * keeps the form decoder, with its own size errors, out of the way of the 64 KiB limit.
   */
  private static final PlatformHandler BODY_IS_JSON = ctx -> {
    ctx.request().headers().set(HttpHeaders.CONTENT_TYPE, APPLICATION_JSON);
    ctx.next();
  };

  /** The router, closed with the 405 fallbacks, the failure handler and the 404 handler. */
  Router build() {
    methodsByPath.forEach((path, methods) -> {
      String allow = methods.stream().map(HttpMethod::name).collect(Collectors.joining(", "));
      router.route(path).handler(ctx -> {
        ctx.response().putHeader(HttpHeaders.ALLOW, allow);
        ctx.fail(METHOD_NOT_ALLOWED);
      });
    });
    router.route().failureHandler(errors);
    router.errorHandler(404, errors::notFound);
    return router;
  }

  private Route route(HttpMethod method, String path) {
    String fullPath = basePath + path;
    methodsByPath.computeIfAbsent(fullPath, p -> new LinkedHashSet<>()).add(method);
    return router.route(method, fullPath);
  }

  /** Writes {@code body} and releases it once the write is done (or could not start). */
  private static void send(RoutingContext ctx, ByteBuf body) {
    Future<Void> written;
    try {
      written = ctx.response().end(BufferInternal.buffer(body));
    } catch (RuntimeException e) {
      body.release();
      ctx.fail(e);
      return;
    }
    written.onComplete(done -> body.release());
  }

  /** Replies with the action's JSON body; a failed action reaches the failure handler. */
  private static void respondJson(Route route, Function<RoutingContext, Future<Buffer>> action) {
    route.respond(ctx -> {
      ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, APPLICATION_JSON);
      return action.apply(ctx);
    });
  }
}
