package vn.solieu.generate;

import vn.solieu.audit.AuditFinding;
import vn.solieu.corpus.Block;
import vn.solieu.corpus.Footnote;
import vn.solieu.corpus.Inline;
import vn.solieu.facts.Fact;
import vn.solieu.facts.Period;
import vn.solieu.reference.Province;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the words of one monthly Đề án 06 report, modelled on the Bắc Kạn seed: title block,
 * "I. CÔNG TÁC CHỈ ĐẠO", "II. KẾT QUẢ …" with the essential services (bullets or prose), the
 * citizen-ID figures, school fees, data cleaning, then assessment, tasks and the signature block.
 * Alongside the blocks it records every figure it wrote as a ground-truth record (the contract's
 * fact fields) and every inconsistency it injected. Stateless: one call per report, any thread.
 */
public final class ReportComposer {
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final String[] ROMAN = {"I", "II", "III", "IV"};
    private static final List<String> DOC_KINDS = List.of("KH-UBND", "UBND-NC", "BC-CAT", "TB-UBND", "QĐ-UBND", "UBND-KGVX", "CAT-PC06");
    private static final List<String> SIGNERS = List.of("Nguyễn Văn Hùng", "Trần Thị Thu Hà", "Lê Minh Tuấn", "Phạm Đức Long",
            "Hoàng Văn Thắng", "Đặng Thị Lan", "Vũ Quốc Khánh", "Bùi Thanh Sơn");

    private final long seed;
    private final Phrasings phrasings;
    private final ProvinceModel model;
    private final InjectionPlan plan;
    private final YearMonth firstMonth;

    /** {@code firstMonth}: the corpus's first month, so that a running total is only falsified where the month before exists. */
    public ReportComposer(long seed, Phrasings phrasings, ProvinceModel model, InjectionPlan plan, YearMonth firstMonth) {
        this.seed = seed;
        this.phrasings = phrasings;
        this.model = model;
        this.plan = plan;
        this.firstMonth = firstMonth;
    }

    /** The report's blocks and footnotes, its ground-truth facts and its injected inconsistencies. */
    public record Composed(ReportSpec spec, String title, List<Block> blocks, List<Footnote> footnotes,
                           List<Map<String, Object>> facts, List<Injection> injections) {}

    public Composed compose(ReportSpec spec) {
        return new Draft(spec).write();
    }

    /** One report being written. */
    private final class Draft {
        final ReportSpec spec;
        final Province province;
        final YearMonth month;
        final NumberStyle nf;
        /** Figures and injections: the same for every copy of a report. */
        final SplittableRandom r;
        /** Wording: phrasings, labels, noise; differs between copies. */
        final SplittableRandom w;
        final Set<String> inject;
        final String area;
        final String place;
        final List<Block> blocks = new ArrayList<>();
        final List<Footnote> footnotes = new ArrayList<>();
        final List<Map<String, Object>> facts = new ArrayList<>();
        final List<Injection> injections = new ArrayList<>();
        final List<String> section = new ArrayList<>();
        final List<Integer> sectionLevels = new ArrayList<>();
        Period period;

        Draft(ReportSpec spec) {
            this.spec = spec;
            this.province = spec.province();
            this.month = spec.month();
            this.nf = spec.numbers();
            this.r = Seeds.random(seed, "figures", province.id(), month);
            this.w = Seeds.random(seed, "words", province.id(), month, spec.copy());
            this.inject = new java.util.LinkedHashSet<>(plan.checksFor(province.id(), month));
            this.area = province.isCity() ? "thành phố" : "tỉnh";
            String name = province.name().replaceFirst("^TP\\.\\s*", "");
            // Old tone placement ("Hoà Bình", "Thanh Hoá") in about a third of reports.
            if (w.nextDouble() < 0.33) name = name.replace("òa", "oà").replace("óa", "oá").replace("ủy", "uỷ");
            this.place = name;
        }

