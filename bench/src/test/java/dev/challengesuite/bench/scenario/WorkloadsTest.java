package dev.challengesuite.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.bench.client.ApiClient;
import dev.challengesuite.bench.client.EventClient;
import dev.challengesuite.bench.data.BenchCatalog;
import dev.challengesuite.bench.data.Players;
import dev.challengesuite.bench.ledger.EventLedger;
import dev.challengesuite.bench.load.Call;
import dev.challengesuite.bench.load.Workload;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The mixes, by the endpoints they pick (nothing is sent: the calls are never invoked). */
class WorkloadsTest {

  private final Vertx vertx = Vertx.vertx();
  private final Players players = new Players(100);

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  @DisplayName("The API mix is 10% initialize, 70% list (half active_only), 15% set-active, 5% claim")
  void apiMix() {
    ApiClient api = new ApiClient(vertx, URI.create("http://127.0.0.1:1/challenge"), 1, 1000);
    Map<String, Integer> counts = pick(Workloads.apiMix(api, players, BenchCatalog.standard(), new SplittableRandom(1)), 20_000);

    assertThat(counts.get(ApiClient.INITIALIZE)).isBetween(1_800, 2_200);
    assertThat(counts.get(ApiClient.LIST)).isBetween(6_600, 7_400);
    assertThat(counts.get(ApiClient.LIST_ACTIVE)).isBetween(6_600, 7_400);
    assertThat(counts.get(ApiClient.SET_ACTIVE)).isBetween(2_700, 3_300);
    assertThat(counts.get(ApiClient.CLAIM)).isBetween(800, 1_200);
  }

  @Test
  @DisplayName("Random events are one login in five")
  void eventMix() {
    EventClient events = new EventClient(vertx, SocketAddress.inetSocketAddress(1, "127.0.0.1"), "ns", 1, 1000);
    Map<String, Integer> counts = pick(Workloads.randomEvents(events, players, new SplittableRandom(1), "r", 0.2), 10_000);

    assertThat(counts.get(EventClient.LOGIN)).isBetween(1_800, 2_200);
    assertThat(counts.get(EventClient.STAT)).isBetween(7_800, 8_200);
  }

  @Test
  @DisplayName("Players of the ledger sample get their events from the ledger only, the others random ones")
  void ledgerPlayersRouted() {
    LedgerSample sample = LedgerSample.spread(players.count(), 10);
    List<String> ledgerUsers = new ArrayList<>();
    List<String> otherUsers = new ArrayList<>();
    Workload workload = Workloads.events(players, sample, recording(ledgerUsers), recording(otherUsers),
        new SplittableRandom(1), 0.2);

    pick(workload, 5_000);

    assertThat(ledgerUsers).isNotEmpty().allSatisfy(user -> assertThat(sample.ids(players)).contains(user));
    assertThat(otherUsers).isNotEmpty().noneSatisfy(user -> assertThat(sample.ids(players)).contains(user));
  }

  @Test
  @DisplayName("Routing events to the ledger keeps one login in five overall")
  void routedLoginShare() {
    List<Boolean> logins = new ArrayList<>();
    Workloads.PlayerEvents source = (user, login) -> {
      logins.add(login);
      return new Call(login ? EventClient.LOGIN : EventClient.STAT, () -> null);
    };
    Workload workload = Workloads.events(players, LedgerSample.spread(players.count(), 50), source, source,
        new SplittableRandom(1), 0.2);

    pick(workload, 10_000);

    assertThat(logins.stream().filter(login -> login).count()).isBetween(1_800L, 2_200L);
  }

  @Test
  @DisplayName("A player with a statistic event in flight gets a login instead, so its values stay in order")
  void oneStatInFlight() {
    EventClient events = new EventClient(vertx, SocketAddress.inetSocketAddress(1, "127.0.0.1"), "ns", 1, 100);
    LedgerEvents ledgerEvents = new LedgerEvents(events, new EventLedger(), "r");

    ledgerEvents.next("bench-1", false).send().get(); // goes out, stays in flight (nobody listens on port 1)

    assertThat(ledgerEvents.next("bench-1", false).endpoint()).isEqualTo(EventClient.LOGIN);
    assertThat(ledgerEvents.next("bench-2", false).endpoint()).isEqualTo(EventClient.STAT);
  }

  @Test
  @DisplayName("Initialize in order visits every player once before starting over")
  void inOrder() {
    ApiClient api = new ApiClient(vertx, URI.create("http://127.0.0.1:1/challenge"), 1, 1000);
    Workload workload = Workloads.initializeInOrder(api, new Players(2));

    assertThat(workload.next().endpoint()).isEqualTo(ApiClient.INITIALIZE);
    assertThat(pick(workload, 3)).containsEntry(ApiClient.INITIALIZE, 3);
  }

  private static Workloads.PlayerEvents recording(List<String> users) {
    return (user, login) -> {
      users.add(user);
      return new Call(login ? EventClient.LOGIN : EventClient.STAT, () -> null);
    };
  }

  private static Map<String, Integer> pick(Workload workload, int n) {
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < n; i++) {
      counts.merge(workload.next().endpoint(), 1, Integer::sum);
    }
    return counts;
  }
}
