package dev.challengesuite.common.store;

/** Reply: {@link StoredPlayer}. */
public record LoadPlayer(String userId) {}
