package vn.solieu.reference;

import java.time.LocalDate;
import java.util.List;

/**
 * A province or centrally-run city ("tỉnh" / "thành phố trực thuộc trung ương") as it existed
 * between {@code validFrom} and {@code validTo} (null: open-ended). {@code mergedInto} is the id of
 * the unit that took over its territory when it ended (the 2025 merger), or null.
 */
public record Province(String id, String name, String type, List<String> aliases,
                       LocalDate validFrom, LocalDate validTo, String mergedInto) {

    public static final String PROVINCE = "tỉnh";
    public static final String CITY = "thành phố trực thuộc trung ương";

    public boolean validOn(LocalDate date) {
        return (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || !date.isAfter(validTo));
    }

    public boolean isCity() {
        return CITY.equals(type);
    }

    @Override
    public String toString() {
        return name + " (" + id + ")";
    }
}
