#!/usr/bin/perl
# Builds the vendor-layout .mmdb test fixtures of hotline-geo with MaxMind's own Perl writer
# (Debian: libmaxmind-db-writer-perl, MaxMind::DB::Writer::Tree), so Hotline's reader is tested
# against files Hotline did not write. Input: a small slice of the real ip-location-db CSVs
# (CC BY 4.0: NRO, RouteViews, DB-IP), which this script also writes to OUT_DIR/../csv.
#
# Usage (from the repository root, after `npm pack` of the two packages below and untarring them):
#   perl hotline-geo/src/test/tools/make-mmdb-fixtures.pl COUNTRY_CSV_DIR ASN_CSV_DIR COUNTRY_MMDB OUT_DIR
# where COUNTRY_CSV_DIR = package/ of @ip-location-db/geo-whois-asn-country@2.3.2026061719,
#       ASN_CSV_DIR     = package/ of @ip-location-db/asn@2.3.2026061719,
#       COUNTRY_MMDB    = geo-whois-asn-country.mmdb of @ip-location-db/geo-whois-asn-country-mmdb@2.3.2026061719
#                         (read with MaxMind::DB::Reader to give the IPinfo-Lite-like fixture its country_code).
use strict;
use warnings;
use Socket qw(inet_pton AF_INET AF_INET6);
use MaxMind::DB::Writer::Tree;
use MaxMind::DB::Reader;

my ($country_dir, $asn_dir, $country_mmdb, $out) = @ARGV;
die "usage: $0 COUNTRY_CSV_DIR ASN_CSV_DIR COUNTRY_MMDB OUT_DIR\n" unless $out;
my $csv_out = "$out/../csv";    # the CSV slices go beside, for the range CSV tests
mkdir $csv_out;
my $BUILD_EPOCH = 1781725900;    # build_epoch of the country mmdb of the same release (2026-06-17)

# Addresses the tests look up: public resolvers and big networks in both families.
my @PROBES = qw(8.8.8.8 1.1.1.1 77.88.8.8 193.0.6.139 9.9.9.9 114.114.114.114 200.160.2.3 196.216.2.1
    13.107.21.200 31.13.64.35 2001:4860:4860::8888 2606:4700:4700::1111 2a00:1450:4001:80b::200e
    2a02:6b8::feed:ff 2001:67c:2e8:22::c100:68b 2620:fe::fe);
my $FIRST_ROWS = 30;    # plus the first rows of each file
my $NEIGHBOURS = 2;     # and the rows next to each probe's row

sub packed { my $ip = shift; return $ip =~ /:/ ? inet_pton(AF_INET6, $ip) : inet_pton(AF_INET, $ip) }

# Returns the line numbers (0-based) of the rows to keep from a text-form CSV.
sub pick_rows {
    my ($file) = @_;
    open my $fh, '<', $file or die "$file: $!";
    my @lines = <$fh>;
    close $fh;
    my %keep = map { $_ => 1 } 0 .. $FIRST_ROWS - 1;
    my @probes = map { [ length(packed($_)), packed($_) ] } @PROBES;
    for my $i (0 .. $#lines) {
        my ($s, $e) = split /,/, $lines[$i];
        my ($ps, $pe) = (packed($s), packed($e));
        for my $p (@probes) {
            next unless $p->[0] == length($ps);
            if ($ps le $p->[1] && $p->[1] le $pe) {
                $keep{$_} = 1 for grep { $_ >= 0 && $_ <= $#lines } $i - $NEIGHBOURS .. $i + $NEIGHBOURS;
            }
        }
    }
    return ([ sort { $a <=> $b } keys %keep ], \@lines);
}

# Writes the chosen rows of FILE (text form) and of its -num twin (same rows, same order) to OUT_DIR.
sub slice {
    my ($dir, $base) = @_;
    my ($rows, $lines) = pick_rows("$dir/$base.csv");
    open my $num_fh, '<', "$dir/$base-num.csv" or die "$dir/$base-num.csv: $!";
    my @num = <$num_fh>;
    close $num_fh;
    die "$base: text and -num files differ in length\n" unless @num == @$lines;
    for my $pair ([ "$base.slice.csv", $lines ], [ "$base-num.slice.csv", \@num ]) {
        open my $fh, '>', "$csv_out/$pair->[0]" or die $!;
        print $fh $pair->[1][$_] for @$rows;
        close $fh;
    }
    return [ map { chomp(my $l = $lines->[$_]); $l } @$rows ];
}

my @country = (@{ slice($country_dir, 'geo-whois-asn-country-ipv4') }, @{ slice($country_dir, 'geo-whois-asn-country-ipv6') });
my @asn = (@{ slice($asn_dir, 'asn-ipv4') }, @{ slice($asn_dir, 'asn-ipv6') });

sub csv_fields {    # start,end,value[,"quoted, value"]
    my $line = shift;
    my @f;
    while ($line =~ /\G(?:"((?:[^"]|"")*)"|([^,]*))(?:,|$)/g) {
        push @f, defined $1 ? ($1 =~ s/""/"/gr) : $2;
        last if pos($line) >= length $line;
    }
    s/^\s+|\s+$//g for @f;
    return @f;
}

