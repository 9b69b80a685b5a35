package org.hotline.cli;

import java.util.concurrent.Callable;
import org.hotline.cli.node.NodeHome;
import org.hotline.cli.node.PartyCard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hotline party show}: the card to hand to partners. */
@Command(name = "show", description = "Print this node's party card: identity, public key, TAXII URL, TLS certificate.",
        footer = {"", "Examples:",
                "  hotline party show --home work/ru",
                "  hotline party show --home work/ru --json > ru-card.json   (the card for partners)",
                "", ExitCodes.HELP})
final class PartyShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HomeOption home;

    @Option(names = "--json", description = "Print the card as JSON (the form `channel add --partner` reads).")
    boolean json;

    @Override
    public Integer call() {
        PartyCard card = NodeHome.open(home.dir()).card();
        // Partners' names and addresses reach the terminal without control characters; JSON as it is.
        var out = json ? spec.commandLine().getOut() : TerminalText.of(spec.commandLine().getOut());
        if (json) {
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(card.toJson()));
        } else {
            out.println(card.party().name() + " (" + card.party().country() + ")");
            out.println("  identity:        " + card.party().id());
            out.println("  signing key:     " + card.party().publicKey() + " (Ed25519)");
            out.println("  TAXII API root:  " + card.party().taxiiUrl());
            out.println("  TLS certificate: SHA-256 " + card.certificateSha256());
        }
        return ExitCodes.OK;
    }
}
