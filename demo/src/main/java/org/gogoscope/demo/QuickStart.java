package org.gogoscope.demo;

import java.time.Duration;
import java.util.Optional;
import org.gogoscope.api.LockHandle;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.jpa.SqlAdapter;
import org.gogoscope.jpa.SqlSettings;

public class QuickStart {

    public record User(String id, String name) {
    }

    public static void main(String[] args) {
        try (PersistenceAdapter adapter = new SqlAdapter(SqlSettings.sqliteFile("orders.db"), "orders-service:")) {
            adapter.connect();
            Optional<LockHandle> lock = adapter.locks().acquire("order-42", Duration.ofSeconds(30));
            try (LockHandle held = lock.orElseThrow()) {
                System.out.println("order-42 is ours, fencing token " + held.fencingToken());
            }
            adapter.cache().set("user:1", new User("1", "Ada"), Duration.ofMinutes(5));
            Optional<User> cached = adapter.cache().get("user:1", User.class);
            System.out.println("cached: " + cached.orElseThrow());
        }
    }
}
