package org.gogoscope.admin;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Cross-site request protection for the page's actions, without server state (so it works on every node behind
 * a load balancer): a random token in a {@code SameSite=Strict}, {@code HttpOnly} cookie, repeated in a hidden field
 * of every form the page renders (double submit). A POST acts only when the field equals the cookie, which a page
 * of another site can neither read nor set, and when its {@code Origin} (or, without one, its {@code Referer})
 * names the host the request was sent to.
 */
final class CsrfGuard {

    static final String COOKIE = "gogoscope-admin-csrf";
    static final String FIELD = "csrf";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 32;

    private CsrfGuard() {
    }

    /** The browser's token from its cookie, when it has a well-formed one. */
    static Optional<String> token(HttpHeaders headers) {
        Cookie cookie = headers.getCookies().get(COOKIE);
        if (cookie == null || !wellFormed(cookie.getValue())) {
            return Optional.empty();
        }
        return Optional.of(cookie.getValue());
    }

    static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The cookie that carries {@code token} for the page's path only. */
    static NewCookie cookie(String token, String path, boolean secure) {
        return new NewCookie.Builder(COOKIE).value(token).path(path).httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }

    /** Why a POST may not act, or empty when it may. */
    static Optional<String> refusal(HttpHeaders headers, String formToken) {
        Optional<String> cookie = token(headers);
        if (cookie.isEmpty() || formToken == null || !MessageDigest.isEqual(
                cookie.get().getBytes(StandardCharsets.US_ASCII), formToken.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of("the form's token does not match this browser's: reload the page and try again");
        }
        String host = first(headers, HttpHeaders.HOST);
        String origin = first(headers, "Origin");
        String source = origin != null ? origin : first(headers, "Referer");
        if (host == null || source == null || !host.equalsIgnoreCase(authority(source))) {
            return Optional.of("the request did not come from this page (Origin/Referer does not name " + host + ")");
        }
        return Optional.empty();
    }

    private static boolean wellFormed(String token) {
        return token != null && token.length() == 43 && token.chars().allMatch(c -> Character.isLetterOrDigit(c)
                || c == '-' || c == '_');
    }

    private static String first(HttpHeaders headers, String name) {
        List<String> values = headers.getRequestHeader(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** {@code host[:port]} of a URL, or null for anything else (such as Origin {@code null}). */
    private static String authority(String url) {
        try {
            return URI.create(url).getRawAuthority();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
