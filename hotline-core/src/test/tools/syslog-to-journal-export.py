#!/usr/bin/env python3
# Made for the journald-json fixtures of hotline-core (see their .license files); the project's licence.
"""Turns syslog lines (BSD form, no year) into systemd's journal export format, as journald would
have stored them: sshd and other programs via the syslog transport, kernel lines via the kernel
transport (without the [uptime] prefix the kernel's syslog line carries)."""
import re, sys, calendar, time, struct, hashlib
year = int(sys.argv[1])
boot = hashlib.md5(b"hotline-fixture-boot").hexdigest()
machine = hashlib.md5(b"hotline-fixture-machine").hexdigest()
LINE = re.compile(r'^(\w{3}) +(\d+) (\d\d):(\d\d):(\d\d) (\S+) ([^:\[ ]+)(?:\[(\d+)\])?: ?(.*)$')
MONTHS = {m: i for i, m in enumerate(calendar.month_abbr) if m}
out = sys.stdout.buffer
seq = 0
for path in sys.argv[2:]:
    for raw in open(path, 'rb'):
        text = raw.decode('utf-8', 'replace').rstrip('\n')
        m = LINE.match(text)
        if not m:
            sys.stderr.write("skipped: " + text + "\n")
            continue
        mon, day, hh, mi, ss, host, ident, pid, msg = m.groups()
        t = calendar.timegm((year, MONTHS[mon], int(day), int(hh), int(mi), int(ss), 0, 0, 0))
        seq += 1
        us = t * 1000000 + seq % 1000  # distinct, within the second the line names
        fields = [("__REALTIME_TIMESTAMP", str(us)), ("__MONOTONIC_TIMESTAMP", str(seq * 1000)), ("_BOOT_ID", boot),
                  ("_MACHINE_ID", machine), ("_HOSTNAME", host)]
        if ident == "kernel":
            msg = re.sub(r'^\[ *\d+\.\d+\] ', '', msg)
            fields += [("_TRANSPORT", "kernel"), ("SYSLOG_IDENTIFIER", "kernel"), ("SYSLOG_FACILITY", "0"), ("PRIORITY", "4")]
        else:
            fields += [("_TRANSPORT", "syslog"), ("SYSLOG_IDENTIFIER", ident), ("SYSLOG_FACILITY", "10"), ("PRIORITY", "6"),
                       ("_COMM", ident)]
            if pid:
                fields += [("SYSLOG_PID", pid), ("_PID", pid)]
        fields.append(("MESSAGE", msg))
        for k, v in fields:
            b = v.encode('utf-8')
            if b'\n' in b or any(c < 32 and c != 9 for c in b):
                out.write(k.encode() + b'\n' + struct.pack('<Q', len(b)) + b + b'\n')
            else:
                out.write(k.encode() + b'=' + b + b'\n')
        out.write(b'\n')