        Composed write() {
            titleBlock();
            heading(1, "I. CÔNG TÁC CHỈ ĐẠO");
            paragraph(noise("direction"));
            if (w.nextDouble() < 0.5) paragraph(noise("direction"));
            boolean partsInDocuments = inject.contains(AuditFinding.PARTS_VS_TOTAL) && r.nextBoolean();
            if (r.nextDouble() < 0.8 || partsInDocuments) documentsIssued(partsInDocuments);
            heading(1, "II. KẾT QUẢ TRIỂN KHAI CÁC MẶT CÔNG TÁC");
            services();
            heading(2, "2. Nhóm phục vụ phát triển công dân số");
            citizenId();
            chipCard();
            heading(2, "3. Nhóm tiện ích phục vụ phát triển kinh tế, xã hội");
            schoolFees();
            paragraph(noise("general"));
            heading(2, "4. Làm sạch dữ liệu “đúng, đủ, sạch, sống”");
            dataCleaning();
            verification();
            if (w.nextDouble() < 0.5) paragraph(noise("general"));
            heading(1, "III. NHẬN XÉT, ĐÁNH GIÁ");
            paragraph(noise("assessment"));
            paragraph(noise("assessment"));
            heading(1, "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG TỚI");
            for (int i = 0; i < 3; i++) paragraph("- " + noise("tasks"));
            closing();
            String title = "Báo cáo kết quả triển khai Đề án 06 " + area + " " + place + " tháng " + month.getMonthValue() + "/" + month.getYear();
            return new Composed(spec, title, blocks, footnotes, facts, injections);
        }

        // ---- title, preamble and closing ----

        void titleBlock() {
            String mm = String.format("%02d", month.getMonthValue());
            if (w.nextDouble() < 0.5) {
                // With the agency header and the document number, as an official copy has them.
                title(("UBND " + area + " " + place).toUpperCase(java.util.Locale.ROOT));
                title("Số: " + (20 + w.nextInt(900)) + "/BC-UBND");
            }
            title("BÁO CÁO");
            title("Kết quả triển khai thực hiện Đề án “Phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia giai đoạn 2022 - 2025, tầm nhìn đến năm 2030” trên địa bàn " + area + " " + place);
            title("(Tháng " + mm + " năm " + month.getYear() + ")");
            blocks.add(new Block.Paragraph(List.of(
                    Inline.text("Thực hiện Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ về việc phê duyệt Đề án (gọi tắt là Đề án 06"),
                    new Inline.FootnoteRef(footnote(phrasings.noise("footnotes").get(0))),
                    Inline.text("). UBND " + area + " " + place + " báo cáo kết quả triển khai, thực hiện tháng " + mm + "/" + month.getYear() + " như sau:"))));
        }

        void closing() {
            String mm = String.format("%02d", month.getMonthValue());
            paragraph("Trên đây là Báo cáo kết quả triển khai thực hiện Đề án 06 tháng " + mm + "/" + month.getYear()
                    + " của UBND " + area + " " + place + "./.");
            paragraph("Nơi nhận:");
            paragraph("- Tổ Công tác triển khai Đề án 06 Chính phủ;");
            paragraph("- Lưu: VT, CAT.");
            title("TM. ỦY BAN NHÂN DÂN");
            title("KT. CHỦ TỊCH");
            title("PHÓ CHỦ TỊCH");
            title(Seeds.pick(w, SIGNERS));
        }

        int footnote(String text) {
            int n = footnotes.size() + 1;
            footnotes.add(new Footnote(n, fillIn(text, Map.of())));
            return n;
        }

        // ---- I. documents issued: a whole and its parts ----

        void documentsIssued(boolean falsify) {
            long a = 1 + r.nextInt(3), b = 1 + r.nextInt(6), e = 2 + r.nextInt(10);
            long c = a + b + e;
            if (falsify && inject.remove(AuditFinding.PARTS_VS_TOTAL)) {
                long delta = (1 + r.nextInt(3)) * (r.nextBoolean() ? 1 : -1);
                c = Math.max(1, c + delta);
                if (c == a + b + e) c++;
                injected(AuditFinding.PARTS_VS_TOTAL, null, "documents issued: " + c + " văn bản listed as " + a + " + " + b + " + " + e,
                        Map.of("total", c, "parts", List.of(a, b, e)));
            }
            String text = fillIn(pick("vanBan"), Map.of("c", nf.integer(c), "a", nf.integer(a), "b", nf.integer(b), "e", nf.integer(e)));
            paragraph(text,
                    count(c, "văn bản", "ban hành văn bản", null),
                    count(a, "kế hoạch", "ban hành văn bản", null),
                    count(b, "báo cáo", "ban hành văn bản", null),
                    count(e, "công văn", "ban hành văn bản", null));
        }

