package dev.challengesuite.common.config;

/** REST server: {@code http.*}. {@code basePath} starts with "/" and has no trailing "/". */
public record HttpConfig(String host, int port, String basePath, int instances, int maxBodyBytes) {}
