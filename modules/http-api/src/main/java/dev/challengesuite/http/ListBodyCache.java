package dev.challengesuite.http;

import dev.challengesuite.common.catalog.CatalogIndex;
import dev.challengesuite.common.catalog.Challenge;
import dev.challengesuite.common.catalog.Goal;
import dev.challengesuite.common.progress.PlayerProgress;
import io.netty.buffer.ByteBuf;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The list bodies last rendered per player and active-only flag, reused while the player has not
 * changed. A list is a function of the player's committed progress — an immutable value that the
 * partition replaces on every change, so the same instance means the same body — and of the flag;
 * of the clock too when a goal rotates (expiry, period resets), so a catalog with a rotating goal
 * caches nothing.
 *
 * <p>Bodies are pooled direct memory, at most {@code maxBytes} in all, least recently used out
 * first. Confined to the event loop of one HTTP verticle instance.
 */
final class ListBodyCache {

  private record Key(String userId, boolean activeOnly) {}

  private record Entry(PlayerProgress player, ByteBuf body) {}

  private final long maxBytes;
  private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
  private long bytes;

  ListBodyCache(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** Caches up to {@code maxBytes}, or nothing if a goal of {@code catalog} rotates. */
  static ListBodyCache forCatalog(CatalogIndex catalog, long maxBytes) {
    return new ListBodyCache(anyRotates(catalog) ? 0 : maxBytes);
  }

  /** A new reference (the caller releases it) to the body rendered for this same player, or null. */
  ByteBuf get(String userId, boolean activeOnly, PlayerProgress player) {
    if (maxBytes == 0) {
      return null;
    }
    Entry entry = entries.get(new Key(userId, activeOnly));
    return entry != null && entry.player == player ? entry.body.retain() : null;
  }

  /** Keeps a reference of its own to {@code body}, rendered for {@code player}. */
  void put(String userId, boolean activeOnly, PlayerProgress player, ByteBuf body) {
    int size = body.readableBytes();
    if (size > maxBytes) {
      return;
    }
    Entry previous = entries.put(new Key(userId, activeOnly), new Entry(player, body.retain()));
    bytes += size;
    if (previous != null) {
      drop(previous);
    }
    Iterator<Map.Entry<Key, Entry>> eldest = entries.entrySet().iterator();
    while (bytes > maxBytes) {
      Entry evicted = eldest.next().getValue();
      eldest.remove();
      drop(evicted);
    }
  }

  /** Releases every body (each write in flight holds its own reference). */
  void clear() {
    entries.values().forEach(this::drop);
    entries.clear();
  }

  long bytes() {
    return bytes;
  }

  /** The byte budget: 0 when caching is off (configured so, or a goal rotates). */
  long maxBytes() {
    return maxBytes;
  }

  int size() {
    return entries.size();
  }

  private void drop(Entry entry) {
    bytes -= entry.body.readableBytes();
    entry.body.release();
  }

  private static boolean anyRotates(CatalogIndex catalog) {
    for (Challenge challenge : catalog.challenges()) {
      for (Goal goal : challenge.goals()) {
        if (goal.rotates()) {
          return true;
        }
      }
    }
    return false;
  }
}
