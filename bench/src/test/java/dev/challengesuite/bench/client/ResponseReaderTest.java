package dev.challengesuite.bench.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Framing of responses fed in arbitrary pieces. */
class ResponseReaderTest {

  private static final String RESPONSE = "HTTP/1.1 404 Not Found\r\ncontent-type: application/json\r\n"
      + "Content-Length: 12\r\n\r\n{\"error\":42}";

  private final ResponseReader reader = new ResponseReader();

  @Test
  @DisplayName("A response cut in two at any byte is complete exactly after its last body byte")
  void anySplit() {
    byte[] bytes = RESPONSE.getBytes(StandardCharsets.US_ASCII);
    for (int cut = 0; cut <= bytes.length; cut++) {
      reader.reset();
      boolean afterFirst = reader.feed(Unpooled.wrappedBuffer(bytes, 0, cut));
      boolean afterSecond = reader.feed(Unpooled.wrappedBuffer(bytes, cut, bytes.length - cut));

      assertThat(afterFirst).as("complete after %d of %d bytes", cut, bytes.length).isEqualTo(cut == bytes.length);
      assertThat(afterSecond).as("cut at %d", cut).isTrue();
      assertThat(reader.status()).isEqualTo(404);
    }
  }

  @Test
  @DisplayName("Bytes after the body are left unread")
  void stopsAtBodyEnd() {
    ByteBuf in = ascii(RESPONSE + "HTTP/1.1");

    assertThat(reader.feed(in)).isTrue();
    assertThat(in.readableBytes()).isEqualTo("HTTP/1.1".length());
  }

  @Test
  @DisplayName("Connection: close, in any case, asks for the connection to be dropped after the response")
  void connectionClose() {
    reader.feed(ascii("HTTP/1.1 200 OK\r\nCONNECTION: Close\r\nContent-Length: 0\r\n\r\n"));

    assertThat(reader.closeAfter()).isTrue();
  }

  @Test
  @DisplayName("A keep-alive response keeps the connection")
  void keepAlive() {
    reader.feed(ascii("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"));

    assertThat(reader.closeAfter()).isFalse();
  }

  @Test
  @DisplayName("A 100 Continue before the response is skipped")
  void interim() {
    boolean complete = reader.feed(ascii("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\n{}"));

    assertThat(complete).isTrue();
    assertThat(reader.status()).isEqualTo(201);
  }

  @Test
  @DisplayName("A response without Content-Length fails as 'no content-length'")
  void noLength() {
    assertThatThrownBy(() -> reader.feed(ascii("HTTP/1.1 200 OK\r\n\r\n[]")))
        .isInstanceOfSatisfying(RawResponseException.class, e -> assertThat(e.label()).isEqualTo("no content-length"));
  }

  @Test
  @DisplayName("Something other than HTTP/1.x fails as 'malformed response'")
  void notHttp() {
    assertThatThrownBy(() -> reader.feed(ascii("SSH-2.0-OpenSSH_9.2\r\n\r\n")))
        .isInstanceOfSatisfying(RawResponseException.class, e -> assertThat(e.label()).isEqualTo("malformed response"));
  }

  private static ByteBuf ascii(String text) {
    return Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII);
  }
}
