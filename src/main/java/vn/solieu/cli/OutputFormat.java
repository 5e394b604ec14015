package vn.solieu.cli;

/** How records are printed: JSON Lines for programs, CSV for spreadsheets, an aligned table for people. */
public enum OutputFormat { jsonl, csv, table, html }
