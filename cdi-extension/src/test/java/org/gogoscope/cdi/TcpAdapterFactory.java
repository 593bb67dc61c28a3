package org.gogoscope.cdi;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.gogoscope.api.BackendException;
import org.gogoscope.api.CacheProvider;
import org.gogoscope.api.CheckpointProvider;
import org.gogoscope.api.CircuitBreakerStateProvider;
import org.gogoscope.api.IdempotencyProvider;
import org.gogoscope.api.LockProvider;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.core.memory.MemoryAdapter;
import org.gogoscope.core.spi.AdapterFactory;
import org.gogoscope.core.spi.AdapterSettings;

/**
 * Test backend {@code tcp}: a memory adapter that, while connected, holds a real TCP connection to
 * {@code tcp.address} (required, {@code host:port}) the way a pool holds database connections. Connecting to
 * an address nobody listens on fails with a {@link BackendException} whose message, like some drivers' do,
 * repeats {@code tcp.password}, so tests can check that the extension hides it.
 */
public final class TcpAdapterFactory implements AdapterFactory {

    /** Adapters of this backend connected right now, across all containers. */
    static final AtomicInteger CONNECTED = new AtomicInteger();

    @Override
    public Set<String> backends() {
        return Set.of("tcp");
    }

    @Override
    public PersistenceAdapter create(String backend, AdapterSettings settings) {
        String address = settings.require("tcp.address");
        int colon = address.lastIndexOf(':');
        int port;
        try {
            port = Integer.parseInt(address.substring(colon + 1));
        } catch (RuntimeException e) {
            throw settings.invalid("tcp.address", address, "host:port", e);
        }
        return new TcpAdapter(address.substring(0, colon), port, settings.get("tcp.password").orElse(""),
                settings.keyPrefix());
    }

    static final class TcpAdapter implements PersistenceAdapter {

        private final String host;
        private final int port;
        private final String password;
        private final MemoryAdapter data;
        private Socket socket;

        TcpAdapter(String host, int port, String password, String keyPrefix) {
            this.host = host;
            this.port = port;
            this.password = password;
            this.data = new MemoryAdapter(keyPrefix);
        }

        @Override
        public synchronized void connect() {
            if (socket != null) {
                return;
            }
            Socket opened = new Socket();
            try {
                opened.connect(new InetSocketAddress(host, port), 2000);
            } catch (IOException e) {
                throw new BackendException("tcp", "connect", "cannot reach " + host + ":" + port + " (password "
                        + password + "): " + e.getMessage(), e);
            }
            socket = opened;
            data.connect();
            CONNECTED.incrementAndGet();
        }

        @Override
        public synchronized void disconnect() {
            if (socket == null) {
                return;
            }
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing is best effort in a test backend
            }
            socket = null;
            data.disconnect();
            CONNECTED.decrementAndGet();
        }

        @Override
        public synchronized boolean isConnected() {
            return socket != null;
        }

        @Override
        public String backend() {
            return "tcp";
        }

        @Override
        public String keyPrefix() {
            return data.keyPrefix();
        }

        @Override
        public int maxKeyLength() {
            return data.maxKeyLength();
        }

        @Override
        public LockProvider locks() {
            return data.locks();
        }

        @Override
        public CircuitBreakerStateProvider circuitBreakers() {
            return data.circuitBreakers();
        }

        @Override
        public CacheProvider cache() {
            return data.cache();
        }

        @Override
        public CheckpointProvider checkpoints() {
            return data.checkpoints();
        }

        @Override
        public IdempotencyProvider idempotency() {
            return data.idempotency();
        }
    }
}
