package org.hotline.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.hotline.HotlineException;
import org.hotline.InputException;
import org.hotline.channel.Channel;
import org.hotline.channel.ChannelTerms;
import org.hotline.channel.ConcernKind;
import org.hotline.channel.Tlp;
import org.hotline.cli.node.BasicSecret;
import org.hotline.cli.node.NodeHome;
import org.hotline.cli.node.PartyCard;
import org.hotline.cli.node.SecretFiles;
import org.hotline.store.NodeDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code hotline channel add}: run on both nodes, each with the other's card and the same secret
 * file. The channel's id is derived from the two identities, so both sides name it alike.
 */
@Command(name = "add", description = {"Add (or update) the channel to a partner, from its party card.",
        "Both sides run it with the other's card and the same --secret-file; the first to run it may let it"
                + " create the file, and hands it to the partner over a trusted path."},
        footer = {"", "Examples:",
                "  hotline channel add --home work/ru --partner us-card.json --secret-file channel.secret",
                "  hotline channel add --partner us-card.json --secret-file channel.secret --tlp clear,green,amber",
                "  hotline channel add --partner us-card.json --secret-file channel.secret --respond-within 72h",
                "", ExitCodes.HELP})
final class ChannelAddCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HomeOption home;

    @Option(names = "--partner", required = true, paramLabel = "CARD.json", description = "The partner's card (`hotline party show --json`).")
    Path cardFile;

    @Option(names = "--secret-file", required = true, paramLabel = "FILE",
            description = "The channel's shared secret; created (mode 0600) if it does not exist.")
    Path secretFile;

    @Option(names = "--tlp", paramLabel = "TLP[,TLP...]", split = ",", description = "TLP levels allowed (default: clear,green,amber,amber+strict).")
    List<String> tlps;

    @Option(names = "--kinds", paramLabel = "KIND[,KIND...]", split = ",", description = "Concern kinds allowed (default: all).")
    List<String> kinds;

    @Option(names = "--acknowledge-within", paramLabel = "DURATION", defaultValue = "24h", description = "Deadline to acknowledge (default: ${DEFAULT-VALUE}).")
    String acknowledgeWithin;

    @Option(names = "--respond-within", paramLabel = "DURATION", defaultValue = "7d", description = "Deadline to respond (default: ${DEFAULT-VALUE}).")
    String respondWithin;

    @Option(names = "--materials-within", paramLabel = "DURATION", defaultValue = "7d", description = "Deadline to provide materials asked for (default: ${DEFAULT-VALUE}).")
    String materialsWithin;

    @Option(names = "--json", description = "Print the channel as JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        NodeHome h = NodeHome.open(home.dir());
        PartyCard partner;
        try {
            partner = PartyCard.read(Json.MAPPER.readTree(cardFile.toFile()));
        } catch (tools.jackson.core.JacksonException e) {
            throw new InputException("reading the card " + cardFile + ": " + e.getOriginalMessage());
        }
        if (partner.party().id().equals(h.party().id())) {
            throw new InputException(cardFile + " is this node's own card; give the partner's");
        }
        try {
            partner.party().checkShown();
        } catch (IllegalArgumentException e) {
            throw new InputException(cardFile + ": " + e.getMessage() + "; the partner must mend its card");
        }
        // The partner writes its card, name included, and concern show, channel report and the console
        // name the parties by it: named as this node, its messages would read as ours ("by US-CERT")
        // and what it owes would count as waiting on us; named as another partner, the two would mix.
        String name = partner.party().name();
        if (name.equalsIgnoreCase(h.party().name())) {
            throw new InputException(cardFile + " names its party '" + name + "', as this node is named; every concern names the"
                    + " parties by name, so the partner must choose another name on its card");
        }
        for (var other : h.partners()) {
            if (!other.card().party().id().equals(partner.party().id()) && other.card().party().name().equalsIgnoreCase(name)) {
                throw new InputException(cardFile + " names its party '" + name + "', as the partner " + other.card().party().id()
                        + " is named already; every concern names the parties by name, so the two must differ");
            }
        }
        boolean created = false;
        if (!Files.exists(secretFile)) {
            SecretFiles.write(secretFile, BasicSecret.generate() + "\n");
            created = true;
        }
        String secret = Files.readString(secretFile);
        ChannelTerms terms = terms();
        h.addPartner(partner, secret);
        Channel channel = new Channel(Channel.idFor(h.party().id(), partner.party().id()), h.party(), partner.party(), terms,
                Clock.systemUTC().instant());
        try (NodeDatabase db = NodeDatabase.open(h.database())) {
            db.channels().save(channel);
        } catch (HotlineException e) {
            throw e;
        }
        // Partners' names and addresses reach the terminal without control characters; JSON as it is.
        var out = json ? spec.commandLine().getOut() : TerminalText.of(spec.commandLine().getOut());
        if (json) {
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(ChannelListCommand.json(channel)));
        } else {
            out.println("Channel " + channel.id() + " to " + partner.party().name() + " (" + partner.party().taxiiUrl() + ")");
            if (created) {
                out.println("Created the secret " + secretFile + ": hand it to " + partner.party().name()
                        + " over a trusted path; they run `hotline channel add` with it and your card.");
            }
        }
        return ExitCodes.OK;
    }

    private ChannelTerms terms() {
        ChannelTerms d = ChannelTerms.defaults();
        Set<Tlp> t = d.tlps();
        if (tlps != null) {
            t = EnumSet.noneOf(Tlp.class);
            for (String s : tlps) {
                t.add(Tlp.parse(s));
            }
        }
        Set<ConcernKind> k = d.kinds();
        if (kinds != null) {
            k = EnumSet.noneOf(ConcernKind.class);
            for (String s : kinds) {
                k.add(ConcernKind.parse(s));
            }
        }
        return new ChannelTerms(t, k, Durations.parse("--acknowledge-within", acknowledgeWithin),
                Durations.parse("--respond-within", respondWithin), Durations.parse("--materials-within", materialsWithin));
    }
}
