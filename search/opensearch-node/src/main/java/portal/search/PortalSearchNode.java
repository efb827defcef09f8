package portal.search;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.logging.log4j.LogManager;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;

/**
 * One OpenSearch node in this JVM, with only the plugins the portal's indices use, for
 * development and CI (scripts/search-engine.sh starts and stops it).
 *
 * <p>Node's public constructor loads plugins from the distribution's modules/ folder, which a
 * Maven classpath does not have; the protected one takes the plugin classes directly.
 *
 * <p>Arguments are settings, {@code key=value}, laid over the defaults below (the script passes
 * path.home, path.data and http.port).
 */
public final class PortalSearchNode extends Node {

    private static final String CLUSTER_NAME = "portal-search";

    private PortalSearchNode(Environment environment, Collection<Class<? extends Plugin>> plugins) {
        super(environment, plugins, true);
    }

    public static void main(String[] args) throws Exception {
        Settings.Builder settings = Settings.builder()
            .put("cluster.name", CLUSTER_NAME)
            .put("node.name", CLUSTER_NAME)
            .put("discovery.type", "single-node")
            .put("network.host", "127.0.0.1")
            .put("http.port", "9200")
            // A full disk on a developer's machine should not turn the portal's indices read-only.
            .put("cluster.routing.allocation.disk.threshold_enabled", false);
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals <= 0) {
                System.err.println("portal search node: expected key=value, got: " + arg);
                System.exit(2);
            }
            settings.put(arg.substring(0, equals), arg.substring(equals + 1));
        }
        if (settings.get("path.home") == null) {
            System.err.println("portal search node: path.home=... is required");
            System.exit(2);
        }

        Environment environment = InternalSettingsPreparer.prepareEnvironment(
            settings.build(), Map.of(), null, () -> CLUSTER_NAME);
        PortalSearchNode node = new PortalSearchNode(environment, plugins());

        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM runs the shutdown hooks: close the node so its shards are flushed and the data
        // folder's lock is released before the JVM exits.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                if (!node.awaitClose(20, TimeUnit.SECONDS)) {
                    System.err.println("portal search node: did not close within 20 s");
                }
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                System.out.println("portal search node: stopped");
                LogManager.shutdown();
                stopped.countDown();
            }
        }, "portal-search-node-stop"));

        try {
            node.start();
            // With one node a replica can never be assigned: 0 keeps every index green. Index
            // creation reads this default from the cluster state, not from the node's settings.
            node.client().admin().cluster().prepareUpdateSettings()
                .setPersistentSettings(Settings.builder().put("cluster.default_number_of_replicas", 0))
                .get();
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
        // scripts/search-engine.sh waits for this line: the node is up and its defaults are set.
        System.out.println("portal search node: ready, OpenSearch " + org.opensearch.Version.CURRENT
            + " on http://" + settings.get("network.host") + ":" + settings.get("http.port")
            + " with plugins " + plugins().stream().map(Class::getSimpleName).toList());
        stopped.await();
    }

    /** The plugins a distribution would load from modules/, as classes on the classpath. */
    private static List<Class<? extends Plugin>> plugins() {
        List<Class<? extends Plugin>> plugins = new ArrayList<>();
        plugins.add(org.opensearch.transport.Netty4Plugin.class);
        plugins.add(org.opensearch.analysis.common.CommonAnalysisPlugin.class);
        plugins.add(org.opensearch.painless.PainlessPlugin.class);
        // rank_feature, scaled_float, search_as_you_type and token_count fields.
        plugins.add(org.opensearch.index.mapper.MapperExtrasPlugin.class);
        // _reindex, _update_by_query and _delete_by_query: a rebuild copies into a new index.
        plugins.add(org.opensearch.index.reindex.ReindexPlugin.class);
        // Mustache templates: site search's "did you mean" keeps a correction only when its words
        // find something (the phrase suggester's collate query is a template).
        plugins.add(org.opensearch.script.mustache.MustachePlugin.class);
        return plugins;
    }
}
