# report.py — a log report: the Python script tests/profiles/python3.sh
# runs under `jail -p python3`.  It reads a syslog stream on stdin and
# prints per-program counts, failed logins per source address, and a
# digest of the input, as JSON.
import collections
import hashlib
import json
import re
import sys

LINE = re.compile(r"^(\w{3}) +(\d+) ([\d:]+) (\S+) ([^\[:]+)(?:\[(\d+)\])?: (.*)$")
FAILED = re.compile(r"Failed password for (?:invalid user )?(\S+) from (\S+)")

programs = collections.Counter()
failed = collections.defaultdict(set)
digest = hashlib.sha256()
for raw in sys.stdin.buffer:
    digest.update(raw)
    m = LINE.match(raw.decode("utf-8", "replace").rstrip("\n"))
    if not m:
        continue
    programs[m.group(5)] += 1
    f = FAILED.search(m.group(7))
    if f:
        failed[f.group(2)].add(f.group(1))

json.dump({"programs": dict(sorted(programs.items())),
           "failed": {ip: sorted(users) for ip, users in sorted(failed.items())},
           "sha256": digest.hexdigest()}, sys.stdout, indent=2, sort_keys=True)
sys.stdout.write("\n")
