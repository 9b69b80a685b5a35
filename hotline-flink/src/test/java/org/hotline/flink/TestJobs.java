package org.hotline.flink;

import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;

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

    /** Runs the job with these arguments and returns its report's JSON. */
    static String run(List<String> args) throws Exception {
        JobPlan plan = JobPlan.of(JobOptions.parse(args.toArray(String[]::new)));
        StreamExecutionEnvironment env = AttributionJob.environment();
        env.setParallelism(PARALLELISM);
        return AttributionJob.run(env, plan);
    }
}
