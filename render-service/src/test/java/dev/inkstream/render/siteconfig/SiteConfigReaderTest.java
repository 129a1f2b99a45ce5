package dev.inkstream.render.siteconfig;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstream.events.Diagnostic;
import dev.inkstream.events.SiteConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SiteConfigReaderTest {

    @Test
    void inkstreamYamlSaysEverythingAndKeepsTheRestAsParams() {
        var result = SiteConfigReader.read("inkstream.yaml", """
                title: Notes & Letters
                baseUrl: https://notes.example.org/blog
                defaultLanguage: zh
                languages: [en, zh]
                include: ['content/**']
                description: A bilingual notebook
                feed: {content: summary}
                translations:
                  convention: suffix
                  missingSeverity: warning
                  mustAgree: [date, tags]
                params:
                  author: Lin
                """);

        SiteConfig config = result.config();
        assertThat(result.diagnostics()).isEmpty();
        assertThat(config.source()).isEqualTo("inkstream.yaml");
        assertThat(config.title()).isEqualTo("Notes & Letters");
        assertThat(config.baseUrl()).isEqualTo("https://notes.example.org/blog/");
        assertThat(config.defaultLanguage()).isEqualTo("zh");
        assertThat(config.languages()).containsExactly("zh", "en");
        assertThat(config.translations().convention()).isEqualTo("suffix");
        assertThat(config.translations().missingSeverity()).isEqualTo(Diagnostic.Severity.WARNING);
        assertThat(config.translations().mustAgree()).containsExactly("date", "tags");
        assertThat(config.translations().ignoreCommitPatterns())
                .isEqualTo(SiteConfig.Translations.DEFAULTS.ignoreCommitPatterns());
        assertThat(config.params()).containsEntry("author", "Lin").containsEntry("description", "A bilingual notebook")
                .containsEntry("feed", Map.of("content", "summary")).doesNotContainKey("include");
    }

    @Test
    void hugoTomlLanguagesAreOrderedByWeightWithTheDefaultFirst() {
        var result = SiteConfigReader.read("hugo.toml", """
                baseURL = 'https://example.com/'
                title = 'My Hugo Site'
                defaultContentLanguage = 'fr'
                [params]
                  subtitle = 'hello'
                [languages]
                  [languages.de]
                    weight = 3
                  [languages.en]
                    weight = 1
                  [languages.fr]
                    weight = 2
                """);

        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.config().title()).isEqualTo("My Hugo Site");
        assertThat(result.config().baseUrl()).isEqualTo("https://example.com/");
        assertThat(result.config().defaultLanguage()).isEqualTo("fr");
        assertThat(result.config().languages()).containsExactly("fr", "en", "de");
        assertThat(result.config().params()).containsEntry("subtitle", "hello");
    }

    @Test
    void hugoLanguageCodeIsTheDefaultLanguageWhenNothingElseSaysIt() {
        var config = SiteConfigReader.read("config.yaml", "baseURL: http://x.org\nlanguageCode: en-us\n").config();

        assertThat(config.defaultLanguage()).isEqualTo("en-us");
        assertThat(config.baseUrl()).isEqualTo("http://x.org/");
    }

    @Test
    void jekyllJoinsUrlAndBaseurl() {
        var config = SiteConfigReader.read("_config.yml", """
                title: Jekyll Blog
                url: "https://user.github.io"
                baseurl: "/blog"
                lang: ja
                author: Sato
                """).config();

        assertThat(config.title()).isEqualTo("Jekyll Blog");
        assertThat(config.baseUrl()).isEqualTo("https://user.github.io/blog/");
        assertThat(config.defaultLanguage()).isEqualTo("ja");
        assertThat(config.languages()).containsExactly("ja");
        assertThat(config.params()).containsEntry("author", "Sato");
    }

    @Test
    void invalidYamlIsAnErrorWithItsLineAndAnEmptyConfig() {
        var result = SiteConfigReader.read("inkstream.yaml", "title: ok\nlanguages: [en\n");

        assertThat(result.config().title()).isNull();
        assertThat(result.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("site-config-invalid");
            assertThat(d.severity()).isEqualTo(Diagnostic.Severity.ERROR);
            assertThat(d.message()).contains("not valid YAML");
            assertThat(d.line()).isEqualTo(3);
        });
    }

    @Test
    void invalidTomlIsAnError() {
        var result = SiteConfigReader.read("hugo.toml", "title = 'x'\nbaseURL = \n");

        assertThat(result.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("site-config-invalid");
            assertThat(d.message()).contains("not valid TOML");
        });
    }

    @Test
    void aConfigThatIsNotAMappingIsAnError() {
        var result = SiteConfigReader.read("inkstream.yaml", "- a\n- b\n");

        assertThat(result.diagnostics()).extracting(Diagnostic::message)
                .containsExactly("the site config must be a mapping of settings");
    }

    @Test
    void aRelativeBaseUrlIsIgnoredWithAWarningAndASuggestion() {
        var result = SiteConfigReader.read("inkstream.yaml", "baseUrl: /blog/\n");

        assertThat(result.config().baseUrl()).isNull();
        assertThat(result.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Diagnostic.Severity.WARNING);
            assertThat(d.message()).contains("'/blog/' is not an absolute http(s) URL");
            assertThat(d.suggestion()).isEqualTo("https://example.org/");
        });
    }

    @Test
    void anUnknownMissingSeverityIsReportedAndInfoApplies() {
        var result = SiteConfigReader.read("inkstream.yaml", "translations:\n  missingSeverity: loud\n");

        assertThat(result.config().translations().missingSeverity()).isEqualTo(Diagnostic.Severity.INFO);
        assertThat(result.diagnostics()).extracting(Diagnostic::message).singleElement().asString().contains("'loud'");
    }

    @Test
    void languagesOfTheWrongShapeAreReported() {
        var result = SiteConfigReader.read("inkstream.yaml", "languages: en\n");

        assertThat(result.config().languages()).isEqualTo(List.of());
        assertThat(result.diagnostics()).extracting(Diagnostic::code).containsExactly("site-config-invalid");
    }
}