        // ---- II.1 essential services ----

        record Line(Phrasings.Service service, String label, long n, long d, String shape, String template, Double statedPercent) {}

        void services() {
            LocalDate to = month.atDay(15);
            LocalDate from = month.minusMonths(1).atDay(16);
            List<Phrasings.Field> fields = new ArrayList<>();
            for (Phrasings.Field f : phrasings.fields()) {
                List<Phrasings.Service> kept = new ArrayList<>();
                for (Phrasings.Service s : f.services()) if (r.nextDouble() < 0.9) kept.add(s);
                if (!kept.isEmpty() && r.nextDouble() < 0.9) fields.add(new Phrasings.Field(f.heading(), f.part(), kept));
            }
            if (fields.isEmpty()) fields.add(phrasings.fields().get(0));
            int serviceCount = fields.stream().mapToInt(f -> f.services().size()).sum();

            // Lines first (figures and injections), then text.
            List<List<Line>> byField = new ArrayList<>();
            List<Line> all = new ArrayList<>();
            for (Phrasings.Field f : fields) {
                List<Line> lines = new ArrayList<>();
                for (Phrasings.Service s : f.services()) {
                    Line l = line(s);
                    lines.add(l);
                    all.add(l);
                }
                byField.add(lines);
            }
            injectIntoServices(all, byField);

            // Two subsections, each with its window: the services of Bộ Công an, then the others.
            int[] linesInPart = new int[3];
            for (int i = 0; i < fields.size(); i++) linesInPart[fields.get(i).part()] += byField.get(i).size();
            boolean both = linesInPart[1] > 0 && linesInPart[2] > 0;
            LocalDate[] shownFrom = {null, from, from}, shownTo = {null, to, to};
            if (inject.remove(AuditFinding.PERIOD_ANOMALY)) {
                // The smaller subsection gets the slip, so that the right window stays the report's main one.
                int part = linesInPart[1] == 0 ? 2 : linesInPart[2] == 0 ? 1 : linesInPart[2] <= linesInPart[1] ? 2 : 1;
                boolean yearTypo = both && r.nextBoolean();
                if (yearTypo) shownFrom[part] = from.minusYears(1);
                else shownTo[part] = month.plusMonths(1).atDay(15);
                injected(AuditFinding.PERIOD_ANOMALY, null, yearTypo
                                ? "services window starts a year early: " + DMY.format(shownFrom[part]) + " for " + DMY.format(from)
                                : "services window ends after the report's month: " + DMY.format(shownTo[part]),
                        Map.of("from", shownFrom[part].toString(), "to", shownTo[part].toString()));
            }
            if (w.nextBoolean()) {
                heading(2, "1. Kết quả thực hiện dịch vụ công thiết yếu");
            } else {
                String text = "1. Kết quả triển khai " + nf.integer(serviceCount) + " dịch vụ công thiết yếu";
                heading(2, text);
                facts.add(count(serviceCount, "dịch vụ công", "Kết quả triển khai dịch vụ công thiết yếu", null).build(text));
            }
            int number = 1;
            for (int part = 1; part <= 2; part++) {
                if (linesInPart[part] == 0) continue;
                String window = "(từ " + DMY.format(shownFrom[part]) + " đến " + DMY.format(shownTo[part]) + ")";
                heading(3, "1." + number++ + ". Kết quả triển khai các dịch vụ công " + (part == 1 ? "của Bộ Công an " : "của các sở, ngành ") + window);
                period = Period.window(shownFrom[part], shownTo[part]);
                if (spec.prose()) paragraph(pick("servicesIntro", phrasings.shape("servicesIntro")));
                for (int i = 0; i < fields.size(); i++) {
                    if (fields.get(i).part() != part) continue;
                    if (!spec.prose()) paragraph("- " + fields.get(i).heading() + ":");
                    for (Line l : byField.get(i)) serviceLine(l);
                }
            }
            period = null;
        }

