package org.gogoscope.interceptors.idempotent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.gogoscope.core.JsonCodec;

/** SHA-256 (hex) of the JSON-B form of a call's arguments. */
final class Fingerprints {

    private Fingerprints() {
    }

    static String of(Object[] arguments) {
        String json = JsonCodec.defaultCodec().toJson("arguments", arguments);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
