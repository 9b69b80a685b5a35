package org.hotline.cli;

import picocli.CommandLine.Command;

/** {@code hotline channel}: the agreements with partners. */
@Command(name = "channel", description = "Add and list channels to partner nodes, and account for their concerns.",
        subcommands = {ChannelAddCommand.class, ChannelListCommand.class, ChannelReportCommand.class})
final class ChannelCommand {
}
