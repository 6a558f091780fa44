package dev.challengesuite.persistence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One versioned schema change, from a file named {@code V<version>__<description>.sql}.
 *
 * @param checksum SHA-256 of the script with line endings normalised, so that a checkout with
 *     CRLF endings does not count as an edit
 */
public record Migration(int version, String description, String fileName, String sql,
    String checksum) {

  private static final Pattern FILE_NAME = Pattern.compile("V(\\d+)__(\\w+)\\.sql");

  /** The migration a file stands for; fails on a name that does not follow the pattern. */
  public static Migration of(String fileName, String sql) {
    Matcher name = FILE_NAME.matcher(fileName);
    if (!name.matches()) {
      throw new MigrationException("Migration file " + fileName
          + " is not named V<version>__<description>.sql (e.g. V4__add_reward_table.sql)");
    }
    return new Migration(Integer.parseInt(name.group(1)), name.group(2).replace('_', ' '),
        fileName, sql, checksum(sql));
  }

  static String checksum(String sql) {
    try {
      byte[] bytes = sql.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