# ISO 3166 short names, only so the IPinfo-like fixture has its `country` name field as IPinfo does.
my %NAME = (US => 'United States', AU => 'Australia', RU => 'Russia', NL => 'Netherlands', IE => 'Ireland',
    CN => 'China', JP => 'Japan', BR => 'Brazil', MU => 'Mauritius', DE => 'Germany', FI => 'Finland',
    GB => 'United Kingdom', TH => 'Thailand', IN => 'India', CH => 'Switzerland', SG => 'Singapore');

sub write_tree {
    my ($file, $type, $types, $rows, $record_of, %opt) = @_;
    my $tree = MaxMind::DB::Writer::Tree->new(
        ip_version            => $opt{ip_version} // 6,
        record_size           => $opt{record_size} // 28,
        database_type         => $type,
        languages             => ['en'],
        description           => { en => "Hotline test fixture ($type layout) from ip-location-db 2.3.2026061719, CC BY 4.0" },
        map_key_type_callback => sub { $types->{ $_[0] } // die "no type for key $_[0]\n" },
        alias_ipv6_to_ipv4    => ($opt{ip_version} // 6) == 6 ? 1 : 0,
    );
    $tree->_set_build_epoch($BUILD_EPOCH);
    my ($inserted, $skipped) = (0, 0);
    for my $row (@$rows) {
        my ($s, $e, @values) = csv_fields($row);
        next if ($opt{ip_version} // 6) == 4 && $s =~ /:/;
        my $record = $record_of->(@values, $s) or next;
        # 2001::/32 (Teredo) and 2002::/16 (6to4) are aliased to IPv4 by the writer: skip them.
        if ($s =~ /^(2001::|2001:0:|2002:)/i) { $skipped++; next }
        $tree->insert_range($s, $e, $record);
        $inserted++;
    }
    open my $fh, '>:raw', "$out/$file" or die $!;
    $tree->write_tree($fh);
    close $fh;
    print "$file: $inserted ranges, $skipped skipped (aliased space)\n";
}

my %str = map { $_ => 'utf8_string' } qw(iso_code country_code country asn as_name name autonomous_system_organization
    country_short country_long en);

# 1.1.1.0/24 keeps only registered_country, as GeoLite2 does for some anycast networks: tests the fallback.
write_tree('geolite2-country.mmdb', 'GeoLite2-Country', { %str, country => 'map', registered_country => 'map', names => 'map' },
    \@country, sub {
        my ($cc, $start) = @_;
        return { registered_country => { iso_code => $cc } } if $start eq '1.1.1.0';
        return { country => { iso_code => $cc, ($NAME{$cc} ? (names => { en => $NAME{$cc} }) : ()) },
                 registered_country => { iso_code => $cc } };
    });
write_tree('dbip-country-lite.mmdb', 'DBIP-Country-Lite', { %str, country => 'map', is_in_european_union => 'boolean' },
    \@country, sub { return { country => { iso_code => $_[0] } } });
write_tree('ip-location-db-country.mmdb', 'country ipvAll', \%str, \@country, sub { return { country_code => $_[0] } });
write_tree('ip-location-db-country-ipv4.mmdb', 'country ipv4', \%str, \@country, sub { return { country_code => $_[0] } },
    ip_version => 4, record_size => 24);
write_tree('ipinfo-country.mmdb', 'ipinfo country.mmdb', { %str, country_name => 'utf8_string' }, \@country, sub {
        return { country => $_[0], ($NAME{ $_[0] } ? (country_name => $NAME{ $_[0] }) : ()) };
    });
write_tree('geolite2-asn.mmdb', 'GeoLite2-ASN', { %str, autonomous_system_number => 'uint32' }, \@asn, sub {
        my ($asn, $org) = @_;
        return { autonomous_system_number => $asn, autonomous_system_organization => $org };
    });
write_tree('dbip-asn-lite.mmdb', 'DBIP-ASN-Lite (compat=GeoLite2-ASN)', { %str, autonomous_system_number => 'uint32' }, \@asn, sub {
        my ($asn, $org) = @_;
        return { autonomous_system_number => $asn, autonomous_system_organization => $org };
    });
write_tree('ipinfo-asn.mmdb', 'ipinfo asn.mmdb', \%str, \@asn, sub { return { asn => "AS$_[0]", name => $_[1] } });

my $reader = MaxMind::DB::Reader->new(file => $country_mmdb);
# IPinfo Lite also carries country_code/country per range; take them from the real country mmdb at
# each ASN row's start, so a row gets the country that database gives its first address.
{
    my @rows;
    for my $row (@asn) {
        my ($s) = csv_fields($row);
        my $rec = $reader->record_for_address($s);
        push @rows, $row . ',' . ($rec ? $rec->{country_code} : '');
    }
    write_tree('ipinfo-lite.mmdb', 'ipinfo ipinfo_lite.mmdb', \%str, \@rows, sub {
            my ($asn, $org, $cc) = @_;
            return { asn => "AS$asn", as_name => $org,
                     ($cc ? (country_code => $cc) : ()), ($cc && $NAME{$cc} ? (country => $NAME{$cc}) : ()) };
        });
}
# A real vendor layout Hotline does not read (IP2Location's): opening it must fail naming its keys.
write_tree('ip2location-like.mmdb', 'IP2LOCATION-LITE-DB1', \%str, \@country, sub {
        return { country_short => $_[0], ($NAME{ $_[0] } ? (country_long => $NAME{ $_[0] }) : ()) };
    });
