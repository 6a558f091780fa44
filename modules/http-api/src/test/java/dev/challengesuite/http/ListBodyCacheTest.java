package dev.challengesuite.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.common.catalog.Catalog;
import dev.challengesuite.common.catalog.CatalogIndex;
import dev.challengesuite.common.progress.PlayerProgress;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ListBodyCacheTest {

  private static final PlayerProgress ALICE = PlayerProgress.empty("alice");
  private static final PlayerProgress BOB = PlayerProgress.empty("bob");

  private final ListBodyCache cache = new ListBodyCache(100);

  private static ByteBuf body(String text) {
    return Unpooled.directBuffer().writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  private static ByteBuf body(int size) {
    return Unpooled.directBuffer(size).writeZero(size);
  }

  @Test
  @DisplayName("the body kept for a player instance is served again, as a new reference")
  void hit() {
    ByteBuf body = body("{\"challenges\":[]}");
    cache.put("alice", false, ALICE, body);

    ByteBuf cached = cache.get("alice", false, ALICE);

    assertThat(cached.toString(StandardCharsets.UTF_8)).isEqualTo("{\"challenges\":[]}");
    assertThat(body.refCnt()).isEqualTo(3); // the caller's, the cache's, the hit's
  }

  @Test
  @DisplayName("another instance of the player (it changed) is not served the old body")
  void changedPlayerMisses() {
    cache.put("alice", false, ALICE, body("old"));

    assertThat(cache.get("alice", false, PlayerProgress.empty("alice"))).isNull();
  }

  @Test
  @DisplayName("the full and the active-only list are kept apart")
  void flagsApart() {
    cache.put("alice", false, ALICE, body("full"));
    cache.put("alice", true, ALICE, body("active"));

    assertThat(cache.get("alice", false, ALICE).toString(StandardCharsets.UTF_8)).isEqualTo("full");
    assertThat(cache.get("alice", true, ALICE).toString(StandardCharsets.UTF_8)).isEqualTo("active");
  }

  @Test
  @DisplayName("a newer body for the same player and flag releases the older one")
  void replaced() {
    ByteBuf old = body("old");
    cache.put("alice", false, ALICE, old);
    old.release();
    PlayerProgress changed = PlayerProgress.empty("alice");

    cache.put("alice", false, changed, body("new"));

    assertThat(old.refCnt()).isZero();
    assertThat(cache.size()).isEqualTo(1);
    assertThat(cache.bytes()).isEqualTo(3);
  }

  @Test
  @DisplayName("beyond the byte budget the least recently used bodies are released")
  void evictsLeastRecentlyUsed() {
    ByteBuf alice = body(40);
    ByteBuf bob = body(40);
    cache.put("alice", false, ALICE, alice);
    cache.put("bob", false, BOB, bob);
    alice.release();
    bob.release();
    cache.get("alice", false, ALICE).release(); // alice is now the most recent

    cache.put("carol", false, PlayerProgress.empty("carol"), body(40));

    assertThat(bob.refCnt()).isZero();
    assertThat(alice.refCnt()).isEqualTo(1);
    assertThat(cache.bytes()).isEqualTo(80);
  }

  @Test
  @DisplayName("a body larger than the whole budget is not kept")
  void tooLarge() {
    ByteBuf huge = body(101);

    cache.put("alice", false, ALICE, huge);

    assertThat(cache.size()).isZero();
    assertThat(huge.refCnt()).isEqualTo(1);
  }

  @Test
  @DisplayName("clearing releases every body the cache held")
  void clear() {
    ByteBuf body = body("x");
    cache.put("alice", false, ALICE, body);
    body.release();

    cache.clear();

    assertThat(body.refCnt()).isZero();
    assertThat(cache.bytes()).isZero();
  }

  @Test
  @DisplayName("with a rotating goal in the catalog nothing is cached: the list follows the clock")
  void rotatingCatalogCachesNothing() {
    ListBodyCache rotating = ListBodyCache.forCatalog(TestCatalog.index(), 1_000);
    ByteBuf body = body("x");

    rotating.put("alice", false, ALICE, body);

    assertThat(rotating.get("alice", false, ALICE)).isNull();
    assertThat(body.refCnt()).isEqualTo(1);
  }

  @Test
  @DisplayName("a catalog without rotating goals caches")
  void fixedCatalogCaches() {
    ListBodyCache fixed = ListBodyCache.forCatalog(new CatalogIndex(new Catalog(List.of()), "h"), 1_000);

    fixed.put("alice", false, ALICE, body("x"));

    assertThat(fixed.get("alice", false, ALICE)).isNotNull();
  }
}
