package dev.challengesuite.http.auth;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IAM signing keys by {@code kid}, fetched from {@code {AB_BASE_URL}/iam/v3/oauth/jwks}.
 *
 * <ul>
 *   <li>Refreshed in the background every {@code refreshInterval}; while no key was ever loaded
 *       (IAM down at startup) retried every {@code minForcedInterval} instead, so readiness does
 *       not wait a whole refresh interval.
 *   <li>A token with an unknown kid may force one early fetch ({@link #refreshForUnknownKey}):
 *       concurrent callers share the fetch in flight, and at most one forced fetch starts per
 *       {@code minForcedInterval}, so made-up kids cannot hammer IAM (at worst it sees the
 *       background refresh plus one fetch per interval).
 *   <li>A failed fetch (IAM down, bad status, no usable key) keeps the previous keys and logs.
 * </ul>
 *
 * One instance serves every HTTP verticle of the process: it is thread-safe (the key map is an
 * immutable snapshot swapped atomically), and futures it returns complete on whatever thread ran
 * the fetch, so callers hop back to their own context.
 */
public final class JwksKeys {

  public static final String JWKS_PATH = "/iam/v3/oauth/jwks";
  public static final Duration MIN_FORCED_INTERVAL = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(JwksKeys.class);
  private static final long FETCH_TIMEOUT_MILLIS = 5_000;
  private static final long MIN_RETRY_MILLIS = 100;

  private final Vertx vertx;
  private final WebClient client;
  private final String url;
  private final long refreshMillis;
  private final long minForcedNanos;
  private final long retryMillis;
  private final AtomicReference<Future<Void>> inFlight = new AtomicReference<>();
  private volatile Map<String, RSAPublicKey> keys = Map.of();
  private volatile long lastForcedNanos;
  private volatile long timerId = -1;
  private volatile boolean closed;

  private JwksKeys(Vertx vertx, String url, Duration refreshInterval, Duration minForcedInterval) {
    this.vertx = vertx;
    this.client =
        WebClient.create(
            vertx,
            new WebClientOptions()
                .setConnectTimeout((int) FETCH_TIMEOUT_MILLIS)
                .setUserAgent("challenge-suite"));
    this.url = url;
    this.refreshMillis = Math.max(1, refreshInterval.toMillis());
    this.minForcedNanos = minForcedInterval.toNanos();
    this.retryMillis =
        Math.max(MIN_RETRY_MILLIS, Math.min(refreshMillis, minForcedInterval.toMillis()));
    this.lastForcedNanos = System.nanoTime() - minForcedNanos;
  }

  /**
   * Starts fetching {@code url} now and then periodically. Returns at once: the service starts even
   * when IAM is unreachable, and tokens are refused (401) until keys arrive.
   */
  public static JwksKeys start(
      Vertx vertx, String url, Duration refreshInterval, Duration minForcedInterval) {
    JwksKeys keys = new JwksKeys(vertx, url, refreshInterval, minForcedInterval);
    keys.scheduledFetch();
    return keys;
  }

  /** The key with this id, or null. */
  RSAPublicKey key(String kid) {
    return keys.get(kid);
  }

  /** Whether any key was loaded (readiness). */
  public boolean loaded() {
    return !keys.isEmpty();
  }

  /**
   * An early fetch because a token named a kid we do not know: joins the fetch in flight, starts
   * one if the last forced fetch started at least {@code minForcedInterval} ago, or does nothing.
   * The future never fails; the caller looks the kid up again when it completes.
   */
  Future<Void> refreshForUnknownKey() {
    Future<Void> running = inFlight.get();
    if (running != null) {
      return running;
    }
    long now = System.nanoTime();
    if (now - lastForcedNanos < minForcedNanos) {
      return Future.succeededFuture();
    }
    lastForcedNanos = now;
    return fetch();
  }

  /** Whether a fetch is running (tests wait for quiet). */
  boolean fetching() {
    return inFlight.get() != null;
  }

  /** Stops the background refresh and closes the HTTP client. */
  public void close() {
    closed = true;
    vertx.cancelTimer(timerId);
    client.close();
  }

  private void scheduledFetch() {
    fetch()
        .onComplete(
            done -> {
              if (closed) {
                return;
              }
              timerId =
                  vertx.setTimer(loaded() ? refreshMillis : retryMillis, id -> scheduledFetch());
            });
  }

  /** One fetch at a time: a caller arriving while one runs gets that one. */
  private Future<Void> fetch() {
    Promise<Void> promise = Promise.promise();
    Future<Void> running = inFlight.compareAndExchange(null, promise.future());
    if (running != null) {
      return running;
    }
    client
        .getAbs(url)
        .timeout(FETCH_TIMEOUT_MILLIS)
        .send()
        .map(this::keysOf)
        .onComplete(
            result -> {
              if (result.succeeded()) {
                if (!result.result().keySet().equals(keys.keySet())) {
                  LOG.info(
                      "JWKS from {}: {} signing key(s) {}",
                      url,
                      result.result().size(),
                      result.result().keySet());
                }
                keys = result.result();
              } else {
                LOG.warn(
                    "JWKS fetch from {} failed, keeping {} known key(s): {}",
                    url,
                    keys.size(),
                    result.cause().toString());
              }
              // Cleared after the swap: a caller joining now still sees the new keys on completion.
              inFlight.set(null);
              promise.complete();
            });
    return promise.future();
  }

  private Map<String, RSAPublicKey> keysOf(HttpResponse<Buffer> response) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException("HTTP " + response.statusCode());
    }
    String body = response.bodyAsString();
    return Jwks.parse(body == null ? "" : body);
  }
}
