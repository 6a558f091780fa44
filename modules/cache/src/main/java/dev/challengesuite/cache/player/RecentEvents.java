package dev.challengesuite.cache.player;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * Ids of one player's events accepted within the deduplication window, oldest first, so a
 * redelivered event is recognised and not counted twice.
 */
final class RecentEvents {

  private record Seen(String id, Instant at) {}

  private final ArrayDeque<Seen> order = new ArrayDeque<>();
  private final Set<String> ids = new HashSet<>();

  RecentEvents(Set<String> loaded, Instant loadedAt) {
    for (String id : loaded) {
      remember(id, loadedAt);
    }
  }

  boolean contains(String id, Instant now, Duration window) {
    forgetBefore(now.minus(window));
    return ids.contains(id);
  }

  void remember(String id, Instant at) {
    if (ids.add(id)) {
      order.addLast(new Seen(id, at));
    }
  }

  private void forgetBefore(Instant cutoff) {
    while (!order.isEmpty() && order.peekFirst().at().isBefore(cutoff)) {
      ids.remove(order.removeFirst().id());
    }
  }
}
