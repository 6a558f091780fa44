package dev.challengesuite.launcher;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;

/**
 * A stand-in for AGS IAM on a developer machine, for trying the service with auth on: serves a
 * JWKS with one fresh RSA key at {@code /iam/v3/oauth/jwks} and mints RS256 tokens signed by it at
 * {@code /dev/token?sub=<user>[&namespace=<ns>][&ttl=<seconds>]}. Never for production.
 *
 * <pre>
 * java -cp launcher/target/challenge-suite.jar dev.challengesuite.launcher.DevIam [port]
 * </pre>
 */
public final class DevIam {

  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private DevIam() {}

  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 9080;
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();
    String kid = "dev-" + Long.toHexString(System.nanoTime());
    RSAPublicKey publicKey = (RSAPublicKey) keys.getPublic();
    JsonObject jwks = new JsonObject().put("keys", new JsonArray().add(new JsonObject()
        .put("kty", "RSA").put("use", "sig").put("alg", "RS256").put("kid", kid)
        .put("n", URL.encodeToString(unsigned(publicKey.getModulus())))
        .put("e", URL.encodeToString(unsigned(publicKey.getPublicExponent())))));

    Vertx vertx = Vertx.vertx();
    vertx.createHttpServer().requestHandler(request -> {
      switch (request.path()) {
        case "/iam/v3/oauth/jwks" -> request.response().putHeader("content-type", "application/json").end(jwks.encode());
        case "/dev/token" -> {
          String sub = request.getParam("sub", "alice");
          long ttl = Long.parseLong(request.getParam("ttl", "3600"));
          JsonObject claims = new JsonObject().put("sub", sub)
              .put("iat", Instant.now().getEpochSecond()).put("exp", Instant.now().getEpochSecond() + ttl);
          String namespace = request.getParam("namespace");
          if (namespace != null) {
            claims.put("extend_namespace", namespace);
          }
          try {
            request.response().end(sign(kid, claims, keys) + "\n");
          } catch (Exception e) {
            request.response().setStatusCode(500).end(e.toString());
          }
        }
        default -> request.response().setStatusCode(404).end();
      }
    }).listen(port, "127.0.0.1").await();
    System.out.println("dev IAM on http://127.0.0.1:" + port + " (JWKS /iam/v3/oauth/jwks, tokens /dev/token?sub=alice)");
  }

  static String sign(String kid, JsonObject claims, KeyPair keys) throws Exception {
    String header = new JsonObject().put("alg", "RS256").put("typ", "JWT").put("kid", kid).encode();
    String signingInput = URL.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
        + URL.encodeToString(claims.encode().getBytes(StandardCharsets.UTF_8));
    Signature signature = Signature.getInstance("SHA256withRSA");
    signature.initSign(keys.getPrivate());
    signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + URL.encodeToString(signature.sign());
  }

  private static byte[] unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
  }
}
