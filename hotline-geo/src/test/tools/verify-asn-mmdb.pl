#!/usr/bin/perl
# Checks an ASN .mmdb converted by Hotline (AsnCsvConverter / GeoUpdate) against the CSVs it came from,
# with MaxMind's own reader (Debian libmaxmind-db-reader-perl + libmaxmind-db-reader-xs-perl, i.e.
# libmaxminddb): every row's first and last address must give the row's AS number and organisation.
# Organisation names are compared trimmed, as the converter trims them. Not run by Maven (it needs the
# full npm data); run by hand after a conversion:
#   perl hotline-geo/src/test/tools/verify-asn-mmdb.pl asn.mmdb package/asn-ipv4.csv package/asn-ipv6.csv
# Result for @ip-location-db/asn 2.3.2026061719: ok=1030315 bad=1; the one is 215.0.0.0, where two source
# rows overlap and the converter keeps the earlier row (AS749) by design.
use strict; use warnings;
use MaxMind::DB::Reader;
my ($db, @csvs) = @ARGV;
my $r = MaxMind::DB::Reader->new(file => $db);
my ($ok, $bad) = (0, 0);
for my $csv (@csvs) {
  open my $fh, '<:encoding(UTF-8)', $csv or die $!;
  while (my $line = <$fh>) {
    chomp $line;
    my ($s, $e, $asn, $org) = $line =~ /^([^,]+),([^,]+),(\d+),(.*)$/ or die "bad line $line";
    $org =~ s/^"(.*)"$/$1/; $org =~ s/""/"/g; $org =~ s/^\s+//; $org =~ s/\s+$//;
    for my $ip ($s, $e) {
      my $rec = $r->record_for_address($ip);
      if ($rec && $rec->{autonomous_system_number} == $asn && ($rec->{autonomous_system_organization} // '') eq $org) { $ok++ }
      else { $bad++; print "MISMATCH $ip: want $asn/$org got ", ($rec ? "$rec->{autonomous_system_number}/" . ($rec->{autonomous_system_organization}//'') : 'none'), "\n" if $bad <= 10; }
    }
  }
}
print "ok=$ok bad=$bad\n";
