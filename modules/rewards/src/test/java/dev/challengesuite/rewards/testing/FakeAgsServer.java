package dev.challengesuite.rewards.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.common.catalog.RewardType;
import dev.challengesuite.rewards.ags.AgsSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for AGS on a random loopback port: the IAM client-credentials token endpoint and the
 * two Platform grant endpoints (entitlement grant, wallet credit). It checks credentials, bearer
 * tokens and request bodies (only fields of the Platform's request models are accepted), records
 * every grant, and can be scripted to fail, delay or hang the next calls.
 *
 * <p>Thread-safe: the server runs on an event loop, tests read from their own thread. Other
 * modules use it through this module's test-jar.
 */
public final class FakeAgsServer {

  public static final String CLIENT_ID = "challenge-service";
  public static final String CLIENT_SECRET = "s3cret:with/odd chars";

  private static final Set<String> ENTITLEMENT_FIELDS = Set.of("collectionId", "endDate", "grantedCode", "itemId",
      "itemNamespace", "language", "metadata", "origin", "quantity", "region", "source", "startDate", "storeId");
  private static final Set<String> CREDIT_FIELDS = Set.of("amount", "expireAt", "metadata", "origin", "reason", "source");

  /** One grant the fake accepted. {@code claimId}: entitlement metadata.claimId or credit reason. */
  public record Grant(String namespace, String userId, RewardType type, String rewardId, long quantity, String claimId) {}

  /** One request to a Platform path, as received (raw path, body text). */
  public record PlatformRequest(HttpMethod method, String rawPath, String authorization, String contentType, String body) {}

  private sealed interface Action {}

  private record Fail(int status) implements Action {}

  private record Delay(long millis) implements Action {}

  private record Hang() implements Action {}

  private final Vertx vertx;
  private final String clientId;
  private final String clientSecret;
  private final List<Grant> grants = new CopyOnWriteArrayList<>();
  private final List<PlatformRequest> platformRequests = new CopyOnWriteArrayList<>();
  private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
  private final Queue<Action> platformScript = new ConcurrentLinkedQueue<>();
  private final Queue<Action> tokenScript = new ConcurrentLinkedQueue<>();
  private final AtomicInteger tokenRequests = new AtomicInteger();
  private final AtomicInteger issued = new AtomicInteger();
  private volatile long tokenLifetimeSeconds = 3600;
  private HttpServer server;

  private FakeAgsServer(Vertx vertx, String clientId, String clientSecret) {
    this.vertx = vertx;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
  }

  /** Starts with {@link #CLIENT_ID} / {@link #CLIENT_SECRET} as the accepted credentials. */
  public static Future<FakeAgsServer> start(Vertx vertx) {
    return start(vertx, CLIENT_ID, CLIENT_SECRET);
  }

  public static Future<FakeAgsServer> start(Vertx vertx, String clientId, String clientSecret) {
    FakeAgsServer fake = new FakeAgsServer(vertx, clientId, clientSecret);
    return vertx.createHttpServer()
        .requestHandler(fake::handle)
        .listen(0, "127.0.0.1")
        .map(server -> {
          fake.server = server;
          return fake;
        });
  }

  public Future<Void> close() {
    return server.close();
  }

  /** {@code http://127.0.0.1:<port>}: the base URL of both IAM and Platform. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  /** Settings of a real client pointed at this fake with the accepted credentials. */
  public AgsSettings settings() {
    return new AgsSettings(baseUrl(), baseUrl(), clientId, clientSecret);
  }

  // ---- what happened

  public List<Grant> grants() {
    return List.copyOf(grants);
  }

  public List<Grant> grantsFor(String claimId) {
    return grants.stream().filter(grant -> claimId.equals(grant.claimId())).toList();
  }

  /** Fails the test unless exactly one grant carries {@code claimId}. */
  public Grant assertGrantedExactlyOnce(String claimId) {
    List<Grant> matching = grantsFor(claimId);
    assertThat(matching).as("grants recorded for claim %s", claimId).hasSize(1);
    return matching.getFirst();
  }

  /** Every request that reached a Platform grant path, scripted failures and 401s included. */
  public List<PlatformRequest> platformRequests() {
    return List.copyOf(platformRequests);
  }

  public int platformRequestCount() {
    return platformRequests.size();
  }

  public int tokenRequestCount() {
    return tokenRequests.get();
  }

  // ---- scripting

  /** The next {@code count} Platform calls answer {@code status} and grant nothing. */
  public FakeAgsServer failNext(int count, int status) {
    return script(platformScript, count, new Fail(status));
  }

  /** The next {@code count} Platform calls are never answered and grant nothing. */
  public FakeAgsServer hangNext(int count) {
    return script(platformScript, count, new Hang());
  }

  /** The next {@code count} Platform calls grant at once but answer after {@code millis}. */
  public FakeAgsServer delayNext(int count, long millis) {
    return script(platformScript, count, new Delay(millis));
  }

  /** The next {@code count} IAM token requests answer {@code status}. */
  public FakeAgsServer failNextTokenRequests(int count, int status) {
    return script(tokenScript, count, new Fail(status));
  }

  /** The next {@code count} IAM token requests are never answered. */
  public FakeAgsServer hangNextTokenRequests(int count) {
    return script(tokenScript, count, new Hang());
  }

  /** {@code expires_in} of the tokens issued from now on (default 3600). */
  public FakeAgsServer tokenLifetimeSeconds(long seconds) {
    tokenLifetimeSeconds = seconds;
    return this;
  }

  /** Every token issued so far becomes invalid: the Platform answers 401 to it. */
  public FakeAgsServer revokeTokens() {
    validTokens.clear();
    return this;
  }

  private FakeAgsServer script(Queue<Action> queue, int count, Action action) {
    for (int i = 0; i < count; i++) {
      queue.add(action);
    }
    return this;
  }

  // ---- serving

  private void handle(HttpServerRequest request) {
    if (request.path().equals("/iam/v3/oauth/token")) {
      request.setExpectMultipart(true);
      request.end().onSuccess(ended -> token(request));
    } else {
      request.body().onSuccess(body -> platform(request, body.toString(StandardCharsets.UTF_8)));
    }
  }

  private void token(HttpServerRequest request) {
    tokenRequests.incrementAndGet();
    Action action = tokenScript.poll();
    if (action instanceof Hang) {
      return;
    }
    if (action instanceof Fail fail) {
      error(request, fail.status(), "scripted failure");
      return;
    }
    String expected = "Basic " + Base64.getEncoder()
        .encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
    if (request.method() != HttpMethod.POST || !expected.equals(request.getHeader("authorization"))) {
      request.response().setStatusCode(401).putHeader("content-type", "application/json")
          .end(new JsonObject().put("error", "invalid_client").encode());
      return;
    }
    if (!"client_credentials".equals(request.formAttributes().get("grant_type"))) {
      request.response().setStatusCode(400).putHeader("content-type", "application/json")
          .end(new JsonObject().put("error", "unsupported_grant_type").encode());
      return;
    }
    String token = "fake-token-" + issued.incrementAndGet();
    validTokens.add(token);
    request.response().putHeader("content-type", "application/json").end(new JsonObject()
        .put("access_token", token)
        .put("token_type", "Bearer")
        .put("expires_in", tokenLifetimeSeconds)
        .encode());
  }

  private void platform(HttpServerRequest request, String body) {
    String rawPath = request.path();
    List<String> segments = segments(rawPath);
    // platform / admin / namespaces / {ns} / users / {userId} / entitlements
    // platform / admin / namespaces / {ns} / users / {userId} / wallets / {currencyCode} / credit
    boolean platformPath = segments.size() >= 7 && segments.get(0).equals("platform")
        && segments.get(1).equals("admin") && segments.get(2).equals("namespaces") && segments.get(4).equals("users");
    boolean entitlement = platformPath && request.method() == HttpMethod.POST && segments.size() == 7
        && segments.get(6).equals("entitlements");
    boolean credit = platformPath && request.method() == HttpMethod.PUT && segments.size() == 9
        && segments.get(6).equals("wallets") && segments.get(8).equals("credit");
    if (!entitlement && !credit) {
      error(request, 404, "no such endpoint: " + request.method() + " " + rawPath);
      return;
    }
    platformRequests.add(new PlatformRequest(request.method(), rawPath, request.getHeader("authorization"),
        request.getHeader("content-type"), body));
    Action action = platformScript.poll();
    if (action instanceof Hang) {
      return;
    }
    if (action instanceof Fail fail) {
      error(request, fail.status(), "scripted failure");
      return;
    }
    String authorization = request.getHeader("authorization");
    if (authorization == null || !authorization.startsWith("Bearer ")
        || !validTokens.contains(authorization.substring("Bearer ".length()))) {
      error(request, 401, "token is not valid");
      return;
    }
    String namespace = segments.get(3);
    String userId = segments.get(5);
    Object response;
    try {
      response = entitlement
          ? grantEntitlement(namespace, userId, body)
          : creditWallet(namespace, userId, segments.get(7), body);
    } catch (RuntimeException invalid) {
      error(request, 400, "invalid request: " + invalid.getMessage());
      return;
    }
    int status = entitlement ? 201 : 200;
    String encoded = response instanceof JsonArray array ? array.encode() : ((JsonObject) response).encode();
    long delay = action instanceof Delay d ? d.millis() : 0;
    if (delay > 0) {
      vertx.setTimer(delay, id -> respond(request, status, encoded));
    } else {
      respond(request, status, encoded);
    }
  }

  private JsonArray grantEntitlement(String namespace, String userId, String body) {
    JsonArray items = new JsonArray(body);
    if (items.size() != 1) {
      throw new IllegalArgumentException("expected one entitlement, got " + items.size());
    }
    JsonObject item = items.getJsonObject(0);
    onlyFields(item, ENTITLEMENT_FIELDS);
    String itemId = requireText(item, "itemId");
    if (!namespace.equals(item.getString("itemNamespace"))) {
      throw new IllegalArgumentException("itemNamespace must be " + namespace);
    }
    int quantity = item.getInteger("quantity", 0);
    if (quantity < 1) {
      throw new IllegalArgumentException("quantity must be positive");
    }
    JsonObject metadata = item.getJsonObject("metadata", new JsonObject());
    grants.add(new Grant(namespace, userId, RewardType.ITEM, itemId, quantity, metadata.getString("claimId")));
    return new JsonArray().add(new JsonObject()
        .put("id", UUID.randomUUID().toString().replace("-", ""))
        .put("namespace", namespace)
        .put("userId", userId)
        .put("itemId", itemId)
        .put("itemNamespace", namespace)
        .put("status", "ACTIVE")
        .put("useCount", quantity)
        .put("source", item.getString("source", "OTHER")));
  }

  private JsonObject creditWallet(String namespace, String userId, String currencyCode, String body) {
    JsonObject credit = new JsonObject(body);
    onlyFields(credit, CREDIT_FIELDS);
    long amount = credit.getLong("amount", 0L);
    if (amount < 1) {
      throw new IllegalArgumentException("amount must be positive");
    }
    grants.add(new Grant(namespace, userId, RewardType.WALLET, currencyCode, amount, credit.getString("reason")));
    long balance = grants.stream()
        .filter(g -> g.type() == RewardType.WALLET && g.userId().equals(userId) && g.rewardId().equals(currencyCode))
        .mapToLong(Grant::quantity).sum();
    return new JsonObject()
        .put("id", UUID.randomUUID().toString().replace("-", ""))
        .put("namespace", namespace)
        .put("userId", userId)
        .put("currencyCode", currencyCode)
        .put("balance", balance)
        .put("status", "ACTIVE");
  }

  private static void onlyFields(JsonObject object, Set<String> allowed) {
    for (String field : object.fieldNames()) {
      if (!allowed.contains(field)) {
        throw new IllegalArgumentException("unknown field " + field);
      }
    }
  }

  private static String requireText(JsonObject object, String field) {
    String value = object.getString(field);
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(field + " is required");
    }
    return value;
  }

  /** The decoded segments of a raw path ('+' is a literal plus in a path, not a space). */
  private static List<String> segments(String rawPath) {
    List<String> segments = new ArrayList<>();
    for (String raw : rawPath.substring(1).split("/", -1)) {
      segments.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
    }
    return segments;
  }

  private static void error(HttpServerRequest request, int status, String message) {
    respond(request, status, new JsonObject().put("errorCode", status * 100).put("errorMessage", message).encode());
  }

  private static void respond(HttpServerRequest request, int status, String json) {
    if (!request.response().closed()) {
      request.response().setStatusCode(status).putHeader("content-type", "application/json").end(Buffer.buffer(json));
    }
  }
}