        Line line(Phrasings.Service s) {
            double season = 1 + 0.15 * Math.sin(2 * Math.PI * month.getMonthValue() / 12.0);
            long d = Math.round(model.population(province) / 100_000.0 * s.perMonth() * season * Seeds.uniform(r, 0.8, 1.2));
            long n = s.alwaysComplete() ? d : Math.round(d * model.serviceRate(province, s, month));
            String label = s.labels().size() > 1 && w.nextDouble() < 0.3 ? s.labels().get(1) : s.labels().get(0);
            String shape = spec.prose() ? (w.nextDouble() < 0.8 ? "ratioProse" : "ratioProsePlain")
                    : w.nextDouble() < 0.55 ? "ratioBullet" : "ratioPercentBullet";
            return new Line(s, label, n, d, shape, pick(shape, phrasings.shape(shape)), null);
        }

        void injectIntoServices(List<Line> all, List<List<Line>> byField) {
            List<Integer> used = new ArrayList<>();
            if (inject.remove(AuditFinding.RATIO_OVER_ONE)) {
                int i = choose(all, used, 10, false);
                if (i >= 0) {
                    Line l = all.get(i);
                    long n = l.d() + Math.max(1, Math.round(l.d() * Seeds.uniform(r, 0.03, 0.25)));
                    replace(all, byField, i, withShape(l, n, l.d(), spec.prose() ? "ratioProsePlain" : "ratioBullet", null));
                    injected(AuditFinding.RATIO_OVER_ONE, l.service().id(), l.label() + ": " + n + "/" + l.d(), Map.of("numerator", n, "denominator", l.d()));
                    // A share above 100 % is also far from every other province's rate.
                    injections.add(new Injection(AuditFinding.CROSS_PROVINCE_OUTLIER, spec.file(), province.name(), spec.reportPeriod(),
                            l.service().id(), "follows from the over-one ratio " + n + "/" + l.d(), Map.of("numerator", n, "denominator", l.d()), true));
                }
            }
            if (inject.remove(AuditFinding.PERCENT_MISMATCH)) {
                int i = choose(all, used, 20, false);
                if (i >= 0) {
                    Line l = all.get(i);
                    double truth = nf.round(100.0 * l.n() / l.d());
                    double off = Seeds.uniform(r, 2.5, 10) * (truth > 50 ? -1 : 1);
                    double stated = nf.round(truth + off);
                    replace(all, byField, i, withShape(l, l.n(), l.d(), spec.prose() ? "ratioProse" : "ratioPercentBullet", stated));
                    injected(AuditFinding.PERCENT_MISMATCH, l.service().id(), l.label() + ": " + l.n() + "/" + l.d() + " stated as " + stated + "%",
                            Map.of("numerator", l.n(), "denominator", l.d(), "stated", stated));
                }
            }
            if (inject.remove(AuditFinding.CROSS_PROVINCE_OUTLIER)) {
                int i = choose(all, used, 30, true);
                if (i >= 0) {
                    Line l = all.get(i);
                    long n = Math.round(l.n() * Seeds.uniform(r, 0.15, 0.35));
                    replace(all, byField, i, new Line(l.service(), l.label(), n, l.d(), l.shape(), l.template(), null));
                    injected(AuditFinding.CROSS_PROVINCE_OUTLIER, l.service().id(), l.label() + ": " + n + "/" + l.d() + " instead of about " + l.n() + "/" + l.d(),
                            Map.of("numerator", n, "denominator", l.d()));
                }
            }
            if (inject.remove(AuditFinding.CONFLICTING_DUPLICATE)) {
                int i = choose(all, used, 20, false);
                if (i >= 0) {
                    Line l = all.get(i);
                    long d2 = l.d() + Math.max(3, Math.round(l.d() * Seeds.uniform(r, 0.05, 0.3)));
                    long n2 = l.service().alwaysComplete() ? d2 : Math.round(d2 * (double) l.n() / l.d());
                    // A copy-paste slip: the same line again at the end of its list, with other figures.
                    byField.stream().filter(lines -> lines.contains(l)).findFirst().orElseThrow().add(new Line(l.service(), l.label(), n2, d2, l.shape(), l.template(), null));
                    injected(AuditFinding.CONFLICTING_DUPLICATE, l.service().id(), l.label() + ": " + l.n() + "/" + l.d() + " and " + n2 + "/" + d2,
                            Map.of("first", l.n() + "/" + l.d(), "second", n2 + "/" + d2));
                }
            }
        }

