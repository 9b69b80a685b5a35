import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hotline.channel.Channel;
import org.hotline.channel.ConcernKind;
import org.hotline.channel.Ids;
import org.hotline.channel.Materials;
import org.hotline.channel.MessageBody;
import org.hotline.channel.Severity;
import org.hotline.channel.Tlp;
import org.hotline.cli.node.NodeHome;
import org.hotline.cli.node.NodeRuntime;
import org.hotline.stix.StixJson;
import org.hotline.stix.mapping.ConcernExport;

/**
 * Writes N TAXII envelopes, each the rendered filing of a new concern signed by the party in HOME,
 * with enough sightings that the envelope holds about OBJECTS STIX objects: the load that
 * bench/taxii-load.sh POSTs to the partner's inbox (each one a new concern, fully verified there).
 * Prints the path of each file and, on stderr, the object count per envelope.
 *
 * Usage: java -cp hotline-cli/target/hotline.jar bench/MakeEnvelopes.java HOME PARTNER_NAME N OBJECTS OUT_DIR
 */
public class MakeEnvelopes {
    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        String partner = args[1];
        int n = Integer.parseInt(args[2]);
        int objects = Integer.parseInt(args[3]);
        Path out = Path.of(args[4]);
        Files.createDirectories(out);
        try (NodeRuntime node = new NodeRuntime(NodeHome.open(home))) {
            Channel channel = node.db().channels().channels().stream().filter(c -> c.partner().name().equals(partner))
                    .findFirst().orElseThrow();
            // How many sightings give about the asked number of objects: rendering is linear in them.
            int one = render(node, channel, 1, -1).size();
            int two = render(node, channel, 2, -2).size();
            int per = Math.max(1, two - one);
            int sightings = Math.max(1, 1 + (objects - one + per - 1) / per);
            int perEnvelope = 0;
            for (int i = 0; i < n; i++) {
                var rendered = render(node, channel, sightings, i);
                perEnvelope = rendered.size();
                Path f = out.resolve("envelope-" + i + ".json");
                Files.writeString(f, StixJson.write(ConcernExport.envelope(rendered)));
                System.out.println(f);
            }
            System.err.println(perEnvelope + " objects per envelope, " + sightings + " sightings each");
        }
    }

    /** Files a new concern to the partner (sealed, so it is a real filing) and renders its history. */
    private static List<tools.jackson.databind.node.ObjectNode> render(NodeRuntime node, Channel channel, int sightings, int seed) {
        MessageBody.Filing filing = new MessageBody.Filing(channel.id(), channel.partner().id(),
                ConcernKind.ATTACK_NOTIFICATION, "bench concern " + seed, null, Severity.LOW, Tlp.GREEN, materials(sightings, seed));
        var concern = node.desk().file(filing, false);
        return ConcernExport.objects(concern.history(), List.of(channel.local(), channel.partner()));
    }

    private static Materials materials(int sightings, int seed) {
        List<Materials.Sighting> s = new ArrayList<>();
        for (int j = 0; j < sightings; j++) {
            s.add(new Materials.Sighting("198.51." + (100 + (j / 250) % 100) + "." + (1 + j % 250), 64496 + j % 10, "Example AS " + j % 10,
                    "US", 1 + j, Instant.parse("2021-09-17T10:05:03Z"), Instant.parse("2021-09-19T07:59:00Z"), List.of("brute-force")));
        }
        return new Materials(Ids.random("grouping"), "bench materials " + seed, s, List.of(), null);
    }
}
