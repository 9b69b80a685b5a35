package org.hotline.cli;

import picocli.CommandLine.Command;

/** {@code hotline party}: this node's identity. */
@Command(name = "party", description = "Create this node's party (identity, keys, TLS certificate) and show its card.",
        subcommands = {PartyInitCommand.class, PartyShowCommand.class})
final class PartyCommand {
}
