package dev.challengesuite.common.config;

/** Event ingestion gRPC server: {@code grpc.*}. */
public record GrpcConfig(String host, int port, int instances, int maxMessageBytes) {}
