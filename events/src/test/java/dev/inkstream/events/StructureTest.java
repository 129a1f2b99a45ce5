package dev.inkstream.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StructureTest {

    @Test
    void scriptsAreWrittenInTheOrderOfTheirNamesWhateverOrderTheyCameIn() {
        Map<String, Integer> scripts = new LinkedHashMap<>();
        scripts.put("Latin", 10);
        scripts.put("Han", 3);
        scripts.put("Cyrillic", 1);
        Structure structure = new Structure(List.of(), List.of(), List.of(), List.of(), List.of(), scripts, 14);

        assertThat(EventJson.writeString(structure)).contains("\"scripts\":{\"Cyrillic\":1,\"Han\":3,\"Latin\":10}");
    }
}
