#!/bin/sh
# Declares every Inkstream topic (ARCHITECTURE.md, "Topics") with its partitions and cleanup
# policy. Idempotent: existing topics are left as they are. Runs in the apache/kafka image.
set -eu

BOOTSTRAP_SERVERS="${BOOTSTRAP_SERVERS:-kafka:9092}"
REPLICATION_FACTOR="${REPLICATION_FACTOR:-1}"
SEVEN_DAYS_MS=604800000
TOPICS=/opt/kafka/bin/kafka-topics.sh

create() { # name partitions config...
  name=$1 partitions=$2
  shift 2
  for config in "$@"; do set -- "$@" --config "$config"; shift; done
  "$TOPICS" --bootstrap-server "$BOOTSTRAP_SERVERS" --create --if-not-exists \
    --topic "$name" --partitions "$partitions" --replication-factor "$REPLICATION_FACTOR" "$@"
}

# Keyed by repository id; one partition keeps a repository's pushes, change sets and releases
# in order.
for topic in inkstream.push.v1 inkstream.changes.v1 inkstream.releases.v1; do
  create "$topic" 1 cleanup.policy=delete retention.ms=$SEVEN_DAYS_MS
done

# Keyed by repo:path or repo:translationKey; compacted, the latest value per key is the state.
for topic in inkstream.source.v1 inkstream.rendered.v1 inkstream.translations.v1; do
  create "$topic" 3 cleanup.policy=compact
done

# Dead-letter topics: one partition, deleted after seven days like the services declare them.
for topic in inkstream.push.v1 inkstream.source.v1 inkstream.changes.v1 \
             inkstream.rendered.v1 inkstream.translations.v1 inkstream.releases.v1; do
  create "$topic.dlt" 1 cleanup.policy=delete retention.ms=$SEVEN_DAYS_MS
done

"$TOPICS" --bootstrap-server "$BOOTSTRAP_SERVERS" --describe --topics-with-overrides