        /** The line in another shape (an injection needs a percentage, or none): a fresh phrasing of that shape. */
        Line withShape(Line l, long n, long d, String shape, Double stated) {
            String template = shape.equals(l.shape()) ? l.template() : pick(shape, phrasings.shape(shape));
            return new Line(l.service(), l.label(), n, d, shape, template, stated);
        }

        /** A service line not used by another injection, with at least {@code minCases} cases; -1 when none. */
        int choose(List<Line> all, List<Integer> used, long minCases, boolean partialOnly) {
            List<Integer> candidates = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                Line l = all.get(i);
                if (used.contains(i) || l.d() < minCases || partialOnly && l.service().alwaysComplete()) continue;
                candidates.add(i);
            }
            if (candidates.isEmpty()) return -1;
            int i = candidates.get(r.nextInt(candidates.size()));
            used.add(i);
            return i;
        }

        void replace(List<Line> all, List<List<Line>> byField, int index, Line replacement) {
            Line old = all.set(index, replacement);
            for (List<Line> lines : byField) {
                int at = lines.indexOf(old);
                if (at >= 0) {
                    lines.set(at, replacement);
                    return;
                }
            }
        }

        void serviceLine(Line l) {
            if (l.d() == 0) {
                String text = (spec.prose() ? "" : "+ ") + l.label() + ": 0 hồ sơ" + (spec.prose() ? "." : "");
                paragraph(text, count(0, "hồ sơ", l.label(), l.service().id()));
                return;
            }
            boolean withPercent = !l.shape().equals("ratioBullet") && !l.shape().equals("ratioProsePlain");
            double stated = l.statedPercent() != null ? l.statedPercent() : nf.round(100.0 * l.n() / l.d());
            String template = l.template();
            String text = fillIn(template, Map.of("label", l.label(), "n", nf.integer(l.n()), "d", nf.integer(l.d()),
                    "unit", "hồ sơ", "p", nf.percent(stated)));
            paragraph(text, ratio(l.n(), l.d(), withPercent ? stated : null, "hồ sơ", l.label(), l.service().id()));
        }

        // ---- II.2 citizen ID, identity accounts, health insurance by chip card ----

        void citizenId() {
            LocalDate asOf = month.atDay(r.nextBoolean() ? 14 : 15);
            long received = model.cccdReceived(province, month);
            long activated = model.accountsActivated(province, month);
            double share = nf.round(100.0 * activated / received);
            if (inject.remove(AuditFinding.CUMULATIVE_DECREASE) && canFalsifyRunningTotal()) {
                long before = model.cccdReceived(province, month.minusMonths(1));
                long written = (long) Math.floor(before * (1 - Seeds.uniform(r, 0.002, 0.03)));
                injected(AuditFinding.CUMULATIVE_DECREASE, "cccd.thu_nhan_ho_so",
                        "CCCD dossiers received fall from " + before + " (previous month) to " + written,
                        Map.of("previous", before, "written", written, "actual", received));
                received = written;
            }
            period = Period.asOf(asOf);
            String text = fillIn(pick("cccd"), Map.of("date", DMY.format(asOf), "area", area,
                    "c1", nf.integer(received), "c2", nf.integer(activated), "p", nf.percent(share)));
            paragraph(text,
                    count(received, "hồ sơ", "thu nhận hồ sơ cấp CCCD", "cccd.thu_nhan_ho_so"),
                    count(activated, "tài khoản", "kích hoạt tài khoản định danh điện tử", "dinh_danh.kich_hoat"),
                    percent(share, false, "kích hoạt tài khoản định danh điện tử", "dinh_danh.kich_hoat"));
            period = null;
        }

        /** Only where last month's report exists and did not already falsify the same total. */
        boolean canFalsifyRunningTotal() {
            YearMonth prev = month.minusMonths(1);
            if (prev.isBefore(firstMonth) || !province.validOn(prev.atEndOfMonth())) return false;
            return !plan.checksFor(province.id(), prev).contains(AuditFinding.CUMULATIVE_DECREASE);
        }

