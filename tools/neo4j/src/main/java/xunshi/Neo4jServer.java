package xunshi;

import java.io.IOException;
import java.nio.file.Path;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilder;
import org.neo4j.harness.Neo4jBuilders;

/**
 * Starts an in-process Neo4j on a loopback Bolt port, prints {@code bolt <uri>} on a line of its own,
 * and runs until its standard input closes (or it is terminated); then it stops the database cleanly.
 *
 * <p>Arguments: [port (0: any free one)] [working directory (default: a temporary one)]
 * [memory one transaction may take, in MB (default 512)] [a Neo4j home to start from: its {@code data/} (as
 * {@code neo4j-admin database import} leaves it) is copied into the working directory first].
 */
public final class Neo4jServer {
    private Neo4jServer() {}

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        long transactionMb = args.length > 2 ? Long.parseLong(args[2]) : 512L;
        Neo4jBuilder builder = args.length > 1
                ? Neo4jBuilders.newInProcessBuilder(Path.of(args[1]))
                : Neo4jBuilders.newInProcessBuilder();
        if (args.length > 3) {
            builder = builder.copyFrom(Path.of(args[3]));
        }
        Neo4j neo4j = builder
                .withDisabledServer()
                .withConfig(BoltConnector.enabled, true)
                .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .withConfig(GraphDatabaseSettings.memory_tracking, true)
                .withConfig(GraphDatabaseSettings.memory_transaction_max_size, transactionMb * 1024 * 1024)
                .withConfig(GraphDatabaseSettings.pagecache_memory, 256L * 1024 * 1024)
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(neo4j::close, "neo4j-stop"));
        System.out.println("bolt " + neo4j.boltURI());
        System.out.flush();
        while (System.in.read() != -1) {
            // the launcher keeps the pipe open while it wants the database
        }
        neo4j.close();
        System.out.println("stopped");
        System.out.flush();
    }
}
