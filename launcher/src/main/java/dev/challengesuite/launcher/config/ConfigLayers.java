package dev.challengesuite.launcher.config;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Merges the sources of configuration, lowest precedence first: built-in defaults, the config
 * file, environment variables (reference names, then our generic {@code CHALLENGE_*} names), and
 * system properties ({@code challenge.*}). Empty environment values and properties count as unset.
 */
final class ConfigLayers {

  private ConfigLayers() {}

  static Map<String, Setting> merge(
      JsonObject file, String fileName, Map<String, String> env, Map<String, String> properties) {
    Map<String, Setting> settings = new LinkedHashMap<>();
    for (ConfigKey key : ConfigKeys.ALL) {
      settings.put(key.path(), new Setting(key.defaultValue(), "the built-in default"));
    }
    flatten(file, "", fileName, settings);
    for (ConfigKey key : ConfigKeys.ALL) {
      for (ReferenceName reference : key.referenceNames()) {
        String value = env.get(reference.env());
        if (isSet(value)) {
          settings.put(key.path(), new Setting(reference.conversion().apply(value.trim()), "env " + reference.env()));
        }
      }
      String generic = env.get(key.envName());
      if (isSet(generic)) {
        settings.put(key.path(), new Setting(generic.trim(), "env " + key.envName()));
      }
      String property = properties.get(key.propertyName());
      if (isSet(property)) {
        settings.put(key.path(), new Setting(property.trim(), "system property " + key.propertyName()));
      }
    }
    return settings;
  }

  /**
   * {@code CHALLENGE_*} variables and {@code challenge.*} properties that set nothing: most likely
   * typos, worth a warning.
   */
  static List<String> unknownNames(Map<String, String> env, Map<String, String> properties) {
    Set<String> knownEnv = new TreeSet<>(Set.of(ConfigKeys.FILE_ENV));
    Set<String> knownProperties = new TreeSet<>(Set.of(ConfigKeys.FILE_PROPERTY));
    for (ConfigKey key : ConfigKeys.ALL) {
      knownEnv.add(key.envName());
      knownProperties.add(key.propertyName());
      key.referenceNames().forEach(reference -> knownEnv.add(reference.env()));
    }
    List<String> unknown = new ArrayList<>();
    new TreeSet<>(env.keySet()).stream()
        .filter(name -> name.startsWith(ConfigKey.ENV_PREFIX) && !knownEnv.contains(name))
        .forEach(name -> unknown.add("env " + name));
    new TreeSet<>(properties.keySet()).stream()
        .filter(name -> name.startsWith(ConfigKey.PROPERTY_PREFIX) && !knownProperties.contains(name))
        .forEach(name -> unknown.add("system property " + name));
    return unknown;
  }

  private static void flatten(JsonObject json, String prefix, String fileName, Map<String, Setting> settings) {
    for (String name : json.fieldNames()) {
      String path = prefix.isEmpty() ? name : prefix + "." + name;
      Object value = json.getValue(name);
      if (ConfigKeys.byPath(path).isPresent()) {
        settings.put(path, new Setting(value, fileName));
      } else if (value instanceof JsonObject section && ConfigKeys.isSection(path)) {
        flatten(section, path, fileName, settings);
      } else {
        throw new ConfigException("unknown key " + path + " in " + fileName);
      }
    }
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }
}
