package org.hotline.flink;

import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * The tests' Flink: a MiniCluster of one task manager with two slots, and the job run on it with
 * parallelism 2 (so both the parse and the detect stage really are split), its command line parsed
 * and planned as {@link AttributionJob#main} does.
 */
final class TestJobs {
    static final int PARALLELISM = 2;

    private TestJobs() {}

    /** For {@code @RegisterExtension}: no Kryo on the cluster either, as in the job. */
    static MiniClusterExtension cluster() {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                .setNumberTaskManagers(1)
                .setNumberSlotsPerTaskManager(PARALLELISM)
                .setConfiguration(conf)
                .build());
    }

    /**
     * An in-process Kafka broker (one combined KRaft node), started: plain, or taking only SASL PLAIN
     * logins (the test kit's users, {@code JaasUtils.KAFKA_PLAIN_ADMIN} among them).
     */
    static KafkaClusterTestKit kafka(SecurityProtocol protocol) throws Exception {
        KafkaClusterTestKit kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1)
                .setBrokerSecurityProtocol(protocol).setControllerSecurityProtocol(protocol).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
        return kafka;
    }

    /** Runs the job with these arguments and returns its report's JSON. */
    static String run(List<String> args) throws Exception {
        JobPlan plan = JobPlan.of(JobOptions.parse(args.toArray(String[]::new)));
        StreamExecutionEnvironment env = AttributionJob.environment();
        env.setParallelism(PARALLELISM);
        return AttributionJob.run(env, plan);
    }
}
