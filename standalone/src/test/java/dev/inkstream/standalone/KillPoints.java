package dev.inkstream.standalone;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Moments a test wants a child service killed at, found deterministically: the service stops
 * there, says so on stdout ({@link #STALLED}), and waits for the test's {@code SIGKILL}. It
 * stalls rather than halting itself so that the death is a real kill from outside, at a moment
 * the test has seen. Only in the child JVMs of {@link ForkedService}; nothing of it is in the services.
 *
 * <ul>
 *   <li>{@code inkstream.test.stall-at-upload=N} (publish): the N-th upload of a site object
 *       (not of {@code _inkstream/} bookkeeping) stalls once the uploads before it have finished.
 *       Every site object upload is printed as {@link #UPLOADED} and its key.</li>
 *   <li>{@code inkstream.test.stall-before-commit-with=TEXT} (render, ingest): the first
 *       transaction that sent a record whose key contains {@code TEXT} stalls just before its
 *       commit, its records flushed to the broker.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class KillPoints {

    static final String STALLED = "inkstream-test-stalled: ";
    static final String UPLOADED = "inkstream-test-uploaded: ";

    @Bean
    static BeanPostProcessor killPointWrappers(Environment environment) {
        int stallAtUpload = environment.getProperty("inkstream.test.stall-at-upload", Integer.class, 0);
        String stallBeforeCommitWith = environment.getProperty("inkstream.test.stall-before-commit-with", "");
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof S3Client s3) {
                    return proxy(S3Client.class, new Uploads(s3, stallAtUpload));
                }
                if (bean instanceof DefaultKafkaProducerFactory<?, ?> factory && !stallBeforeCommitWith.isEmpty()) {
                    addStall(factory, stallBeforeCommitWith);
                }
                return bean;
            }
        };
    }

    private static <K, V> void addStall(DefaultKafkaProducerFactory<K, V> factory, String keyPart) {
        factory.addPostProcessor(producer -> proxy(Producer.class, new Transactions(producer, keyPart)));
    }

    /**
     * Counts and prints site object uploads; stalls at the configured one. Uploads run on
     * several threads at once: the count is taken in order under a lock, and the stalling upload
     * holds that lock, so no upload after it starts.
     */
    private static final class Uploads implements InvocationHandler {
        private final S3Client target;
        private final int stallAt;
        private final AtomicInteger inFlight = new AtomicInteger();
        private int uploads;

        Uploads(S3Client target, int stallAt) {
            this.target = target;
            this.stallAt = stallAt;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("putObject")) {
                String key = keyOf(args[0]);
                if (!key.startsWith("_inkstream/")) {
                    counted(key);
                    try {
                        return invokeOn(target, method, args);
                    } finally {
                        inFlight.decrementAndGet();
                    }
                }
            }
            return invokeOn(target, method, args);
        }

        private synchronized void counted(String key) throws InterruptedException {
            uploads++;
            if (uploads == stallAt) {
                while (inFlight.get() > 0) {
                    Thread.sleep(10);
                }
                stall("upload " + uploads + " (" + key + ") after " + (uploads - 1) + " site objects uploaded");
            }
            System.out.println(UPLOADED + key);
            inFlight.incrementAndGet();
        }

        @SuppressWarnings("unchecked")
        private static String keyOf(Object request) {
            if (request instanceof PutObjectRequest put) {
                return put.key();
            }
            PutObjectRequest.Builder builder = PutObjectRequest.builder();
            ((Consumer<PutObjectRequest.Builder>) request).accept(builder);
            return builder.build().key();
        }
    }

    /** Stalls before the commit of the first transaction that sent a marked record. */
    private static final class Transactions implements InvocationHandler {
        private final Producer<?, ?> target;
        private final String keyPart;
        private boolean marked;

        Transactions(Producer<?, ?> target, String keyPart) {
            this.target = target;
            this.keyPart = keyPart;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "beginTransaction" -> marked = false;
                case "send" -> marked |= args[0] instanceof ProducerRecord<?, ?> record
                        && record.key() != null && record.key().toString().contains(keyPart);
                case "commitTransaction" -> {
                    if (marked) {
                        target.flush();
                        stall("commit of a transaction that sent a record keyed *" + keyPart + "*");
                    }
                }
                default -> { }
            }
            return invokeOn(target, method, args);
        }
    }

    private static void stall(String where) throws InterruptedException {
        System.out.println(STALLED + where);
        System.out.flush();
        new CountDownLatch(1).await();
    }

    private static Object invokeOn(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(KillPoints.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
