package vn.solieu.facts;

/** Where a fact was read: file, hash of its bytes, 1-based page (null without pages), offsets in the NFC text. */
public record Source(String file, String sha256, Integer page, int start, int end) {}
