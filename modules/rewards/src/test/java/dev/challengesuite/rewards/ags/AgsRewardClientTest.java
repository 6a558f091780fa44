package dev.challengesuite.rewards.ags;

import static dev.challengesuite.rewards.ags.AgsClientHarness.NAMESPACE;
import static dev.challengesuite.rewards.ags.AgsClientHarness.item;
import static dev.challengesuite.rewards.ags.AgsClientHarness.wallet;
import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.common.catalog.RewardType;
import dev.challengesuite.common.reward.GrantFailure;
import dev.challengesuite.common.reward.GrantResult;
import dev.challengesuite.rewards.testing.FakeAgsServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class AgsRewardClientTest {

  private AgsClientHarness harness;
  private FakeAgsServer ags;
  private AgsRewardClient client;

  @BeforeEach
  void start(Vertx vertx) {
    harness = new AgsClientHarness(vertx);
    ags = harness.ags;
    client = harness.client;
  }

  @AfterEach
  void stop() {
    client.close();
    ags.close().await();
  }

  @Test
  @DisplayName("an ITEM reward posts one REWARD entitlement with the claim id in its metadata")
  void itemRequest() {
    GrantResult result = client.grant(item("alice", "sword", 2, "alice:g1:-")).await();

    assertThat(result).isEqualTo(new GrantResult.Granted(1));
    FakeAgsServer.PlatformRequest request = ags.platformRequests().getFirst();
    assertThat(request.method()).isEqualTo(HttpMethod.POST);
    assertThat(request.rawPath()).isEqualTo("/platform/admin/namespaces/test-ns/users/alice/entitlements");
    assertThat(request.authorization()).isEqualTo("Bearer fake-token-1");
    assertThat(request.contentType()).startsWith("application/json");
    assertThat(new JsonArray(request.body())).isEqualTo(new JsonArray().add(new JsonObject()
        .put("itemId", "sword")
        .put("itemNamespace", NAMESPACE)
        .put("quantity", 2)
        .put("source", "REWARD")
        .put("origin", "System")
        .put("metadata", new JsonObject().put("claimId", "alice:g1:-"))));
    assertThat(ags.assertGrantedExactlyOnce("alice:g1:-"))
        .isEqualTo(new FakeAgsServer.Grant(NAMESPACE, "alice", RewardType.ITEM, "sword", 2, "alice:g1:-"));
  }

  @Test
  @DisplayName("a WALLET reward credits the currency's wallet with the claim id as reason")
  void walletRequest() {
    GrantResult result = client.grant(wallet("bob", "GOLD", 150, "bob:g2:2026-03-06T00:00:00Z")).await();

    assertThat(result).isEqualTo(new GrantResult.Granted(1));
    FakeAgsServer.PlatformRequest request = ags.platformRequests().getFirst();
    assertThat(request.method()).isEqualTo(HttpMethod.PUT);
    assertThat(request.rawPath()).isEqualTo("/platform/admin/namespaces/test-ns/users/bob/wallets/GOLD/credit");
    assertThat(new JsonObject(request.body())).isEqualTo(new JsonObject()
        .put("amount", 150)
        .put("source", "REWARD")
        .put("reason", "bob:g2:2026-03-06T00:00:00Z"));
    assertThat(ags.assertGrantedExactlyOnce("bob:g2:2026-03-06T00:00:00Z").quantity()).isEqualTo(150);
  }

  @Test
  @DisplayName("user ids and currency codes with odd characters stay one encoded path segment")
  void encodesPathSegments() {
    String user = "we ird/üser?x=1#frag%20+";
    String currency = "GÖLD/2";

    client.grant(item(user, "sword", 1, "c1")).await();
    client.grant(wallet(user, currency, 5, "c2")).await();

    assertThat(ags.assertGrantedExactlyOnce("c1").userId()).isEqualTo(user);
    FakeAgsServer.Grant credit = ags.assertGrantedExactlyOnce("c2");
    assertThat(credit.userId()).isEqualTo(user);
    assertThat(credit.rewardId()).isEqualTo(currency);
    assertThat(ags.platformRequests().getFirst().rawPath())
        .isEqualTo("/platform/admin/namespaces/test-ns/users/we%20ird%2F%C3%BCser%3Fx%3D1%23frag%2520%2B/entitlements");
  }

  @Test
  @DisplayName("the client token is fetched once and reused by later grants")
  void reusesToken() {
    client.grant(item("alice", "sword", 1, "c1")).await();
    client.grant(item("bob", "sword", 1, "c2")).await();
    client.grant(wallet("carol", "GOLD", 1, "c3")).await();

    assertThat(ags.tokenRequestCount()).isEqualTo(1);
    assertThat(ags.grants()).hasSize(3);
  }

  @Test
  @DisplayName("grants started together share one token request")
  void sharesTokenFetch() {
    Future.all(IntStream.range(0, 5).mapToObj(i -> client.grant(item("u" + i, "sword", 1, "c" + i))).toList()).await();

    assertThat(ags.tokenRequestCount()).isEqualTo(1);
    assertThat(ags.grants()).hasSize(5);
  }

  @Test
  @DisplayName("the token is reused until shortly before expires_in ends, then fetched again")
  void refreshesBeforeExpiry() {
    client.grant(item("alice", "sword", 1, "c1")).await();
    harness.wallClock.addAndGet(3_000_000); // 50 of 60 minutes
    client.grant(item("alice", "sword", 1, "c2")).await();
    assertThat(ags.tokenRequestCount()).isEqualTo(1);

    harness.wallClock.addAndGet(541_000); // 59 s before expiry: inside the refresh margin
    client.grant(item("alice", "sword", 1, "c3")).await();

    assertThat(ags.tokenRequestCount()).isEqualTo(2);
    assertThat(ags.platformRequests().get(2).authorization()).isEqualTo("Bearer fake-token-2");
  }

  @Test
  @DisplayName("a 401 from the Platform refreshes the token once and repeats the grant within the attempt")
  void refreshesOn401() {
    client.grant(item("alice", "sword", 1, "c1")).await();
    ags.revokeTokens();

    GrantResult result = client.grant(item("alice", "sword", 1, "c2")).await();

    assertThat(result).isEqualTo(new GrantResult.Granted(1));
    assertThat(ags.tokenRequestCount()).isEqualTo(2);
    assertThat(ags.platformRequestCount()).isEqualTo(3);
    ags.assertGrantedExactlyOnce("c2");
  }

  @Test
  @DisplayName("a second 401 with a fresh token is final: REJECTED, not retried")
  void second401IsFinal() {
    ags.failNext(2, 401);

    GrantResult result = client.grant(item("alice", "sword", 1, "c1")).await();

    assertThat(result).isInstanceOfSatisfying(GrantResult.Failed.class, failed -> {
      assertThat(failed.failure()).isEqualTo(GrantFailure.REJECTED);
      assertThat(failed.message()).isEqualTo("reward service credentials rejected (HTTP 401)");
    });
    assertThat(ags.platformRequestCount()).isEqualTo(2);
    assertThat(ags.tokenRequestCount()).isEqualTo(2);
    assertThat(ags.grants()).isEmpty();
  }

  @Test
  @DisplayName("credentials refused by IAM are final: REJECTED without calling the Platform")
  void iamRejectsCredentials(Vertx vertx) {
    AgsSettings wrong = new AgsSettings(ags.baseUrl(), ags.baseUrl(), FakeAgsServer.CLIENT_ID, "wrong");
    AgsRewardClient misconfigured = harness.client(vertx, wrong, AgsClientHarness.FAST);

    GrantResult result = misconfigured.grant(item("alice", "sword", 1, "c1")).await();

    assertThat(result).isEqualTo(new GrantResult.Failed(
        GrantFailure.REJECTED, "reward service credentials rejected (HTTP 401)", 1));
    assertThat(ags.tokenRequestCount()).isEqualTo(1);
    assertThat(ags.platformRequestCount()).isZero();
  }

  @Test
  @DisplayName("an IAM 503 is retried like a Platform one")
  void retriesIamFailure() {
    ags.failNextTokenRequests(1, 503);

    GrantResult result = client.grant(item("alice", "sword", 1, "c1")).await();

    assertThat(result).isEqualTo(new GrantResult.Granted(2));
    assertThat(ags.tokenRequestCount()).isEqualTo(2);
    ags.assertGrantedExactlyOnce("c1");
  }

  @Test
  @DisplayName("an invalid grant is refused before any request")
  void refusesInvalidGrant() {
    GrantResult result = client.grant(item("alice", "sword", 0, "c1")).await();

    assertThat(result).isEqualTo(new GrantResult.Failed(GrantFailure.REJECTED, "invalid reward grant", 0));
    assertThat(ags.tokenRequestCount()).isZero();
    assertThat(ags.platformRequestCount()).isZero();
  }

  @Test
  @DisplayName("warm-up fails when IAM refuses the credentials")
  void warmUpFailsOnRejectedCredentials(Vertx vertx) {
    AgsSettings wrong = new AgsSettings(ags.baseUrl(), ags.baseUrl(), "nobody", "wrong");

    Future<Void> warmUp = harness.client(vertx, wrong, AgsClientHarness.FAST).warmUp();

    assertThat(warmUp.transform(Future::succeededFuture).await().cause())
        .hasMessageContaining("IAM rejected the client credentials (HTTP 401)");
  }

  @Test
  @DisplayName("warm-up succeeds when IAM is down: the token is fetched on the first grant")
  void warmUpToleratesUnavailableIam() {
    ags.failNextTokenRequests(1, 503);

    client.warmUp().await();
    client.grant(item("alice", "sword", 1, "c1")).await();

    assertThat(ags.tokenRequestCount()).isEqualTo(2);
    ags.assertGrantedExactlyOnce("c1");
  }
}
