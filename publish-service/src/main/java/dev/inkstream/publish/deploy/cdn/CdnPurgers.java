package dev.inkstream.publish.deploy.cdn;

/** The purger the settings select. */
public final class CdnPurgers {

    public static CdnPurger from(CdnSettings settings) {
        return switch (settings.provider()) {
            case NONE -> CdnPurger.NONE;
            case CLOUDFRONT, CLOUDFLARE, FASTLY -> throw new IllegalStateException(settings.provider() + " is not supported yet");
        };
    }

    private CdnPurgers() {}
}
