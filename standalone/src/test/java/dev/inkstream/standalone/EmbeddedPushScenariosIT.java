package dev.inkstream.standalone;

/** The push scenarios on the embedded KRaft broker and S3 store: in every build. */
class EmbeddedPushScenariosIT extends PushScenarios {

    @Override
    protected LocalRuntime runtime() throws Exception {
        return SharedRuntime.get();
    }
}
