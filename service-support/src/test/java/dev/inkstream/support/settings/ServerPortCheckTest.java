package dev.inkstream.support.settings;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;

class ServerPortCheckTest {

    @Test
    void aPortOutOfRangeIsRefusedByName() {
        assertThatThrownBy(() -> new ServerPortCheck(70000).customize(new TomcatServletWebServerFactory()))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("server.port must be between -1 and 65535 (was 70000)");
        assertThatThrownBy(() -> new ServerPortCheck(-2).customize(new TomcatServletWebServerFactory()))
                .hasMessage("server.port must be between -1 and 65535 (was -2)");
    }

    @Test
    void anyFreePortAndNoServerAreFine() {
        assertThatCode(() -> new ServerPortCheck(0).customize(new TomcatServletWebServerFactory())).doesNotThrowAnyException();
        assertThatCode(() -> new ServerPortCheck(-1).customize(new TomcatServletWebServerFactory())).doesNotThrowAnyException();
    }
}
