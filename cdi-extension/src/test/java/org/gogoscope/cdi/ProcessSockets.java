package org.gogoscope.cdi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Counts this JVM's own open files, and its established TCP connections to a port, from {@code /proc/self/fd} and
 * {@code /proc/net/tcp[6]} (Linux). Unlike a server-side count it is not disturbed by other programs using
 * the same server. Fails loudly where {@code /proc} is missing.
 */
final class ProcessSockets {

    private static final String ESTABLISHED = "01";

    private ProcessSockets() {
    }

    static int establishedTo(int port) {
        Set<String> inodes = ownSocketInodes();
        int count = 0;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.exists(path)) {
                continue;
            }
            List<String> lines = read(path);
            for (String line : lines.subList(1, lines.size())) {
                String[] columns = line.trim().split("\\s+");
                String remote = columns[2];
                int remotePort = Integer.parseInt(remote.substring(remote.indexOf(':') + 1), 16);
                if (remotePort == port && ESTABLISHED.equals(columns[3]) && inodes.contains(columns[9])) {
                    count++;
                }
            }
        }
        return count;
    }

    /** This JVM's open file descriptors on files whose absolute path starts with {@code prefix}. */
    static int openFiles(Path prefix) {
        String wanted = prefix.toAbsolutePath().normalize().toString();
        int count = 0;
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : fds) {
                try {
                    if (Files.readSymbolicLink(fd).toString().startsWith(wanted)) {
                        count++;
                    }
                } catch (IOException e) {
                    // the descriptor was closed while listing
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list /proc/self/fd (Linux only)", e);
        }
        return count;
    }

    private static Set<String> ownSocketInodes() {
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException e) {
                    // the descriptor was closed while listing
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list /proc/self/fd (Linux only)", e);
        }
        return inodes;
    }

    private static List<String> read(Path path) {
        try {
            return Files.readAllLines(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
