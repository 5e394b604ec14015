package vn.solieu.index;

import org.junit.jupiter.api.Test;
import vn.solieu.facts.Period;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.*;

class MonthsTest {
    private static int m(int year, int month) {
        return year * 12 + month - 1;
    }

    @Test
    void reportPeriodsBecomeMonthRanges() {
        assertEquals(new Months.Range(m(2024, 2), m(2024, 2)), Months.parse("2024-02"));
        assertEquals(new Months.Range(m(2024, 4), m(2024, 6)), Months.parse("2024-Q2"));
        assertEquals(new Months.Range(m(2023, 7), m(2023, 12)), Months.parse("2023-H2"));
        assertEquals(new Months.Range(m(2023, 1), m(2023, 12)), Months.parse("2023"));
        assertNull(Months.parse("2024-13"));
        assertNull(Months.parse("tháng 2"));
    }

    @Test
    void withoutAReportPeriodTheFactsOwnDatesCount() {
        assertEquals(new Months.Range(m(2024, 1), m(2024, 2)),
                Months.of(null, Period.window(LocalDate.of(2024, 1, 16), LocalDate.of(2024, 2, 15))));
        assertEquals(new Months.Range(m(2024, 4), m(2024, 4)), Months.of(null, Period.asOf(LocalDate.of(2024, 4, 14))));
        assertEquals(new Months.Range(m(2023, 5), Integer.MAX_VALUE), Months.of(null, new Period(LocalDate.of(2023, 5, 1), null, null)));
        assertEquals(new Months.Range(m(2024, 2), m(2024, 2)), Months.of("2024-02", Period.asOf(LocalDate.of(2024, 4, 14))));
    }

    @Test
    void labelsAreTheShortestFormParseReadsBack() {
        for (String label : new String[]{"2024-02", "2024-Q1", "2024-Q4", "2023-H2", "2023"}) {
            assertEquals(label, Months.label(Months.parse(label)), label);
        }
        assertEquals("2023..2025", Months.label(new Months.Range(m(2023, 1), m(2025, 12))));
        assertEquals("2024-01..2024-05", Months.label(new Months.Range(m(2024, 1), m(2024, 5))));
        assertEquals("2024-02..2024-04", Months.label(new Months.Range(m(2024, 2), m(2024, 4))), "three months off the quarters");
    }
}
