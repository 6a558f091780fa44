package dev.challengesuite.cache.catalog;

import dev.challengesuite.cache.catalog.CatalogDraft.ChallengeDraft;
import dev.challengesuite.cache.catalog.CatalogDraft.GoalDraft;
import dev.challengesuite.cache.catalog.CatalogDraft.RequirementDraft;
import dev.challengesuite.cache.catalog.CatalogDraft.RewardDraft;
import dev.challengesuite.cache.catalog.CatalogDraft.RotationDraft;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps the parsed catalog JSON onto {@link CatalogDraft}, reading it the way the reference's Go
 * {@code encoding/json} does: keys match case-insensitively (the last matching key wins), unknown
 * keys are ignored, {@code null} counts as missing, and a value of the wrong JSON type is an
 * error. Integers must be JSON integers that fit in an int (the reference's Go int is wider, but
 * our columns and API fields are 32-bit).
 */
final class CatalogJsonReader {

  private static final int QUOTE_LIMIT = 40;

  private final String file;

  CatalogJsonReader(String file) {
    this.file = file;
  }

  CatalogDraft read(JsonObject root) {
    Fields fields = new Fields(root, "", "");
    List<ChallengeDraft> challenges = new ArrayList<>();
    List<JsonObject> objects = fields.objects("challenges");
    for (int i = 0; i < objects.size(); i++) {
      challenges.add(challenge(objects.get(i), "challenges[" + i + "]"));
    }
    return new CatalogDraft(challenges);
  }

  private ChallengeDraft challenge(JsonObject json, String path) {
    String id = new Fields(json, "", "invalid challenge at " + path).string("challengeId");
    Fields fields = new Fields(json, "", "invalid challenge '" + id + "'");
    String name = fields.string("name");
    String description = fields.string("description");
    List<GoalDraft> goals = new ArrayList<>();
    List<JsonObject> objects = fields.objects("goals");
    for (int i = 0; i < objects.size(); i++) {
      goals.add(goal(objects.get(i), path + ".goals[" + i + "]", id));
    }
    return new ChallengeDraft(id, name, description, goals);
  }

  private GoalDraft goal(JsonObject json, String path, String challengeId) {
    String id = new Fields(json, "", "invalid goal at " + path).string("goalId");
    Fields fields =
        new Fields(json, "", "invalid goal '" + id + "' in challenge '" + challengeId + "'");
    return new GoalDraft(
        id,
        fields.string("name"),
        fields.string("description"),
        challengeId,
        fields.string("eventSource"),
        fields.bool("defaultAssigned"),
        requirement(fields.object("requirement")),
        reward(fields.object("reward")),
        fields.strings("prerequisites"),
        rotation(fields.object("rotation")));
  }

  private static RequirementDraft requirement(Fields fields) {
    String progressMode = fields.string("progressMode");
    return new RequirementDraft(
        fields.string("statCode"),
        fields.string("operator"),
        fields.integer("targetValue"),
        // Defaulted before validation, as the reference's loader does.
        progressMode.isEmpty() ? "absolute" : progressMode);
  }

  private static RewardDraft reward(Fields fields) {
    return new RewardDraft(
        fields.string("type"), fields.string("rewardId"), fields.integer("quantity"));
  }

  /**
   * An enabled rotation, or null. A missing or disabled block is dropped (its fields are still
   * type-checked, as Go decodes them). A missing {@code onExpiry} or flag is false, as in the
   * reference (plain Go bools, no custom default): write both flags explicitly in the catalog.
   */
  private static RotationDraft rotation(Fields fields) {
    boolean enabled = fields.bool("enabled");
    String type = fields.string("type");
    String schedule = fields.string("schedule");
    Fields onExpiry = fields.object("onExpiry");
    boolean resetProgress = onExpiry.bool("resetProgress");
    boolean allowReselection = onExpiry.bool("allowReselection");
    return enabled ? new RotationDraft(type, schedule, resetProgress, allowReselection) : null;
  }

