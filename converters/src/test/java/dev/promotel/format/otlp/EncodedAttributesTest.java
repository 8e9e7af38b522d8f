package dev.promotel.format.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promotel.model.Attributes;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EncodedAttributesTest {
  private static final OtlpField ATTRIBUTES = OtlpFields.Resource.ATTRIBUTES;

  @Test
  void twoResourcesOfTheSameSlotThatAlternateAreEachEncodedOnce() throws IOException {
    Attributes[] pair = collidingPair();
    EncodedAttributes cache = new EncodedAttributes();

    for (int round = 0; round < 100; round++) {
      for (Attributes a : pair) {
        ProtoEncoder direct = new ProtoEncoder(16, null);
        OtlpMessages.attributes(direct, ATTRIBUTES, a);
        assertThat(cache.body(ATTRIBUTES, a)).isEqualTo(direct.copy(0));
      }
    }
    assertThat(cache.encodings()).isEqualTo(2);
  }

  @Test
  void theResourcesOfThousandsOfNumberedHostsAreEachEncodedOnce() throws IOException {
    EncodedAttributes cache = new EncodedAttributes();
    for (int round = 0; round < 3; round++) {
      for (int host = 0; host < 5000; host++) cache.body(ATTRIBUTES, resource(host));
    }
    assertThat(cache.encodings()).isLessThan(5100);
  }

  @Test
  void equalAttributesShareOneBody() throws IOException {
    EncodedAttributes cache = new EncodedAttributes();
    byte[] first = cache.body(ATTRIBUTES, resource(1));
    assertThat(cache.body(ATTRIBUTES, resource(1))).isSameAs(first);
    assertThat(cache.encodings()).isEqualTo(1);
  }

  /** Two targets' resources whose hashes choose the same slot. */
  private static Attributes[] collidingPair() {
    Map<Integer, Attributes> bySlot = new HashMap<>();
    for (int i = 0; ; i++) {
      Attributes a = resource(i);
      int slot = EncodedAttributes.slot(a.hashCode());
      Attributes earlier = bySlot.putIfAbsent(slot, a);
      if (earlier != null) return new Attributes[] {earlier, a};
    }
  }

  private static Attributes resource(int host) {
    String instance = String.format("host-%06d:9100", host);
    return Attributes.of("service.name", "node", "service.instance.id", instance,
        "server.address", instance.substring(0, instance.indexOf(':')), "server.port", "9100");
  }
}
