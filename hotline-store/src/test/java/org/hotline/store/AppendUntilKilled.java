package org.hotline.store;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.hotline.channel.Message;
import org.hotline.channel.MessageBody;

/**
 * The child process of the durability tests: opens the node database at {@code args[0]}, files one
 * concern and then chains status updates to it as fast as it can, forever, printing each message's
 * id on its own line the moment {@code append} returned (acknowledged), until it is killed.
 *
 * <p>First line: {@code concern <id> <RU party id> <RU public key>}, so the test can verify the chain.
 */
public final class AppendUntilKilled {
    private AppendUntilKilled() {}

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        Parties p = new Parties();
        try (NodeDatabase db = NodeDatabase.open(args[0])) {
            db.channels().save(p.channelSeenBy(p.ru));
            Instant at = Instant.now();
            Message last = p.filing(at);
            out.println("concern " + last.concernId() + " " + p.ru.id() + " " + p.ru.publicKey());
            out.flush();
            db.concerns().append(last, p.us.id());
            acknowledge(out, last);
            for (long n = 1; ; n++) {
                Message next = p.next(last, p.ru, new MessageBody.StatusUpdate("status " + n), at.plusMillis(n));
                db.concerns().append(next, p.us.id());
                acknowledge(out, next);
                last = next;
            }
        }
    }

    private static void acknowledge(PrintStream out, Message m) {
        out.println(m.id());
        // PrintStream swallows write errors: an acknowledgement that never reached the test would
        // look like "stored more than acknowledged". Die loudly instead (exit 3, not SIGKILL's 137).
        if (out.checkError()) {
            System.err.println("could not write the acknowledgement of " + m.id());
            System.exit(3);
        }
    }
}
