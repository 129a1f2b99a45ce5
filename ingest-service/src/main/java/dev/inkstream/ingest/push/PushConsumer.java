package dev.inkstream.ingest.push;

import dev.inkstream.events.ChangeSet;
import dev.inkstream.events.DocumentKind;
import dev.inkstream.events.EventJson;
import dev.inkstream.events.PushReceived;
import dev.inkstream.events.SourceDocument;
import dev.inkstream.events.Topics;
import dev.inkstream.ingest.IngestSettings;
import dev.inkstream.ingest.blob.BlobStore;
import dev.inkstream.ingest.git.GitMirrors;
import dev.inkstream.ingest.git.PushDiff;
import dev.inkstream.ingest.git.SiteContentConfig;
import dev.inkstream.support.tracing.LogFields;
import dev.inkstream.support.tracing.RecordTracing;
import dev.inkstream.support.tracing.TracedStep;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns each recorded push into source documents and a change set. Runs inside the listener
 * container's Kafka transaction, so the documents, the change set and the push's offset commit
 * together or not at all.
 */
@Component
public class PushConsumer {

    private static final Logger log = LoggerFactory.getLogger(PushConsumer.class);

    private final IngestSettings settings;
    private final GitMirrors mirrors;
    private final KafkaTemplate<String, Object> kafka;
    private final BlobStore blobs;
    private final RecordTracing tracing;

    public PushConsumer(IngestSettings settings, KafkaTemplate<String, Object> kafka, BlobStore blobs,
                        RecordTracing tracing) {
        this.settings = settings;
        this.mirrors = new GitMirrors(settings.dataDir());
        this.kafka = kafka;
        this.blobs = blobs;
        this.tracing = tracing;
    }

    /** In the push's trace: the documents and the change set sent here carry it on to render and publish. */
    @KafkaListener(id = "inkstream-ingest-push", idIsGroup = false, topics = Topics.PUSH)
    public void ingestPush(ConsumerRecord<String, byte[]> record) throws IOException, GitAPIException {
        try (TracedStep step = tracing.continueTrace(record.headers(), "ingest push " + record.key()).repo(record.key())) {
            PushReceived push = EventJson.read(record.value(), PushReceived.class);
            step.delivery(push.deliveryId());
            ingest(push, step);
        }
    }

    private void ingest(PushReceived push, TracedStep step) throws IOException, GitAPIException {
        IngestSettings.Repository config = settings.repositories().get(push.repo());
        if (config == null) {
            log.warn("push for repository {} ignored: no longer configured (delivery {})", push.repo(), push.deliveryId());
            return;
        }
        try (Repository mirror = mirrors.fetch(push.repo(), config)) {
            ObjectId head = mirror.resolve(config.branchRef());
            if (head == null) {
                log.warn("push for {} ignored: branch {} not found at {}", push.repo(), config.branch(), config.url());
                return;
            }
            Optional<ObjectId> last = GitMirrors.lastIngested(mirror, config.branch());
            if (last.isPresent() && alreadyIngested(mirror, last.get(), head)) {
                log.info("push {} of {} changes nothing: {} already ingested", push.after(), push.repo(), head.name());
                return;
            }
            // The branch head, not the payload's 'after': several queued pushes coalesce into one
            // diff, and a late, older delivery can never roll the site back.
            step.commit(head.name());
            SiteContentConfig.Read siteConfig = SiteContentConfig.read(mirror, head, settings.maxFileSize().toBytes());
            PushDiff.Result diff = PushDiff.compute(mirror, push.repo(), config.branchRef(),
                    last.filter(commit -> isCommit(mirror, commit)), head,
                    settings.inlineTextLimit().toBytes(), push.deliveryId(), siteConfig.rules());
            PushDiff.Result result = siteConfig.problem().map(diff::withSkipped).orElse(diff);
            // One transaction however large the push, read from git in bounded batches: the producer
            // streams each batch to the broker, so memory holds one batch of text at a time.
            int batch = settings.documentsPerBatch();
            // Asked once for the whole push: a first push of thousands of images is one listing.
            BlobStore.Unstored unstored = blobs.unstored(result.written().stream()
                    .filter(change -> change.kind() == DocumentKind.ASSET).map(ChangeSet.PathChange::blobId).toList());
            for (int from = 0; from < result.documentCount(); from += batch) {
                List<SourceDocument> documents = result.documents(from, Math.min(result.documentCount(), from + batch));
                // Before the events that refer to them: a reader never follows a dangling claim check.
                unstored.storeAmong(mirror, documents.stream().filter(d -> d.blobRef() != null).map(SourceDocument::blobId).toList());
                for (var document : documents) {
                    kafka.send(Topics.SOURCE, Topics.documentKey(push.repo(), document.path()), document);
                }
            }
            for (String path : result.deletedPaths()) {
                kafka.send(Topics.SOURCE, Topics.documentKey(push.repo(), path), null);
            }
            kafka.send(Topics.CHANGES, push.repo(), result.changeSet().withReceivedAt(push.receivedAt()));
            afterCommit(() -> mirrors.markIngested(push.repo(), config.branch(), head));
            log.info("ingested repo={} commit={} delivery={}: {} documents, {} deletions, {} skipped",
                    push.repo(), head.name(), push.deliveryId(), result.documentCount(), result.deletedPaths().size(),
                    result.changeSet().skipped().size());
            for (var skipped : result.changeSet().skipped()) {
                try (LogFields document = LogFields.open().path(skipped.path())) {
                    log.warn("not published: repo={} commit={} path={}: {}",
                            push.repo(), head.name(), skipped.path(), skipped.reason().message());
                }
            }
        }
    }

    /** True when {@code head} is {@code last} or already contained in it (a duplicate or late push). */
    private static boolean alreadyIngested(Repository mirror, ObjectId last, ObjectId head) throws IOException {
        if (last.equals(head)) {
            return true;
        }
        if (!isCommit(mirror, last)) {
            return false;
        }
        try (RevWalk walk = new RevWalk(mirror)) {
            return walk.isMergedInto(walk.parseCommit(head), walk.parseCommit(last));
        }
    }

    /** False when the marker names a commit the mirror no longer has (history rewritten and pruned). */
    private static boolean isCommit(Repository mirror, ObjectId id) {
        try {
            return mirror.getObjectDatabase().has(id);
        } catch (IOException e) {
            return false;
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }

    /** The ingested marker moves only once the transaction has committed; a rollback re-diffs. */
    private static void afterCommit(IoAction action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    action.run();
                } catch (IOException e) {
                    // Harmless beyond extra work: the next push re-diffs from the older marker and
                    // rewrites documents that compacted topics already hold.
                    log.warn("could not record the ingested commit: {}", e.toString());
                }
            }
        });
    }
}
