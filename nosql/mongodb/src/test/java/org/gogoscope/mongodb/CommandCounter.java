package org.gogoscope.mongodb;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.ArrayList;
import java.util.List;

/** Records the name of every command the driver sends: each one is a round trip to the server. */
final class CommandCounter implements CommandListener {

    private final List<String> commands = new ArrayList<>();

    @Override
    public synchronized void commandStarted(CommandStartedEvent event) {
        commands.add(event.getCommandName());
    }

    /** The commands sent while {@code action} ran. */
    synchronized List<String> during(Runnable action) {
        commands.clear();
        action.run();
        return List.copyOf(commands);
    }
}
