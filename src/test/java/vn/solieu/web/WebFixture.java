package vn.solieu.web;

import vn.solieu.Pipeline;
import vn.solieu.importer.ImportOptions;
import vn.solieu.importer.ImportSummary;
import vn.solieu.importer.Importer;
import vn.solieu.index.FactIndexWriter;
import vn.solieu.ingest.Ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * One temporary index for the web tests, imported once per test run through the real importer:
 * the two seed reports (text), the Bắc Kạn seed as PDF, a copy of the Bắc Kạn report for the next
 * month with other figures (so an indicator has a series), a report whose text holds markup
 * ({@code <script>}), a report inside a zip archive, and a report whose file changes after import.
 */
final class WebFixture {
    static final Path CORPUS = Path.of("corpus");
    static final String BAC_KAN = "000_f89939e2e8bd4875";
    static final String BAC_GIANG = "002_8f33f48acc798cc2";
    static final String SCRIPT = "<script>alert(1)</script>";

    static final String XSS_REPORT = """
            BÁO CÁO

            Kết quả triển khai Đề án 06 trên địa bàn tỉnh Lạng Sơn (Tháng 01 năm 2024)

            II. KẾT QUẢ

            - Đăng ký thường trú %s: 5/10 hồ sơ

            - Cấp hộ chiếu phổ thông "<b>x</b>" & <img src=x onerror=alert(2)>: 7/20 hồ sơ, đạt 35%%.
            """.formatted(SCRIPT);

    static final String ZIPPED_REPORT = """
            BÁO CÁO

            Kết quả triển khai Đề án 06 trên địa bàn tỉnh Cao Bằng (Tháng 02 năm 2024)

            - Đăng ký tạm trú: 40/50 hồ sơ
            """;

    static final String CHANGING_REPORT = """
            BÁO CÁO

            Kết quả triển khai Đề án 06 trên địa bàn tỉnh Hà Giang (Tháng 02 năm 2024)

            - Khai báo tạm vắng: 3/4 hồ sơ
            """;

    private static Path root;
    private static ImportSummary summary;

    private WebFixture() {}

    /** The folder holding "corpus/" (the imported files) and "index/". Built on first use. */
    static synchronized Path root() {
        if (root == null) {
            try {
                root = build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return root;
    }

    static Path index() {
        return root().resolve("index");
    }

    static Path corpus() {
        return root().resolve("corpus");
    }

    static ImportSummary summary() {
        root();
        return summary;
    }

    static String sha256(Path file) throws IOException {
        return Ingest.sha256(Files.readAllBytes(file));
    }

    private static Path build() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("solieu-web");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
        Path in = Files.createDirectories(dir.resolve("corpus"));
        Files.copy(CORPUS.resolve(BAC_KAN + ".txt"), in.resolve(BAC_KAN + ".txt"));
        Files.copy(CORPUS.resolve(BAC_KAN + ".pdf"), in.resolve(BAC_KAN + ".pdf"));
        Files.copy(CORPUS.resolve(BAC_GIANG + ".txt"), in.resolve(BAC_GIANG + ".txt"));
        String nextMonth = Files.readString(CORPUS.resolve(BAC_KAN + ".txt"), StandardCharsets.UTF_8)
                .replace("(Tháng 02 năm 2024)", "(Tháng 03 năm 2024)")
                .replace("1229/1229 hồ sơ", "1300/1400 hồ sơ");
        Files.writeString(in.resolve("bac-kan-2024-03.txt"), nextMonth, StandardCharsets.UTF_8);
        Files.writeString(in.resolve("lang-son-markup.txt"), XSS_REPORT, StandardCharsets.UTF_8);
        Files.writeString(in.resolve("ha-giang-changing.txt"), CHANGING_REPORT, StandardCharsets.UTF_8);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(in.resolve("archive.zip")))) {
            zip.putNextEntry(new ZipEntry("cao-bang/cao-bang-2024-02.txt"));
            zip.write(ZIPPED_REPORT.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        Path index = dir.resolve("index");
        try (FactIndexWriter w = FactIndexWriter.open(index)) {
            summary = new Importer(Pipeline.load(null), w, ImportOptions.defaults(index), null).run(List.of(in));
        }
        if (summary.failed() > 0) throw new IllegalStateException("the test corpus did not import: " + summary);
        return dir;
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is not worth failing for
        }
    }
}
