package org.gogoscope.cdi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gogoscope.core.spi.AdapterSettings;

/**
 * Keeps a store's secrets out of messages and logs. Secret are: values of properties whose name says so
 * ({@link AdapterSettings#isSecret}), the user info of URIs ({@code redis://user:pw@host}) and query parameters
 * named like a password in any value ({@code jdbc:...?password=pw}).
 */
final class Redactor {

    static final String HIDDEN = "<hidden>";
    private static final Pattern USER_INFO = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://([^/@]*)@");
    private static final Pattern SECRET_PARAMETER =
            Pattern.compile("(?i)(password|pwd|secret|token)=([^&;,\\s]+)");

    private final List<String> secrets;

    private Redactor(List<String> secrets) {
        this.secrets = secrets;
    }

    /** A redactor for the values in {@code properties} (relative or full name to value). */
    static Redactor of(Map<String, String> properties) {
        List<String> secrets = new ArrayList<>();
        properties.forEach((name, value) -> {
            if (isSecretName(name)) {
                secrets.add(value);
            }
            Matcher userInfo = USER_INFO.matcher(value);
            if (userInfo.find() && !userInfo.group(1).isEmpty()) {
                secrets.add(userInfo.group(1));
                int colon = userInfo.group(1).indexOf(':');
                if (colon >= 0 && colon < userInfo.group(1).length() - 1) {
                    secrets.add(userInfo.group(1).substring(colon + 1));
                }
            }
            Matcher parameter = SECRET_PARAMETER.matcher(value);
            while (parameter.find()) {
                secrets.add(parameter.group(2));
            }
        });
        secrets.removeIf(String::isEmpty);
        secrets.sort((a, b) -> b.length() - a.length()); // longest first, so a part never uncovers the rest
        return new Redactor(secrets);
    }

    private static boolean isSecretName(String name) {
        return AdapterSettings.isSecret(name, null);
    }

    /** {@code text} with every secret replaced by {@value #HIDDEN}. */
    String redact(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, HIDDEN);
        }
        return result;
    }

    /** How a property is shown in messages: {@code name='value'} with secrets hidden. */
    String show(String fullName, String value) {
        if (isSecretName(fullName)) {
            return fullName + "=" + HIDDEN;
        }
        return fullName + "='" + redact(value) + "'";
    }

    /** Whether no message in {@code error}'s chain (causes and suppressed) contains a secret. */
    boolean isClean(Throwable error) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> pending = new ArrayList<>(List.of(error));
        while (!pending.isEmpty()) {
            Throwable next = pending.remove(pending.size() - 1);
            if (next == null || !seen.add(next)) {
                continue;
            }
            String text = String.valueOf(next);
            if (!redact(text).equals(text)) {
                return false;
            }
            pending.add(next.getCause());
            pending.addAll(List.of(next.getSuppressed()));
        }
        return true;
    }
}
