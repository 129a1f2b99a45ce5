#!/bin/sh
# Declares every Inkstream topic listed in topics.txt (name, partitions, configs) with the
# replication factor given. Idempotent: existing topics are left as they are. Runs in the
# apache/kafka image.
set -eu

BOOTSTRAP_SERVERS="${BOOTSTRAP_SERVERS:-kafka:9092}"
REPLICATION_FACTOR="${REPLICATION_FACTOR:-1}"
TOPIC_LIST="${TOPIC_LIST:-/scripts/topics.txt}"
TOPICS=/opt/kafka/bin/kafka-topics.sh

while read -r name partitions configs; do
  case "$name" in ''|'#'*) continue ;; esac
  set --
  for config in $(printf '%s' "$configs" | tr ',' ' '); do
    set -- "$@" --config "$config"
  done
  "$TOPICS" --bootstrap-server "$BOOTSTRAP_SERVERS" --create --if-not-exists \
    --topic "$name" --partitions "$partitions" --replication-factor "$REPLICATION_FACTOR" "$@" </dev/null
done < "$TOPIC_LIST"

"$TOPICS" --bootstrap-server "$BOOTSTRAP_SERVERS" --describe --topics-with-overrides
