package org.hotline.channel.port;

import java.util.List;
import java.util.Optional;
import org.hotline.channel.Channel;

/** The channels this node's party has agreed with its partners, with the partners' identities and keys. */
public interface ChannelRegistry {

    /** Adds or replaces a channel (same id: new terms or a partner's new URL or key). */
    void save(Channel channel);

    Optional<Channel> channel(String id);

    List<Channel> channels();
}
