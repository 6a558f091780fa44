package dev.challengesuite.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.bench.data.Players;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LedgerSampleTest {

  @Test
  @DisplayName("The sample holds exactly the players asked for")
  void exactCount() {
    LedgerSample sample = LedgerSample.spread(10_000, 3_000);

    assertThat(IntStream.range(0, 10_000).filter(sample::contains).count()).isEqualTo(3_000);
  }

  @Test
  @DisplayName("The sample is spread over all players, not only the first ones")
  void spread() {
    LedgerSample sample = LedgerSample.spread(200, 50);

    assertThat(sample.ids(new Players(200))).hasSize(50).contains("bench-1", "bench-197");
  }

  @Test
  @DisplayName("Asking for more players than there are takes them all")
  void cappedAtPlayerCount() {
    LedgerSample sample = LedgerSample.spread(20, 1_000);

    assertThat(IntStream.range(0, 20).allMatch(sample::contains)).isTrue();
  }

  @Test
  @DisplayName("A sample of 0 holds no player")
  void none() {
    LedgerSample sample = LedgerSample.spread(100, 0);

    assertThat(IntStream.range(0, 100).noneMatch(sample::contains)).isTrue();
  }
}
