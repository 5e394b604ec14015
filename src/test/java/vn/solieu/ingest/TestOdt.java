package vn.solieu.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds a minimal OpenDocument text file by hand (a zip with the mimetype first, stored, then
 * content.xml and the manifest): a heading, a paragraph with a footnote after "năm 2023", a
 * table, and a closing paragraph.
 */
final class TestOdt {
    private TestOdt() {}

    static byte[] report() throws IOException {
        String content = """
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
                    xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
                    xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.2">
                <office:body><office:text>
                <text:h text:outline-level="1">BÁO CÁO kết quả triển khai Đề án 06 tỉnh Bắc Kạn</text:h>
                <text:p>Số hồ sơ trực tuyến năm 2023<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Số liệu tính đến ngày 14/02/2024, nguồn 45/KH-UBND.</text:p></text:note-body></text:note> đạt 1.512/1.546 hồ sơ, đạt tỷ lệ 97,8 %.</text:p>
                <table:table><table:table-column table:number-columns-repeated="2"/>
                <table:table-row><table:table-cell><text:p>Ba Bể</text:p></table:table-cell><table:table-cell><text:p>300.307</text:p></table:table-cell></table:table-row>
                </table:table>
                <text:p>Cấp 3.235 thẻ căn cước cho 02/02 huyện.</text:p>
                </office:text></office:body></office:document-content>
                """.strip();
        String manifest = """
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
                <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
                <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
                </manifest:manifest>
                """.strip();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            byte[] mimetype = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
            ZipEntry first = new ZipEntry("mimetype");
            first.setMethod(ZipEntry.STORED);
            first.setSize(mimetype.length);
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            first.setCrc(crc.getValue());
            zip.putNextEntry(first);
            zip.write(mimetype);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
            zip.write(manifest.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** An RTF with a footnote (\chftn mark, {\footnote …} group); Vietnamese letters as \\uN escapes. */
    static byte[] rtfReport() {
        String body = "{\\rtf1\\ansi\\ansicpg1258\\deff0{\\fonttbl{\\f0 Times New Roman;}}\n"
                + "\\pard " + rtf("BÁO CÁO kết quả triển khai Đề án 06") + "\\par\n"
                + "\\pard " + rtf("Số hồ sơ trực tuyến năm 2023")
                + "{\\super\\chftn}{\\footnote\\pard\\plain{\\super\\chftn} " + rtf("Số liệu tính đến ngày 14/02/2024.") + "}"
                + rtf(" đạt 1.512/1.546 hồ sơ, đạt tỷ lệ 97,8 %.") + "\\par\n"
                + "\\pard " + rtf("Cấp 3.235 thẻ căn cước cho 02/02 huyện.") + "\\par\n}";
        return body.getBytes(StandardCharsets.US_ASCII);
    }

    private static String rtf(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c < 0x80) out.append(c);
            else out.append("\\u").append((int) (short) c).append('?');
        }
        return out.toString();
    }
}
