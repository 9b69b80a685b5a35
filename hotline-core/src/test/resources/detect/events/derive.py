# Derives the detector test tables from the real logs (see DERIVATION.md). One row per event,
# the first column the line number in the original file, tab-separated, \\ \t \n \r escaped.
import json, re, sys
from datetime import datetime, timezone, timedelta

D = '/work/shared/data'
def esc(v):
    s = '-' if v is None else str(v)
    return s.replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n').replace('\r', '\\r')
def write(name, header, rows):
    with open('/tmp/fx/out/' + name, 'w') as f:
        f.write('#' + '\t'.join(header) + '\n')
        for r in rows:
            f.write('\t'.join(esc(v) for v in r) + '\n')
def iso(dt):
    return dt.astimezone(timezone.utc).strftime('%Y-%m-%dT%H:%M:%S.') + '%03dZ' % (dt.microsecond // 1000)
MON = {m: i + 1 for i, m in enumerate('Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split())}

# 1. sshd (elastic/beats secure-rhel7.log: its first 146 lines, as read through the search index, saved to
#    /tmp/fx/secure-rhel7.head.log; the year is not in the log: 2017 assumed)
rows = []
for n, line in enumerate(open('/tmp/fx/secure-rhel7.head.log'), 1):
    t = datetime(2017, MON[line[0:3]], int(line[4:6]), int(line[7:9]), int(line[10:12]), int(line[13:15]), tzinfo=timezone.utc)
    m = re.search(r'Failed password for (invalid user )?(\S+) from (\S+) port (\d+)', line)
    if m:
        rows.append((n, iso(t), m.group(3), m.group(4), 'AUTH_FAILURE', m.group(2), 1 if m.group(1) else 0)); continue
    m = re.search(r'Accepted \S+ for (\S+) from (\S+) port (\d+)', line)
    if m:
        rows.append((n, iso(t), m.group(2), m.group(3), 'AUTH_SUCCESS', m.group(1), 0)); continue
    m = re.search(r'Received disconnect from (\S+?): .*\[preauth\]', line)
    if m:
        rows.append((n, iso(t), m.group(1), -1, 'PREAUTH_DISCONNECT', None, 0))
write('sshd-secure-rhel7.tsv', ['line', 'time', 'client', 'port', 'outcome', 'user', 'invalid_user'], rows)

# 2. Apache combined (elastic/examples apache_logs): lines of the sources below, and every line answered >= 400
keep = {'144.76.95.39', '91.236.75.25', '75.97.9.59', '144.76.194.187', '195.250.34.144', '199.168.96.66',
        '95.78.54.93', '198.245.61.43', '188.165.243.45', '46.28.105.80', '199.102.67.16', '130.237.218.86'}
rx = re.compile(r'^(\S+) \S+ \S+ \[([^\]]+)\] "(\S+) (\S+) [^"]*" (\d{3}) (\S+) "[^"]*" "([^"]*)"$')
rows = []
for n, line in enumerate(open(D + '/web/elastic_examples_apache_access.log', encoding='latin-1'), 1):
    m = rx.match(line.rstrip('\n'))
    if not m:
        continue
    ip, ts, method, target, status, size, agent = m.groups()
    if ip not in keep and int(status) < 400:
        continue
    t = datetime.strptime(ts, '%d/%b/%Y:%H:%M:%S %z')
    rows.append((n, iso(t), ip, method, target, status, -1 if size == '-' else size, None if agent == '-' else agent))
write('access-elastic-apache.tsv', ['line', 'time', 'client', 'method', 'target', 'status', 'bytes', 'agent'], rows)

# 3. Suricata alerts (FrankHassanabad/suricata-sample-data honeypot-2018; timestamps carry no offset: UTC assumed)
rows = []
for n, line in enumerate(open(D + '/ids/suricata/suricata-sample-data_honeypot-2018_alerts.eve.ndjson'), 1):
    e = json.loads(line)
    a = e['alert']
    t = datetime.fromisoformat(e['timestamp']).replace(tzinfo=timezone.utc)
    rows.append((n, iso(t), e['src_ip'], e.get('src_port', -1), e['dest_ip'], e.get('dest_port', -1), e['proto'],
                 a['signature_id'], a['signature'], a.get('category'), a.get('severity', -1), a.get('action')))
write('suricata-honeypot-2018-alerts.tsv', ['line', 'time', 'src', 'sport', 'dst', 'dport', 'proto', 'sid', 'signature', 'category', 'severity', 'action'], rows)

# 4. HTTP requests inside Suricata alerts (suricata-sample-data first-org-conf-2015 and wrccdc-2017), with
#    Suricata's own verdict
for name, sample in [('suricata-first-2015-http.tsv', 'first-org-conf-2015'), ('suricata-wrccdc-2017-http.tsv', 'wrccdc-2017')]:
  rows = []
  for n, line in enumerate(open(D + '/ids/suricata/suricata-sample-data_' + sample + '_alerts.eve.ndjson'), 1):
      e = json.loads(line)
      h = e.get('http')
      if not h or 'url' not in h:
          continue
      ts = e['timestamp']
      t = datetime.strptime(ts[:-5], '%Y-%m-%dT%H:%M:%S.%f').replace(tzinfo=timezone(timedelta(hours=int(ts[-5:-2]), minutes=int(ts[-5] + ts[-2:]))))
      rows.append((n, iso(t), e['src_ip'], e['src_port'], e['dest_ip'], e['dest_port'], h.get('http_method'), h['url'],
                   h.get('status', -1), h.get('length', -1), h.get('http_user_agent'), h.get('hostname'), e['alert']['signature']))
  write(name, ['line', 'time', 'src', 'sport', 'dst', 'dport', 'method', 'url', 'status', 'bytes', 'agent', 'host', 'suricata_signature'], rows)

# 5. iptables (dunneja/py-fw-log iptables.log; year not in the log: Dec = 2022, Jan = 2023 per the repo)
rows = []
for n, line in enumerate(open(D + '/firewall/dunneja_iptables.log'), 1):
    f = dict(kv.split('=', 1) for kv in line.split() if '=' in kv)
    mon = MON[line[0:3]]
    t = datetime(2022 if mon == 12 else 2023, mon, int(line[4:6]), int(line[7:9]), int(line[10:12]), int(line[13:15]), tzinfo=timezone.utc)
    flags = ' '.join(w for w in line.split('RES=')[1].split()[1:] if w.isalpha() and w.isupper())
    prefix = line.split('] ', 1)[1].split(' IN=')[0]
    rows.append((n, iso(t), f['SRC'], f.get('SPT', -1), f['DST'], f.get('DPT', -1), f['PROTO'], int(f['LEN']), flags, prefix))
write('netfilter-dunneja.tsv', ['line', 'time', 'src', 'sport', 'dst', 'dport', 'proto', 'length', 'tcp_flags', 'prefix'], rows)

# 6. Zeek conn.log test baselines (zeek/zeek): timestamps masked, so the events carry no time
for name, src in [('zeek-conn-pop3.tsv', 'zeek-btest_scripts.base.protocols.pop3.basic_conn.log'),
                  ('zeek-conn-ftp-ipv4.tsv', 'zeek-btest_scripts.base.protocols.ftp.ftp-ipv4_conn.log')]:
    rows = []
    for n, line in enumerate(open(D + '/ids/zeek/' + src), 1):
        if line.startswith('#'):
            continue
        c = line.rstrip('\n').split('\t')
        rows.append((n, c[2], c[3], c[4], c[5], c[6], None if c[7] == '-' else c[7], c[11], c[16] if c[16] != '-' else -1))
    write(name, ['line', 'src', 'sport', 'dst', 'dport', 'proto', 'service', 'conn_state', 'orig_pkts'], rows)
