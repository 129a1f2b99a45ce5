#!/usr/bin/env bash
# Publishes a small generated bilingual site with ./inkstream publish, serves it on loopback and
# takes headless Chromium screenshots of the home page, a post, a tag page and the Chinese home at
# desktop (1280x900) and phone (390x844) widths, into benchmarks/target/screenshots/.
# Skips cleanly (exit 0) when Chromium is not installed: apt-get install -y chromium
#   benchmarks/screenshots.sh [PORT]     (default 18300)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
port=${1:-18300}
chrome=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$chrome" ]; then
  echo "screenshots: skipped, no chromium on the PATH (apt-get install -y chromium)"
  exit 0
fi
out="$here/benchmarks/target/screenshots"
work=$(mktemp -d)
trap 'kill "${server:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
rm -rf "$out" && mkdir -p "$out"

repo="$work/repo"
mkdir -p "$repo/posts/2026-03-01" "$repo/posts/2026-02-14" "$repo/posts/2025-11-30" "$repo/notes"
cat > "$repo/inkstream.yaml" <<'YAML'
title: Field Notes
baseUrl: https://notes.example.org/
defaultLanguage: en
languages: [en, zh]
description: Notes on streaming systems, in English and 中文.
paginate: 5
YAML
cat > "$repo/README.md" <<'MD'
# Field Notes

Short essays on building event-driven systems. Most posts have a Chinese translation.
MD
cat > "$repo/posts/2026-03-01/exactly-once.md" <<'MD'
---
title: "Exactly once, in practice"
date: 2026-03-01
tags: [kafka, transactions]
categories: [Engineering]
translationKey: exactly-once
lang: en
description: What "exactly once" means when a consumer writes to Kafka and S3.
---
Exactly-once delivery is a property of a *pipeline*, not of a broker. This post walks through a
read-process-write loop and where the guarantees come from.

## The loop

```java
try (var producer = new KafkaProducer<String, String>(props)) {
    producer.initTransactions();
    producer.beginTransaction();
    producer.send(new ProducerRecord<>("rendered", key, html));
    producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
    producer.commitTransaction();
}
```

## Where it breaks

Side effects outside Kafka — an upload to S3, say — are not part of the transaction. Make them
idempotent: content-addressed keys, a manifest written last.

> [!TIP]
> Write the manifest last: a crash before it leaves the previous release intact.

## Further reading

| Topic | Where |
|---|---|
| Transactions | KIP-98 |
| Idempotent producer | KIP-98 |
MD
cat > "$repo/posts/2026-03-01/exactly-once_zh.md" <<'MD'
---
title: "恰好一次：实践篇"
date: 2026-03-01
tags: [kafka, 事务]
translationKey: exactly-once
lang: zh
---
“恰好一次”是整条**流水线**的性质，而不是某个消息代理的性质。本文通过一个“读取—处理—写入”循环，说明这些保证从何而来。

## 循环

```java
producer.initTransactions();
producer.beginTransaction();
producer.commitTransaction();
```

## 哪里会出问题

Kafka 之外的副作用（例如上传到 S3）不在事务之内。要让它们幂等：使用内容寻址的键，最后写清单。
MD
cat > "$repo/posts/2026-02-14/compaction.md" <<'MD'
---
title: Log compaction & tombstones
date: 2026-02-14
tags: [kafka, storage]
translationKey: compaction
lang: en
---
A compacted topic keeps the latest value per key. A tombstone — a record with a null value — marks a
key as deleted, and compaction eventually removes both.
MD
cat > "$repo/posts/2026-02-14/compaction_zh.md" <<'MD'
---
title: 日志压缩与墓碑记录
date: 2026-02-14
tags: [kafka, storage]
translationKey: compaction
lang: zh
---
压缩主题为每个键保留最新的值。墓碑记录（值为空的记录）表示该键已被删除，压缩最终会把两者都清除。
MD
cat > "$repo/posts/2025-11-30/edge-caching.md" <<'MD'
---
title: Caching at the edge without stale pages
date: 2025-11-30
tags: [cdn, storage]
lang: en
---
Hashed asset names can be cached for a year; HTML should revalidate. Purge exactly what changed.
MD
for i in 1 2 3 4 5; do
  printf -- '---\ntitle: Short note %s\ndate: 2025-10-%02d\ntags: [notes]\nlang: en\n---\nA short note, number %s, to fill the list.\n' "$i" "$i" "$i" \
    > "$repo/notes/note-$i.md"
done
git -C "$repo" init -q -b main
git -C "$repo" -c user.name=Screens -c user.email=screens@inkstream.invalid add -A
git -C "$repo" -c user.name=Screens -c user.email=screens@inkstream.invalid commit -q -m "A bilingual site"

# Served by the runtime itself (edge on $port), so the translation dashboard is there too: its
# groups arrive from the translation checks just after the first release.
"$here/inkstream" up --repo "$repo" --data "$work/data" --port "$port" >"$work/up.log" 2>&1 &
server=$!
for _ in $(seq 1 300); do
  curl -fsS "http://127.0.0.1:$port/_status/translations.json" 2>/dev/null | grep -q '"stale"\|"ok"' && break
  sleep 1
done
shoot() { # name path width height
  "$chrome" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --hide-scrollbars --user-data-dir="$work/chrome" \
    --screenshot="$out/$1-$3x$4.png" --window-size="$3,$4" "http://127.0.0.1:$port$2" >/dev/null 2>&1
}
for size in "1280 900" "390 844"; do
  read -r w h <<<"$size"
  shoot home / "$w" "$h"
  shoot post /posts/2026-03-01/exactly-once/ "$w" "$h"
  shoot post-zh /zh/posts/2026-03-01/exactly-once/ "$w" "$h"
  shoot dashboard /_status/translations/ "$w" "$h"
  shoot tag /tags/kafka/ "$w" "$h"
  shoot home-zh /zh/ "$w" "$h"
done
# The same pages in dark mode, at desktop width.
"$chrome" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --disable-sync --no-first-run --hide-scrollbars --user-data-dir="$work/chrome" --force-dark-mode \
  --blink-settings=preferredColorScheme=0 \
  --screenshot="$out/post-dark-1280x900.png" --window-size=1280,900 \
  "http://127.0.0.1:$port/posts/2026-03-01/exactly-once/" >/dev/null 2>&1 || true
ls -1 "$out"
echo "screenshots: $(ls "$out" | wc -l) in $out"
