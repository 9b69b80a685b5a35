package org.hotline.cli;

import picocli.CommandLine.Command;

/** {@code hotline concern}: file concerns and take them through their lifecycle. */
@Command(name = "concern", description = "File, list, show, answer and close concerns on a channel.",
        subcommands = {ConcernFileCommand.class, ConcernSendCommand.class, ConcernListCommand.class, ConcernShowCommand.class,
                ConcernAckCommand.class, ConcernRequestMaterialsCommand.class, ConcernProvideMaterialsCommand.class,
                ConcernUpdateCommand.class, ConcernRespondCommand.class, ConcernCloseCommand.class, ConcernRejectCommand.class,
                ConcernWithdrawCommand.class, ConcernVerifyCommand.class, ConcernExportCommand.class, ConcernOriginsCommand.class})
final class ConcernCommand {
}
