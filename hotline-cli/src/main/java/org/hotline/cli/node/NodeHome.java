package org.hotline.cli.node;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hotline.HotlineException;
import org.hotline.InputException;
import org.hotline.OutputException;
import org.hotline.channel.Ed25519;
import org.hotline.channel.Ids;
import org.hotline.channel.Party;
import org.hotline.server.auth.PasswordHash;
import org.hotline.server.tls.NodeCertificate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A node's home directory: who it is and how it runs.
 * <pre>
 *   party.json        the party card handed to partners (public)
 *   node.json         listen address, database URL, TLS key store password (0600)
 *   signing.key       the Ed25519 private key, PKCS#8 DER (0600)
 *   tls.p12           TLS key and self-signed certificate, PKCS#12 (0600)
 *   partners/ID.json  per partner: its card and the channel's Basic passwords (0600)
 *   hotline.db        the SQLite database, unless node.json names PostgreSQL
 * </pre>
 * Hazard: anyone who can read {@code signing.key} can sign concerns as this party; the files are
 * created 0600 and the directory should not be shared.
 */
public final class NodeHome {
    public static final String API_ROOT = "hotline";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path dir;
    private final ObjectNode settings;
    private final PartyCard card;

    private NodeHome(Path dir, ObjectNode settings, PartyCard card) {
        this.dir = dir;
        this.settings = settings;
        this.card = card;
    }

    /** Creates a new party in {@code dir}; refuses if one is there already. */
    public static NodeHome init(Path dir, String name, String country, String listen, String database, String publicHost) {
        if (Files.exists(dir.resolve("party.json"))) {
            throw new InputException(dir + " already holds a party (" + dir.resolve("party.json") + "); choose another --home");
        }
        HostPort hp = HostPort.parse(listen);
        String host = publicHost != null ? publicHost : hp.host().equals("0.0.0.0") ? "127.0.0.1" : hp.host();
        URI apiRoot = URI.create("https://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + hp.port() + "/" + API_ROOT + "/");
        Ed25519 key = Ed25519.generate();
        Party party = new Party(Ids.random("identity"), name, country.toUpperCase(java.util.Locale.ROOT), key.publicKey(), apiRoot);
        try {
            // Owner-only, as its secrets are: the store (hotline.db and its WAL) holds every concern, of
            // any TLP, in the clear, and SQLite creates it readable by all; the console's token keeps
            // other users of this machine out of the console, so they must not read the store beside it.
            // A directory that is there already is the operator's to set.
            if (!Files.exists(dir)) {
                Files.createDirectories(dir.toAbsolutePath().getParent());
                try {
                    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } catch (UnsupportedOperationException e) {
                    Files.createDirectory(dir);   // not a POSIX file system: rely on its parent's permissions
                }
            }
            Files.createDirectories(dir.resolve("partners"));
        } catch (IOException e) {
            throw new OutputException("cannot create the node's home " + dir + " (" + e.getMessage() + ")", e);
        }
        String tlsPassword = BasicSecret.generate();
        Path p12 = dir.resolve("tls.p12");
        List<String> names = new ArrayList<>(List.of("127.0.0.1", "localhost"));
        if (!names.contains(host)) {
            names.add(host);
        }
        NodeCertificate.generate(p12, tlsPassword.toCharArray(), name, names);
        setOwnerOnly(p12);
        SecretFiles.write(dir.resolve("signing.key"), key.privateKeyPkcs8());
        ObjectNode s = JSON.createObjectNode();
        s.put("listen", hp.toString());
        s.put("database", database != null ? database : "jdbc:sqlite:" + dir.toAbsolutePath().resolve("hotline.db"));
        s.put("tls_password", tlsPassword);
        SecretFiles.write(dir.resolve("node.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(s));
        String pem = NodeCertificate.pem(NodeCertificate.certificate(NodeCertificate.load(p12, tlsPassword.toCharArray())));
        PartyCard card = new PartyCard(party, pem);
        write(dir.resolve("party.json"), card.toJson());
        return new NodeHome(dir, s, card);
    }

    public static NodeHome open(Path dir) {
        if (!Files.exists(dir.resolve("party.json"))) {
            throw new InputException("no party in " + dir.toAbsolutePath() + "; create one with `hotline party init --home " + dir + " ...`");
        }
        return new NodeHome(dir, (ObjectNode) read(dir.resolve("node.json")), PartyCard.read(read(dir.resolve("party.json"))));
    }

    public Path dir() {
        return dir;
    }

    public PartyCard card() {
        return card;
    }

    public Party party() {
        return card.party();
    }

    public HostPort listen() {
        return HostPort.parse(settings.get("listen").stringValue());
    }

    public String database() {
        return settings.get("database").stringValue();
    }

    public Ed25519 signer() {
        try {
            return Ed25519.of(Files.readAllBytes(dir.resolve("signing.key")), party().publicKey());
        } catch (IOException e) {
            throw new HotlineException("reading " + dir.resolve("signing.key"), e);
        }
    }

    public char[] tlsPassword() {
        return settings.get("tls_password").stringValue().toCharArray();
    }

    public KeyStore keyStore() {
        return NodeCertificate.load(dir.resolve("tls.p12"), tlsPassword());
    }

    /** Records a partner: its card and the two Basic passwords derived from the channel's secret. */
    public PartnerLink addPartner(PartyCard partner, String secret) {
        String outbound = BasicSecret.password(secret, party().id(), partner.party().id());
        String inbound = BasicSecret.password(secret, partner.party().id(), party().id());
        PartnerLink link = new PartnerLink(partner, outbound, PasswordHash.hash(inbound));
        ObjectNode o = JSON.createObjectNode();
        o.set("card", partner.toJson());
        o.put("outbound_password", link.outboundPassword());
        o.put("inbound_password_hash", link.inboundPasswordHash());
        SecretFiles.write(partnerFile(partner.party().id()), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o));
        return link;
    }

    public List<PartnerLink> partners() {
        try (Stream<Path> files = Files.list(dir.resolve("partners"))) {
            List<PartnerLink> out = new ArrayList<>();
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode o = read(f);
                out.add(new PartnerLink(PartyCard.read(o.get("card")), o.get("outbound_password").stringValue(),
                        o.get("inbound_password_hash").stringValue()));
            }
            return out;
        } catch (IOException e) {
            throw new HotlineException("listing " + dir.resolve("partners"), e);
        }
    }

    public PartnerLink partner(String partyId) {
        return partners().stream().filter(p -> p.card().party().id().equals(partyId)).findFirst()
                .orElseThrow(() -> new InputException("no partner " + partyId + " in " + dir + "; add it with `hotline channel add`"));
    }

    private Path partnerFile(String partyId) {
        return dir.resolve("partners").resolve(partyId.substring("identity--".length()) + ".json");
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (tools.jackson.core.JacksonException e) {
            throw new InputException("reading " + file + ": " + e.getOriginalMessage());
        }
    }

    private static void write(Path file, JsonNode o) {
        try {
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n");
        } catch (IOException e) {
            throw new OutputException("cannot write " + file + " (" + e.getMessage() + ")", e);
        }
    }

    private static void setOwnerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | UnsupportedOperationException e) {
            // Not a POSIX file system: the directory's permissions are all there is.
        }
    }
}
