package org.hotline.cli;

import java.util.concurrent.Callable;
import org.hotline.InputException;
import org.hotline.channel.Party;
import org.hotline.cli.node.NodeHome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hotline party init}: a new party in a new home. */
@Command(name = "init", description = {"Create a party: STIX identity, Ed25519 signing key, TLS key and self-signed"
        + " certificate, node settings.", "Then give the card (`hotline party show`) to your partners."},
        footer = {"", "Examples:",
                "  hotline party init --home work/ru --name RU-CERT --country RU --listen 127.0.0.1:9101",
                "  hotline party init --name US-CERT --country US --listen 0.0.0.0:9101 --public-host cert.example",
                "  hotline party init --name US-CERT --country US --db 'jdbc:postgresql://db/hotline?user=hotline'",
                "", ExitCodes.HELP})
final class PartyInitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HomeOption home;

    @Option(names = "--name", paramLabel = "NAME", required = true, description = "The party's name, e.g. RU-CERT.")
    String name;

    @Option(names = "--country", paramLabel = "CC", required = true, description = "ISO 3166-1 alpha-2 code of its jurisdiction, e.g. RU.")
    String country;

    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:9101", description = "Address the TAXII server listens on (default: ${DEFAULT-VALUE}).")
    String listen;

    @Option(names = "--public-host", paramLabel = "HOST", description = "Host name or address partners use to reach it, if not the listen address.")
    String publicHost;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Database: jdbc:postgresql://host/db?user=..., default a SQLite file in the home.")
    String database;

    @Option(names = "--json", description = "Print the party card as JSON.")
    boolean json;

    @Override
    public Integer call() {
        try {
            Party.checkName(name);
        } catch (IllegalArgumentException e) {
            throw new InputException("--name: " + e.getMessage());
        }
        NodeHome h = NodeHome.init(home.dir(), name, country, listen, database, publicHost);
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(h.card().toJson()));
        } else {
            out.println("Created party " + h.party().name() + " (" + h.party().id() + ") in " + h.dir());
            out.println("  TAXII API root: " + h.party().taxiiUrl());
            out.println("  TLS certificate SHA-256: " + h.card().certificateSha256());
            out.println("Give your card to partners: hotline party show --home " + h.dir() + " --json > card.json");
        }
        return ExitCodes.OK;
    }
}
