#!/usr/bin/env bash
# The daily digest (每日提醒) against a real SMTP server: aiosmtpd (from PyPI) started here as a
# local sink that files every message it accepts in a maildir. On the demo database,
# `quhua tasks digest --config` must mail one digest to each organisation with something in
# its inbox, and each message must arrive with its recipient, a UTF-8 subject and a body that
# decodes to the digest's text.
#   scripts/digest-smtp.sh [path/to/quhua]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
target="${CARGO_TARGET_DIR:-$root/target}"
bin="${1:-$target/debug/quhua}"
venv="$target/smtp-sink-venv"
if [ ! -x "$venv/bin/aiosmtpd" ]; then
  echo "== pip install aiosmtpd (into $venv)"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check aiosmtpd==1.4.6
fi
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$venv/bin/python" -m aiosmtpd -n -l "127.0.0.1:$port" -c aiosmtpd.handlers.Mailbox "$work/maildir" >"$work/sink.log" 2>&1 &
sink=$!
trap 'kill $sink 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do
  python3 -c "import socket,sys; socket.create_connection(('127.0.0.1',$port),1)" 2>/dev/null && break
  sleep 0.1
done
db="sqlite:$work/digest.db"
date=2026-07-01
"$bin" --db "$db" import demo >/dev/null
"$bin" --db "$db" tasks digest --date "$date" --json >"$work/digests.json"
# Every organisation with a digest gets an address; the config is the deployment's file.
python3 - "$work/digests.json" "$port" >"$work/delivery.toml" <<'PY'
import json, sys
digests = json.load(open(sys.argv[1]))
print(f'[smtp]\naddr = "127.0.0.1:{sys.argv[2]}"\nfrom = "ducha@quhua.example"\n\n[addresses]')
for d in digests:
    print(f'"{d["org"]}" = "{d["org"]}@quhua.example"')
PY
expected=$(python3 -c "import json,sys; print(len(json.load(open('$work/digests.json'))))")
[ "$expected" -gt 0 ] || { echo "no digest on $date: nothing to deliver" >&2; exit 1; }
"$bin" --db "$db" --lang en tasks digest --date "$date" --config "$work/delivery.toml" >/dev/null 2>"$work/deliver.log"
cat "$work/deliver.log"
grep -q "$expected digests: $expected mailed" "$work/deliver.log" || { echo "not every digest was mailed" >&2; cat "$work/sink.log" >&2; exit 1; }
python3 - "$work/maildir" "$work/digests.json" <<'PY'
import email, email.header, json, mailbox, sys
box = mailbox.Maildir(sys.argv[1], create=False)
digests = {f'{d["org"]}@quhua.example': d for d in json.load(open(sys.argv[2]))}
got = {}
for key in box.keys():
    m = email.message_from_bytes(box.get_bytes(key))
    to = m["To"].strip("<> ")
    subject = str(email.header.make_header(email.header.decode_header(m["Subject"])))
    body = m.get_payload(decode=True).decode("utf-8")
    got[to] = (subject, body)
missing = sorted(set(digests) - set(got))
assert not missing, f"not received: {missing}"
for to, (subject, body) in got.items():
    d = digests[to]
    assert d["org_name"] in subject and d["date"] in subject, (to, subject)
    assert body.strip() == d["text"].strip(), (to, body[:200])
print(f"SMTP sink received {len(got)} digests, each with its recipient, subject and text")
PY
