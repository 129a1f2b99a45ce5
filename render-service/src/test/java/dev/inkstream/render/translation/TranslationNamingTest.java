package dev.inkstream.render.translation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TranslationNamingTest {

    @ParameterizedTest(name = "{0} is {1}, key {2}, by {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            posts/a_zh.md                 | zh    | posts/a          | suffix
            posts/a-zh.md                 | zh    | posts/a          | suffix
            posts/a.zh.md                 | zh    | posts/a          | suffix
            posts/a.zh-CN.md              | zh-CN | posts/a          | suffix
            posts/a_zh_CN.md              | zh-CN | posts/a          | suffix
            posts/a.zh-cn.md              | zh-CN | posts/a          | suffix
            docs/guide.pt-br.md           | pt-BR | docs/guide       | suffix
            README.zh-CN.md               | zh-CN | README           | suffix
            posts/a_en.md                 | en    | posts/a          | suffix
            2026-02-25/roi_zh.md          | zh    | 2026-02-25/roi   | suffix
            x/contribution-roi_zh.md      | zh    | x/contribution-roi | suffix
            content/zh/posts/a.md         | zh    | posts/a          | directory
            content/en/posts/a.md         | en    | posts/a          | directory
            zh/posts/a.md                 | zh    | posts/a          | directory
            docs/ja/guide.md              | ja    | docs/guide       | directory
            i18n/fr/posts/a.md            | fr    | posts/a          | directory
            content/zh-cn/a.md            | zh-CN | a                | directory
            posts/a.md                    | -     | posts/a          | none
            posts/my-notes-on.md          | -     | posts/my-notes-on| none
            posts/how-to.md               | -     | posts/how-to     | none
            posts/what-it-is.md           | -     | posts/what-it-is | none
            posts/kubelet-zz.md           | -     | posts/kubelet-zz | none
            notes/FAQ_ZH.md               | -     | notes/FAQ_ZH     | none
            docs/api/x.md                 | -     | docs/api/x       | none
            it/x.md                       | -     | it/x             | none
            README.md                     | -     | README           | none
            """)
    void readsTheLanguageAPathNames(String path, String language, String key, String convention) {
        FileLanguage file = TranslationNaming.of(path);
        assertThat(file.language()).isEqualTo(language);
        assertThat(file.translationKey()).isEqualTo(key.strip());
        assertThat(file.convention()).isEqualTo(convention);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            posts/a_xx.md    | xx
            posts/a.qq-CN.md | qq-CN
            """)
    void reportsCodesItDoesNotKnowInsteadOfGuessing(String path, String unknown) {
        FileLanguage file = TranslationNaming.of(path);
        assertThat(file.language()).isNull();
        assertThat(file.unknownCode()).isEqualTo(unknown);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            zh_CN | zh-CN
            zh-cn | zh-CN
            pt-br | pt-BR
            EN    | en
            """)
    void normalisesToBcp47(String written, String normalised) {
        assertThat(TranslationNaming.normalise(written)).contains(normalised);
    }
}
