package org.gogoscope.interop;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/** The indexes of a collection as short text, e.g. {@code key_1 unique}, {@code expiresAt_1 ttl 0}. */
final class MongoIndexes {

    private MongoIndexes() {
    }

    static List<String> of(MongoDatabase db, String collection) {
        List<String> found = new ArrayList<>();
        for (Document index : db.getCollection(collection).listIndexes()) {
            StringBuilder text = new StringBuilder(index.getString("name"));
            if (Boolean.TRUE.equals(index.getBoolean("unique"))) {
                text.append(" unique");
            }
            if (index.get("expireAfterSeconds") instanceof Number ttl) {
                text.append(" ttl ").append(ttl.longValue());
            }
            found.add(text.toString());
        }
        return found;
    }
}
