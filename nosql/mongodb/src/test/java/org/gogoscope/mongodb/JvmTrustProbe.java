package org.gogoscope.mongodb;

import java.time.Duration;

/**
 * Run in a JVM of its own by {@link MongoTlsTest}: connects to {@code args[0]} with no store configured, i.e. with the
 * JVM's default trust, which that JVM's {@code javax.net.ssl.trustStore} sets. Prints {@code OK} and exits 0 when
 * a write and a read went through.
 */
final class JvmTrustProbe {

    private JvmTrustProbe() {
    }

    public static void main(String[] args) {
        try (MongoAdapter adapter = new MongoAdapter(MongoConfig.of(args[0], "test").withTimeout(Duration.ofSeconds(5)),
                "jvm-trust:")) {
            adapter.connect();
            adapter.cache().set("k", "v", Duration.ofSeconds(10));
            System.out.println(adapter.cache().get("k", String.class).map(v -> "OK").orElse("MISSING"));
        }
    }
}