        void chipCard() {
            long visits = Math.round(model.population(province) * 0.035 * Seeds.uniform(r, 0.9, 1.1));
            double shareNow = model.chipCardShare(province, month);
            double change = 100 * (shareNow - model.chipCardShare(province, month.minusMonths(1)));
            long n = Math.round(visits * shareNow);
            double p = nf.round(100.0 * n / visits);
            double chg = Math.max(0.1, nf.round(Math.abs(change)));
            chg = nf.round(chg);
            if (chg == 0) chg = 1;
            String text = fillIn(pick("kcb"), Map.of("d", nf.integer(visits), "n", nf.integer(n), "p", nf.percent(p),
                    "chg", nf.percent(chg), "dir", change >= 0 ? "tăng" : "giảm"));
            paragraph(text,
                    count(visits, "lượt", "lượt công dân đi khám, chữa bệnh", null),
                    ratio(n, visits, p, "lượt", "sử dụng CCCD gắn chip thay BHYT", "bhyt.kcb_bang_cccd"),
                    percent(chg, true, "sử dụng CCCD gắn chip thay BHYT", "bhyt.kcb_bang_cccd"));
        }

        // ---- II.3 school fees without cash (a stock that only grows) ----

        void schoolFees() {
            long d = model.schools(province);
            long n = model.schoolsCashless(province, month);
            double p = nf.round(100.0 * n / d);
            String text = fillIn(pick("hocPhi"), Map.of("n", nf.integer(n), "d", nf.integer(d), "p", nf.percent(p)));
            paragraph("- " + text, ratio(n, d, p, "cơ sở giáo dục", "thanh toán học phí không dùng tiền mặt", "hoc_phi.khong_tien_mat"));
        }

        // ---- II.4 data cleaning and verification ----

        void dataCleaning() {
            paragraph("Công an " + area + " phối hợp với các sở, ngành, đoàn thể cập nhật, làm sạch dữ liệu dân cư:");
            int t = ProvinceModel.monthIndex(month);
            for (Phrasings.CleaningItem item : phrasings.lamSachLabels()) {
                if (r.nextDouble() < 0.2) continue;
                long d = Math.round(model.population(province) * item.perCapita() * (1 + 0.002 * t));
                long n = Math.round(d * Math.min(0.999, model.fixedRate(province, item.id(), item.rate()) + 0.001 * Seeds.gaussian(r)));
                double p = nf.round(100.0 * n / d);
                String text = "+ " + fillIn(pick("lamSach"), Map.of("label", item.label(), "n", nf.integer(n), "d", nf.integer(d), "p", nf.percent(p)));
                paragraph(text, ratio(n, d, p, "dữ liệu", item.label(), item.id()));
            }
        }

        void verification() {
            int t = ProvinceModel.monthIndex(month);
            long d = Math.round(model.population(province) * 0.27 * (1 + 0.003 * t));
            long n = Math.round(d * model.fixedRate(province, "xac-thuc", 0.975));
            long z = d - n;
            if (inject.remove(AuditFinding.PARTS_VS_TOTAL)) {
                long delta = Math.max(1, Math.round(z * Seeds.uniform(r, 0.05, 0.3))) * (r.nextBoolean() ? 1 : -1);
                z = Math.max(0, z + delta);
                if (n + z == d) z++;
                injected(AuditFinding.PARTS_VS_TOTAL, "lam_sach.bhxh_xac_thuc",
                        "verified " + n + "/" + d + " and remaining " + z + "/" + d + " do not add up", Map.of("numerator", n, "remaining", z, "denominator", d));
            }
            double p = nf.round(100.0 * n / d), q = nf.round(100.0 * z / d);
            String text = "+ " + fillIn(pick("xacThuc"), Map.of("area", area, "n", nf.integer(n), "d", nf.integer(d), "z", nf.integer(z),
                    "p", nf.percent(p), "q", nf.percent(q)));
            paragraph(text,
                    ratio(n, d, p, "trường hợp", "xác thực thông tin với cơ sở dữ liệu quốc gia về dân cư", "lam_sach.bhxh_xac_thuc"),
                    ratio(z, d, q, "trường hợp", "chưa có số định danh cá nhân", null));
        }

        // ---- blocks ----

        void title(String text) {
            blocks.add(new Block.Title(List.of(Inline.text(text))));
        }

