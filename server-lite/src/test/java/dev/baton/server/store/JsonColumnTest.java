package dev.baton.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class JsonColumnTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void labelsAreTheTextObjectMapperWrites() throws Exception {
    Map<String, String> labels = new TreeMap<>();
    labels.put("alertname", "Disk \"full\"");
    labels.put("path", "C:\\data\\new");
    labels.put("note", "line\nnext\ttab \u0001 \u007f é 日本 💾 </script>");
    labels.put("empty", "");
    assertEquals(MAPPER.writeValueAsString(labels), JsonColumn.object(labels));
    assertEquals("{}", JsonColumn.object(Map.of()));
  }

  @Test
  void detailsKeepTheirOrderAndTypes() throws Exception {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("alert_id", 9_007_199_254_740_993L);
    detail.put("step", 3);
    detail.put("forever", true);
    detail.put("until", null);
    detail.put("chain", List.of("#l1", "#dba"));
    detail.put("nested", Map.of("a", 1));
    detail.put("mixed", Arrays.asList("x", null, 2));
    assertEquals(MAPPER.writeValueAsString(detail), JsonColumn.object(detail));
    assertEquals("{\"alert_id\":9007199254740993,\"step\":3,\"forever\":true,\"until\":null,\"chain\":[\"#l1\",\"#dba\"],"
        + "\"nested\":{\"a\":1},\"mixed\":[\"x\",null,2]}", JsonColumn.object(detail));
  }
}
