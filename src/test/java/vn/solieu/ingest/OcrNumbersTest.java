package vn.solieu.ingest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OcrNumbersTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "đạt 1,512/1,546 hồ sơ | đạt 1.512/1.546 hồ sơ",
            "tổng số 1. 512 hồ sơ | tổng số 1.512 hồ sơ",
            "có 20. 824 đối tượng | có 20.824 đối tượng",
            "tiếp nhận 1O hồ sơ | tiếp nhận 10 hồ sơ",
            "Đề án O6 | Đề án 06",
            "đạt l00% | đạt 100%",
            "năm 2O23 | năm 2023",
            "đạt 42,9 % | đạt 42,9 %",
            "đạt 97,815% | đạt 97,815%",
            "I. KẾT QUẢ | I. KẾT QUẢ",
            "Ông Lò Văn O | Ông Lò Văn O",
            "cấp lO hồ sơ | cấp lO hồ sơ",
            "năm 2023. 512 hồ sơ | năm 2023. 512 hồ sơ",
            "0,125 | 0,125"})
    void repairsFiguresOnly(String ocr, String repaired) {
        assertEquals(repaired, OcrNumbers.repair(ocr, true));
    }

    @Test
    void commasStayWhenTheDocumentWritesThousandsWithCommas() {
        String english = "received 1,512 of 1,546 files and 2,001 calls";
        assertFalse(OcrNumbers.dotThousands(english));
        assertEquals(english, OcrNumbers.repair(english, OcrNumbers.dotThousands(english)));
        assertTrue(OcrNumbers.dotThousands("tiếp nhận 300.307 hồ sơ, trong đó 1,512 trực tuyến"));
        assertTrue(OcrNumbers.dotThousands("không có số nào"));
    }
}
