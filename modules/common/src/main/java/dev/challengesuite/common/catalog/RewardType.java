package dev.challengesuite.common.catalog;

/** What a claim grants: an AGS item entitlement or a wallet credit. */
public enum RewardType {
  ITEM,
  WALLET;

  /** The type named exactly (upper-case) as in the catalog file, or null when there is none. */
  public static RewardType fromWire(String value) {
    for (RewardType type : values()) {
      if (type.name().equals(value)) {
        return type;
      }
    }
    return null;
  }
}