        void heading(int level, String text) {
            while (!sectionLevels.isEmpty() && sectionLevels.get(sectionLevels.size() - 1) >= level) {
                sectionLevels.remove(sectionLevels.size() - 1);
                section.remove(section.size() - 1);
            }
            sectionLevels.add(level);
            section.add(text);
            blocks.add(new Block.Heading(level, List.of(Inline.text(text))));
        }

        void paragraph(String text, TruthFact... truths) {
            blocks.add(new Block.Paragraph(List.of(Inline.text(text))));
            for (TruthFact t : truths) facts.add(t.build(text));
        }

        String noise(String kind) {
            LocalDate date = month.minusMonths(1).atDay(1).plusDays(w.nextInt(40));
            int quarter = (month.getMonthValue() - 1) / 3;
            Map<String, String> values = Map.of(
                    "doc", (1 + w.nextInt(999)) + "/" + Seeds.pick(w, DOC_KINDS),
                    "date", w.nextBoolean() ? DMY.format(date) : date.getDayOfMonth() + "/" + date.getMonthValue() + "/" + date.getYear(),
                    "year", Integer.toString(month.getYear()),
                    "quarter", (w.nextBoolean() ? "Quý " : "quý ") + ROMAN[quarter] + "/" + month.getYear(),
                    "rank", Integer.toString(1 + w.nextInt(63)),
                    "area", area);
            return fillIn(Seeds.pick(w, phrasings.noise(kind)), values);
        }

        /** Fills a phrasing; {area} ("tỉnh" or "thành phố") is always known. */
        String fillIn(String template, Map<String, String> values) {
            Map<String, String> all = new java.util.HashMap<>(values);
            all.putIfAbsent("area", area);
            return fill(template, all);
        }

        String pick(String programme) {
            return pick(programme, phrasings.programme(programme));
        }

        String pick(String name, List<String> options) {
            return Seeds.pick(w, options);
        }

        void injected(String check, String indicatorId, String description, Map<String, Object> figures) {
            injections.add(new Injection(check, spec.file(), province.name(), spec.reportPeriod(), indicatorId, description, figures, false));
        }

        // ---- ground truth ----

        TruthFact ratio(long n, long d, Double percent, String unit, String label, String indicatorId) {
            TruthFact t = new TruthFact(Fact.Kind.ratio, label, indicatorId, unit);
            t.fields.put("numerator", n);
            t.fields.put("denominator", d);
            t.fields.put("percent", percent == null ? null : num(percent));
            return t;
        }

        TruthFact count(long value, String unit, String label, String indicatorId) {
            TruthFact t = new TruthFact(Fact.Kind.count, label, indicatorId, unit);
            t.fields.put("value", value);
            return t;
        }

        TruthFact percent(double value, boolean change, String label, String indicatorId) {
            TruthFact t = new TruthFact(Fact.Kind.percent, label, indicatorId, null);
            t.fields.put("value", num(value));
            t.fields.put("change", change);
            return t;
        }

        /** A ground-truth record in the contract's field order, completed with the sentence when its block is written. */
        final class TruthFact {
            final Map<String, Object> fields = new LinkedHashMap<>();
            final String label, indicatorId, unit;

            TruthFact(Fact.Kind kind, String label, String indicatorId, String unit) {
                fields.put("kind", kind.name());
                this.label = label;
                this.indicatorId = indicatorId;
                this.unit = unit;
            }

            Map<String, Object> build(String text) {
                Map<String, Object> m = new LinkedHashMap<>(fields);
                m.put("unit", unit);
                m.put("indicator", label);
                m.put("indicatorId", indicatorId);
                m.put("section", List.copyOf(section));
                m.put("province", province.name());
                m.put("period", period == null ? null : period.toMap());
                m.put("reportPeriod", spec.reportPeriod());
                Map<String, Object> source = new LinkedHashMap<>();
                source.put("file", spec.file());
                m.put("source", source);
                m.put("text", text);
                return m;
            }
        }
    }

    private static Object num(double d) {
        return d == Math.rint(d) ? (Object) (long) d : (Object) d;
    }

    static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            if (v == null) throw new IllegalStateException("phrasing has no value for {" + m.group(1) + "}: " + template);
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