  /**
   * Typed reads of one JSON object. {@code prefix} names nested objects in messages
   * ("requirement."); {@code entry} names the challenge or goal the object belongs to ("" at the
   * top level).
   */
  private final class Fields {

    private final JsonObject json;
    private final String prefix;
    private final String entry;

    Fields(JsonObject json, String prefix, String entry) {
      this.json = json;
      this.prefix = prefix;
      this.entry = entry;
    }

    String string(String key) {
      Object value = lookup(key);
      if (value == null) {
        return "";
      }
      if (value instanceof String text) {
        return text;
      }
      throw wrongType(key, "a string", value);
    }

    boolean bool(String key) {
      Object value = lookup(key);
      if (value == null) {
        return false;
      }
      if (value instanceof Boolean flag) {
        return flag;
      }
      throw wrongType(key, "a boolean", value);
    }

    int integer(String key) {
      Object value = lookup(key);
      return switch (value) {
        case null -> 0;
        case Integer number -> number;
        case Long number -> throw outOfRange(key, number);
        case BigInteger number -> throw outOfRange(key, number);
        default -> throw wrongType(key, "an integer", value);
      };
    }

    /** A nested object; a missing one reads as an empty object (all fields zero). */
    Fields object(String key) {
      Object value = lookup(key);
      if (value == null) {
        return new Fields(new JsonObject(), prefix + key + ".", entry);
      }
      if (value instanceof JsonObject nested) {
        return new Fields(nested, prefix + key + ".", entry);
      }
      throw wrongType(key, "an object", value);
    }

    List<JsonObject> objects(String key) {
      List<Object> items = array(key);
      List<JsonObject> objects = new ArrayList<>(items.size());
      for (int i = 0; i < items.size(); i++) {
        if (!(items.get(i) instanceof JsonObject object)) {
          throw wrongType(key + "[" + i + "]", "an object", items.get(i));
        }
        objects.add(object);
      }
      return objects;
    }

    List<String> strings(String key) {
      List<Object> items = array(key);
      List<String> strings = new ArrayList<>(items.size());
      for (int i = 0; i < items.size(); i++) {
        if (!(items.get(i) instanceof String text)) {
          throw wrongType(key + "[" + i + "]", "a string", items.get(i));
        }
        strings.add(text);
      }
      return strings;
    }

    private List<Object> array(String key) {
      Object value = lookup(key);
      if (value == null) {
        return List.of();
      }
      if (value instanceof JsonArray array) {
        List<Object> items = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
          items.add(array.getValue(i)); // wraps nested maps and lists
        }
        return items;
      }
      throw wrongType(key, "an array", value);
    }

    /** Like Go: every key equal ignoring case binds, so the last one in the file wins. */
    private Object lookup(String key) {
      String found = null;
      for (String name : json.fieldNames()) {
        if (name.equalsIgnoreCase(key)) {
          found = name;
        }
      }
      return found == null ? null : json.getValue(found);
    }

    private CatalogException wrongType(String key, String expected, Object value) {
      return fail(prefix + key + " must be " + expected + ", got " + describe(value));
    }

    private CatalogException outOfRange(String key, Number value) {
      return fail(
          prefix + key + " must be an integer between " + Integer.MIN_VALUE + " and "
              + Integer.MAX_VALUE + ", got " + value);
    }

    private CatalogException fail(String rule) {
      return new CatalogException(file, entry.isEmpty() ? rule : entry + ": " + rule);
    }
  }

  private static String describe(Object value) {
    return switch (value) {
      case null -> "null";
      case String text ->
          text.length() > QUOTE_LIMIT
              ? "\"" + text.substring(0, QUOTE_LIMIT) + "...\""
              : "\"" + text + "\"";
      case Number number -> number.toString();
      case Boolean flag -> flag.toString();
      case JsonObject object -> "an object";
      case JsonArray array -> "an array";
      default -> value.getClass().getSimpleName();
    };
  }
}
