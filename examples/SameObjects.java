import java.io.File;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks that two STIX bundles hold the same objects, whatever their order and bundle ids.
 * Run as a single-file program on hotline.jar's classpath (it carries Jackson), so the example
 * needs nothing but the JDK: java -cp hotline-cli/target/hotline.jar examples/SameObjects.java A B
 */
public class SameObjects {
    public static void main(String[] args) {
        ObjectMapper json = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
        List<String> a = canonical(json, args[0]);
        List<String> b = canonical(json, args[1]);
        if (!a.equals(b)) {
            System.err.println("two-nodes: the two exports differ");
            System.exit(1);
        }
        System.out.println("the two exports hold the same " + a.size() + " objects");
    }

    private static List<String> canonical(ObjectMapper json, String file) {
        List<String> objects = new ArrayList<>();
        for (JsonNode o : json.readTree(new File(file)).path("objects")) {
            // Sort keys at every depth: a re-read object may list its properties in another order.
            objects.add(json.writeValueAsString(json.treeToValue(o, Object.class)));
        }
        objects.sort(null);
        return objects;
    }
}
