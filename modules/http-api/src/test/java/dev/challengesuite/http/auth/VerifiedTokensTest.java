package dev.challengesuite.http.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

  private static VerifiedToken verified(String user) {
    return new VerifiedToken(user, 1_000, "a", null);
  }

  @Test
  @DisplayName("a stored token is found by its exact text only")
  void exactText() {
    VerifiedTokens tokens = new VerifiedTokens(10);
    tokens.put("token-1", verified("alice"));

    assertThat(tokens.get("token-1")).isEqualTo(verified("alice"));
    assertThat(tokens.get("token-2")).isNull();
  }

  @Test
  @DisplayName("the cache holds at most two generations of tokens")
  void bounded() {
    VerifiedTokens tokens = new VerifiedTokens(10);
    IntStream.range(0, 100).forEach(i -> tokens.put("t" + i, verified("u" + i)));

    long kept = IntStream.range(0, 100).filter(i -> tokens.get("t" + i) != null).count();
    assertThat(kept).isBetween(1L, 20L);
    assertThat(tokens.get("t0")).isNull();
    assertThat(tokens.get("t99")).isNotNull();
  }

  @Test
  @DisplayName("a token in use survives generation changes")
  void usedTokenStays() {
    VerifiedTokens tokens = new VerifiedTokens(10);
    tokens.put("hot", verified("alice"));
    for (int i = 0; i < 100; i++) {
      tokens.put("cold" + i, verified("u"));
      assertThat(tokens.get("hot")).as("after %d others", i).isNotNull();
    }
  }

  @Test
  @DisplayName("a removed token is gone from both generations")
  void removed() {
    VerifiedTokens tokens = new VerifiedTokens(2);
    tokens.put("old", verified("alice"));
    tokens.put("other", verified("bob"));
    tokens.remove("old");

    assertThat(tokens.get("old")).isNull();
  }
}
