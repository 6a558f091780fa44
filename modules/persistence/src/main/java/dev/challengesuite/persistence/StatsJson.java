package dev.challengesuite.persistence;

import dev.challengesuite.common.progress.StatValue;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/** The {@code player.stats} column: {@code {"<statCode>": [value, seq], ...}}. */
final class StatsJson {

  private StatsJson() {}

  /** Written by hand: it runs for every player of every write batch. */
  static String encode(Map<String, StatValue> stats) {
    StringBuilder json = new StringBuilder(16 + stats.size() * 32).append('{');
    for (Map.Entry<String, StatValue> stat : stats.entrySet()) {
      if (json.length() > 1) {
        json.append(',');
      }
      appendString(json, stat.getKey());
      json.append(":[").append(stat.getValue().value()).append(',')
          .append(stat.getValue().seq()).append(']');
    }
    return json.append('}').toString();
  }

  static Map<String, StatValue> decode(JsonObject json) {
    Map<String, StatValue> stats = new HashMap<>(json.size() * 2);
    for (Map.Entry<String, Object> stat : json) {
      JsonArray valueAndSeq = (JsonArray) stat.getValue();
      stats.put(stat.getKey(), new StatValue(valueAndSeq.getInteger(0), valueAndSeq.getLong(1)));
    }
    return stats;
  }

  static void appendString(StringBuilder json, String value) {
    json.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }
}
