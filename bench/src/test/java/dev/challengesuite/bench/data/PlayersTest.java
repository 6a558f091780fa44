package dev.challengesuite.bench.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PlayersTest {

  @Test
  @DisplayName("Players are bench-1 to bench-N")
  void ids() {
    Players players = new Players(3);

    assertThat(players.id(0)).isEqualTo("bench-1");
    assertThat(players.id(2)).isEqualTo("bench-3");
    assertThat(players.indexOf("bench-3")).isEqualTo(2);
    assertThat(players.indexOf("bench-4")).isEqualTo(-1);
    assertThat(players.indexOf("alice")).isEqualTo(-1);
  }
}
