package dev.challengesuite.persistence;

import dev.challengesuite.common.progress.Crossing;
import dev.challengesuite.common.progress.Crossings;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code player.crossings} column: {@code {"<counter>": [[value, seq, epochMillis], ...]}},
 * oldest first; the login counter's key is {@code ""}. Times keep milliseconds (the service clock
 * has whole seconds).
 */
final class CrossingsJson {

  private CrossingsJson() {}

  /** Written by hand: it runs for every player of every write batch. */
  static String encode(Crossings crossings) {
    Map<String, List<Crossing>> byCounter = crossings.byCounter();
    if (byCounter.isEmpty()) {
      return "{}";
    }
    StringBuilder json = new StringBuilder(16 + byCounter.size() * 64).append('{');
    for (Map.Entry<String, List<Crossing>> counter : byCounter.entrySet()) {
      if (json.length() > 1) {
        json.append(',');
      }
      StatsJson.appendString(json, counter.getKey());
      json.append(":[");
      List<Crossing> list = counter.getValue();
      for (int i = 0; i < list.size(); i++) {
        Crossing crossing = list.get(i);
        if (i > 0) {
          json.append(',');
        }
        json.append('[').append(crossing.value()).append(',').append(crossing.seq()).append(',')
            .append(crossing.at().toEpochMilli()).append(']');
      }
      json.append(']');
    }
    return json.append('}').toString();
  }

  /** {@link Crossings#NONE} for null or {@code {}} (rows written before crossings existed). */
  static Crossings decode(JsonObject json) {
    if (json == null || json.isEmpty()) {
      return Crossings.NONE;
    }
    Map<String, List<Crossing>> byCounter = new HashMap<>(json.size() * 2);
    for (Map.Entry<String, Object> counter : json) {
      JsonArray entries = (JsonArray) counter.getValue();
      List<Crossing> list = new ArrayList<>(entries.size());
      for (int i = 0; i < entries.size(); i++) {
        JsonArray entry = entries.getJsonArray(i);
        list.add(new Crossing(entry.getInteger(0), entry.getLong(1),
            Instant.ofEpochMilli(entry.getLong(2))));
      }
      byCounter.put(counter.getKey(), list);
    }
    return new Crossings(byCounter);
  }
}
