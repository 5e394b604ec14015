package vn.solieu.reference;

import java.util.List;

/**
 * A canonical indicator of {@code indicators.yaml}: {@code id} ("dvc.dang_ky_thuong_tru"), its
 * Vietnamese name, where the list comes from ({@code de-an-06}, {@code qd-422}, {@code programme}),
 * whether its figure is a running total by nature, and the phrases reports use for it.
 */
public record Indicator(String id, String name, String source, boolean cumulative, List<String> aliases, List<String> exclude) {}
