package vn.solieu.facts;

import java.time.LocalDate;

/**
 * What a report says about itself: its title, the province that files it, its own period
 * ({@code 2024-02}, {@code 2024-Q1}, {@code 2024}) and the last date it speaks of, when known.
 */
public record ReportInfo(String title, String province, String reportPeriod, LocalDate reportDate) {}
